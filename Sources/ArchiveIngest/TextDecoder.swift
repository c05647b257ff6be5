/// Turns a file's bytes into text, refusing what is not text: an empty file, binary data (NUL
/// bytes, control characters), or damaged UTF-8.
///
/// UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are read as such.
/// Bytes that are not UTF-8 at all — not one valid multi-byte sequence among them, as in a file
/// saved by an older Windows program — are read as Windows-1252, with a warning naming the file.
/// Bytes that are mostly UTF-8 with some invalid ones are damaged, and refused: read as
/// Windows-1252 they would turn every accented letter into two wrong ones.
enum TextDecoder {
    static func decode(_ bytes: [UInt8], path: String, warnings: inout [String]) throws -> String {
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
        if let text = String(validating: content, as: UTF8.self) { return text }
        let offset = firstInvalidUTF8(content) ?? 0
        // Valid multi-byte sequences beside invalid bytes make damaged UTF-8, not a legacy encoding.
        let isDamagedUTF8 = content.indices.contains { validSequenceLength(content, at: $0) != nil }
        if !isDamagedUTF8, let text = windows1252(content) {
            warnings.append("\(PrintablePath.escaped(path)): not UTF-8 (byte 0x\(String(content[content.startIndex + offset], radix: 16, uppercase: true)) "
                            + "at offset \(offset)); read as Windows-1252")
            return text
        }
        if content.prefix(8192).contains(where: { $0 < 0x20 && !Self.textControls.contains($0) }) {
            throw ReadError(.binary, path: path, "binary data, not text (it contains control bytes)")
        }
        if isDamagedUTF8 {
            throw ReadError(.invalidEncoding, path: path, "damaged UTF-8 (first bad byte at offset \(offset))")
        }
        throw ReadError(.invalidEncoding, path: path, "neither UTF-8 nor Windows-1252 text (first bad byte at offset \(offset))")
    }

    /// Tab, line feed, form feed and carriage return: the control bytes text files hold.
    private static let textControls: Set<UInt8> = [0x09, 0x0A, 0x0C, 0x0D]

    /// The bytes read as Windows-1252, when they look like text in it: no control bytes but
    /// those of text, and none of the five bytes Windows-1252 leaves undefined.
    static func windows1252(_ bytes: ArraySlice<UInt8>) -> String? {
        var index = bytes.startIndex
        var scalars = String.UnicodeScalarView()
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte < 0x20, !textControls.contains(byte) { return nil }
            guard let scalar = windows1252Scalar(byte) else { return nil }
            scalars.append(scalar)
            index += 1
        }
        return String(scalars)
    }

    /// The length of the valid UTF-8 multi-byte sequence starting at `index`, if one does.
    private static func validSequenceLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        guard (0xC2...0xF4).contains(lead) else { return nil }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= bytes.endIndex else { return nil }
        return String(validating: bytes[index..<(index + length)], as: UTF8.self) == nil ? nil : length
    }

    /// The character a Windows-1252 byte stands for; nil for the five it leaves undefined.
    private static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar? {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        let table: [UInt32] = [
            0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
            0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
        ]
        let value = table[Int(byte - 0x80)]
        return value == 0 ? nil : Unicode.Scalar(value)
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
