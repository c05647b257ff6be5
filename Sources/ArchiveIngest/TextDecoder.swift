/// Turns a file's bytes into text, refusing what is not text: an empty file, binary data (NUL
/// bytes), or bytes that are not valid UTF-8 (or UTF-16, when a byte-order mark says so).
enum TextDecoder {
    static func decode(_ bytes: [UInt8], path: String) throws -> String {
        // UTF-16 announces itself with a byte-order mark (Windows tools save text so).
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return try decodeUTF16(bytes, bigEndian: bytes[0] == 0xFE, path: path)
        }
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

    private static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool, path: String) throws -> String {
        let body = bytes.dropFirst(2)
        guard body.count % 2 == 0 else { throw ReadError(.invalidEncoding, path: path, "UTF-16 with an odd number of bytes") }
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var index = body.startIndex
        while index < body.endIndex {
            let (a, b) = (UInt16(body[index]), UInt16(body[index + 1]))
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            index += 2
        }
        var text = ""
        var decoder = UTF16()
        var iterator = units.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): text.unicodeScalars.append(scalar)
            case .emptyInput: break loop
            case .error: throw ReadError(.invalidEncoding, path: path, "not valid UTF-16 (an unpaired surrogate)")
            }
        }
        if !text.contains(where: { !$0.isWhitespace }) { throw ReadError(.empty, path: path, "the file is empty") }
        if text.unicodeScalars.contains("\u{0}") { throw ReadError(.binary, path: path, "binary data, not text (it contains NUL characters)") }
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
