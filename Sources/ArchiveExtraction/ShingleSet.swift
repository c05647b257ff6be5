/// A text's distinct three-word shingle hashes, sorted, so that two texts' overlap is counted in
/// one merge of the two lists. Near-copy confirmation compares each new text with several stored
/// ones; building hash sets for the union and the intersection of every pair cost more than
/// cutting the stored text into shingles did.
public struct ShingleSet: Sendable, Equatable {
    private let hashes: [UInt64]

    public init(_ text: String) {
        var hashes = TextFingerprint.shingles(text)
        hashes.sort()
        var kept = 0
        for index in hashes.indices where kept == 0 || hashes[index] != hashes[kept - 1] {
            hashes[kept] = hashes[index]
            kept += 1
        }
        hashes.removeLast(hashes.count - kept)
        self.hashes = hashes
    }

    /// How many distinct shingles the text has.
    public var count: Int { hashes.count }

    /// Share of shingles the two texts have in common (Jaccard): 0 when neither has any.
    public func resemblance(to other: ShingleSet) -> Double {
        var shared = 0
        var i = 0
        var j = 0
        while i < hashes.count, j < other.hashes.count {
            if hashes[i] < other.hashes[j] {
                i += 1
            } else if hashes[i] > other.hashes[j] {
                j += 1
            } else {
                shared += 1
                i += 1
                j += 1
            }
        }
        let union = hashes.count + other.hashes.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }
}
