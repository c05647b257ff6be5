/// A word, number or punctuation mark, with its place in the text.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable { case word, number, punctuation }

    let kind: Kind
    /// Offsets into the text, end exclusive.
    let start: Int
    let end: Int
    let text: String
    /// True when a paragraph break comes right before this token.
    let startsParagraph: Bool
    /// `text` in lower case, computed once: most rules compare lower-case words.
    let lowercased: String

    init(kind: Kind, start: Int, end: Int, text: String, startsParagraph: Bool) {
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.startsParagraph = startsParagraph
        self.lowercased = Token.lower(text)
    }

    private static func lower(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte < 0x80 else { return text.lowercased() }
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    var isCapitalized: Bool { kind == .word && (text.unicodeScalars.first?.isUppercaseLetter ?? false) }

    /// All letters upper case and at least two of them: 'NATO', 'US', 'LEICESTERSHIRE'.
    var isAllCaps: Bool {
        guard kind == .word else { return false }
        var letters = 0
        for scalar in text.unicodeScalars where scalar.isLetter {
            if scalar.isLowercaseLetter { return false }
            letters += 1
        }
        return letters >= 2
    }

}
