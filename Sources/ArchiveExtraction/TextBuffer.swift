/// Text as an array of Unicode scalars, so offsets are character positions that SQLite's `substr`
/// and Python's slicing agree with, and every look-up is constant time.
struct TextBuffer: Sendable {
    let scalars: [Unicode.Scalar]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    var count: Int { scalars.count }

    subscript(index: Int) -> Unicode.Scalar { scalars[index] }

    func text(_ range: Range<Int>) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[range])
        return String(result)
    }

    /// The scalar at `index`, or a space when out of range: spares every caller a bounds check.
    func at(_ index: Int) -> Unicode.Scalar {
        index >= 0 && index < scalars.count ? scalars[index] : " "
    }
}

extension Unicode.Scalar {
    var isLetter: Bool { properties.isAlphabetic }
    var isUppercaseLetter: Bool { properties.isUppercase }
    var isLowercaseLetter: Bool { properties.isLowercase }
    var isDigit: Bool { ("0"..."9").contains(self) || properties.numericType == .decimal }
    var isSpace: Bool { properties.isWhitespace }
    var isApostrophe: Bool { self == "'" || self == "\u{2019}" || self == "\u{02BC}" }
    var isHyphen: Bool { self == "-" || self == "\u{2010}" || self == "\u{2011}" }
    var isDash: Bool { self == "\u{2013}" || self == "\u{2014}" || self == "\u{2012}" || self == "\u{2015}" }
    var isOpeningQuote: Bool { self == "\u{201C}" || self == "\u{201E}" || self == "\u{00AB}" }
    var isClosingQuote: Bool { self == "\u{201D}" || self == "\u{00BB}" }
}
