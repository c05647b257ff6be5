import Foundation

/// The form names are compared on inside the engine: accents and case folded, apostrophes
/// straightened, a trailing possessive and a leading "the" dropped, spaces collapsed.
/// (`MatchKey` is the database's form: it keeps a possessive and a leading "the", which a stored name may have.)
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

    /// The key of plain ASCII text (most names), built on bytes in a stack buffer without
    /// Foundation or a heap array (keys are made for nearly every candidate name); nil otherwise.
    private static func ascii(_ text: some StringProtocol) -> String? {
        let capacity = text.utf8.count
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(capacity, 1)) { buffer -> String? in
            var count = 0
            var pendingSpace = false
            for byte in text.utf8 {
                guard byte < 0x80 else { return nil }
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    buffer[count] = 0x20
                    count += 1
                    pendingSpace = false
                }
                buffer[count] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                count += 1
            }
            if count >= 2, buffer[count - 2] == UInt8(ascii: "'"), buffer[count - 1] == UInt8(ascii: "s") { count -= 2 }
            var start = 0
            if count > 4, buffer[0] == UInt8(ascii: "t"), buffer[1] == UInt8(ascii: "h"), buffer[2] == UInt8(ascii: "e"),
               buffer[3] == 0x20 {
                start = 4
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<count]), as: UTF8.self)
        }
    }
}
