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

    var lowercased: String { text.lowercased() }
}
