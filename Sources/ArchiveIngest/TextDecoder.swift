/// Turns a file's bytes into text, refusing what is not text: an empty file, binary data (NUL
/// bytes), or bytes that are not valid UTF-8.
enum TextDecoder {
    static func decode(_ bytes: [UInt8], path: String) throws -> String {
        var content = bytes[...]
        if content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
        if content.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw ReadError(.empty, path: path, "the file is empty")
        }
        if content.prefix(8192).contains(0) {
            throw ReadError(.binary, path: path, "binary data, not text (it contains NUL bytes)")
        }
        guard let text = String(validating: content, as: UTF8.self) else {
            let offset = firstInvalidUTF8(content) ?? 0
            throw ReadError(.invalidEncoding, path: path, "not valid UTF-8 (first bad byte at offset \(offset))")
        }
        return text
    }

    private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index - bytes.startIndex
            }
            guard index + length <= bytes.endIndex else { return index - bytes.startIndex }
            for next in (index + 1)..<(index + length) where bytes[next] & 0xC0 != 0x80 {
                return index - bytes.startIndex
            }
            if let decoded = String(validating: bytes[index..<(index + length)], as: UTF8.self), !decoded.isEmpty {
                index += length
            } else {
                return index - bytes.startIndex
            }
        }
        return nil
    }
}
