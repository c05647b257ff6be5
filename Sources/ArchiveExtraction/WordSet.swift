/// A set of short strings that answers "no" for most words without hashing them.
///
/// The rules ask small sets (months, connectors, sports words, titles) about nearly every token;
/// hashing a String costs more than the rest of such a check. A bit per first byte for each byte
/// length rules most words out with two loads, and only the rest go to the hash set.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private let words: Set<String>
    /// `masks[length]` has bit `firstByte & 63` set when a word of that length starts with that byte.
    private let masks: [UInt64]

    init<S: Sequence>(_ words: S) where S.Element == String {
        let words = Set(words)
        var masks = [UInt64](repeating: 0, count: Self.longest + 1)
        for word in words where word.utf8.count <= Self.longest {
            masks[word.utf8.count] |= 1 << UInt64(word.utf8.first.map { $0 & 63 } ?? 0)
        }
        self.words = words
        self.masks = masks
    }

    init(arrayLiteral elements: String...) { self.init(elements) }

    func contains(_ word: String) -> Bool {
        let length = word.utf8.count
        guard length <= Self.longest else { return words.contains(word) }
        guard masks[length] & (1 << UInt64(word.utf8.first.map { $0 & 63 } ?? 0)) != 0 else { return false }
        return words.contains(word)
    }

    private static let longest = 40
}
