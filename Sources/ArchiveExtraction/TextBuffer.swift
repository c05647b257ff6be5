/// Text as an array of Unicode scalars, so offsets are character positions that SQLite's `substr`
/// and Python's slicing agree with, and every look-up is constant time. The UTF-8 bytes are kept
/// beside them so that cutting out a piece is a copy of bytes, not a re-encoding.
struct TextBuffer: Sendable {
    let scalars: [Unicode.Scalar]
    private let utf8: [UInt8]
    /// Byte offset in `utf8` of each scalar, plus one past the end.
    private let byteOffsets: [Int32]

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int32] = []
        scalars.reserveCapacity(bytes.count)
        offsets.reserveCapacity(bytes.count + 1)
        var offset = 0
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            offsets.append(Int32(offset))
            offset += UTF8.width(scalar)
        }
        offsets.append(Int32(offset))
        self.scalars = scalars
        self.utf8 = bytes
        self.byteOffsets = offsets
    }

    var count: Int { scalars.count }

    subscript(index: Int) -> Unicode.Scalar { scalars[index] }

    func text(_ range: Range<Int>) -> String {
        String(decoding: utf8[Int(byteOffsets[range.lowerBound])..<Int(byteOffsets[range.upperBound])], as: UTF8.self)
    }

    /// The UTF-8 of `range` in lower case, appended to `bytes`: ASCII lowered byte by byte, anything
    /// else the way `String.lowercased()` does it.
    func appendLowercased(_ range: Range<Int>, to bytes: inout [UInt8]) {
        let slice = utf8[Int(byteOffsets[range.lowerBound])..<Int(byteOffsets[range.upperBound])]
        if slice.allSatisfy({ $0 < 0x80 }) {
            for byte in slice { bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
        } else {
            bytes.append(contentsOf: String(decoding: slice, as: UTF8.self).lowercased().utf8)
        }
    }

    /// The scalar at `index`, or a space when out of range: spares every caller a bounds check.
    func at(_ index: Int) -> Unicode.Scalar {
        index >= 0 && index < scalars.count ? scalars[index] : " "
    }
}

// Unicode property look-ups are slow; news text is mostly ASCII, so ASCII is answered first.
extension Unicode.Scalar {
    var isLetter: Bool {
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        return properties.isAlphabetic
    }
    var isUppercaseLetter: Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return properties.isUppercase
    }
    var isLowercaseLetter: Bool {
        if value < 0x80 { return value >= 0x61 && value <= 0x7A }
        return properties.isLowercase
    }
    var isDigit: Bool {
        if value < 0x80 { return value >= 0x30 && value <= 0x39 }
        return properties.numericType == .decimal
    }
    var isSpace: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return properties.isWhitespace
    }
    var isApostrophe: Bool { self == "'" || self == "\u{2019}" || self == "\u{02BC}" }
    var isHyphen: Bool { self == "-" || self == "\u{2010}" || self == "\u{2011}" }
    /// Combining marks that belong to the letter before them.
    var isMark: Bool { value >= 0x300 && properties.generalCategory == .nonspacingMark }
}
