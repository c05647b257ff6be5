import Foundation

/// The form names are compared on inside the engine: accents and case folded, apostrophes
/// straightened, a trailing possessive and a leading "the" dropped, spaces collapsed.
/// (ArchiveStore's `MatchKey` does the same for the database; the engine cannot import the store.)
enum NameKey {
    static func make(_ text: some StringProtocol) -> String {
        var folded = ascii(text) ?? String(text).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .replacingOccurrences(of: "\u{2019}", with: "'")
        if folded.hasSuffix("'s") { folded.removeLast(2) }
        if !folded.utf8.contains(where: { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 >= 0x80 }) { return folded }
        let words = folded.split(whereSeparator: { $0 == " " || $0.isWhitespace })
        let trimmed = words.first == "the" && words.count > 1 ? words.dropFirst() : words[...]
        return trimmed.joined(separator: " ")
    }

    /// Lower-cases plain ASCII without Foundation (most names are ASCII); nil for anything else.
    private static func ascii(_ text: some StringProtocol) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
