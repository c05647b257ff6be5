import Foundation

/// The form names are compared on inside the engine: accents and case folded, apostrophes
/// straightened, a trailing possessive and a leading "the" dropped, spaces collapsed.
/// (ArchiveStore's `MatchKey` does the same for the database; the engine cannot import the store.)
enum NameKey {
    static func make(_ text: some StringProtocol) -> String {
        if let key = ascii(text) { return key }
        var folded = String(text).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .replacingOccurrences(of: "\u{2019}", with: "'")
        if folded.hasSuffix("'s") { folded.removeLast(2) }
        let words = folded.split(whereSeparator: { $0.isWhitespace })
        let trimmed = words.first == "the" && words.count > 1 ? words.dropFirst() : words[...]
        return trimmed.joined(separator: " ")
    }

    /// The key of plain ASCII text (most names), built on bytes without Foundation; nil otherwise.
    private static func ascii(_ text: some StringProtocol) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        let count = bytes.count
        if count >= 2, bytes[count - 2] == UInt8(ascii: "'"), bytes[count - 1] == UInt8(ascii: "s") { bytes.removeLast(2) }
        if bytes.count > 4, bytes.starts(with: Array("the ".utf8)) { bytes.removeFirst(4) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
