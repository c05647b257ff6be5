import Foundation

/// The form names are compared on inside the engine: accents and case folded, apostrophes
/// straightened, a trailing possessive and a leading "the" dropped, spaces collapsed.
/// (ArchiveStore's `MatchKey` does the same for the database; the engine cannot import the store.)
enum NameKey {
    static func make(_ text: some StringProtocol) -> String {
        var folded = String(text).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .replacingOccurrences(of: "\u{2019}", with: "'")
        if folded.hasSuffix("'s") { folded.removeLast(2) }
        let words = folded.split(whereSeparator: { $0.isWhitespace })
        let trimmed = words.first == "the" && words.count > 1 ? words.dropFirst() : words[...]
        return trimmed.joined(separator: " ")
    }
}
