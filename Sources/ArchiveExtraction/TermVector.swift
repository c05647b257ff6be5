/// Weighted words of a text, scaled to unit length, for cosine similarity.
///
/// Kept as hashes sorted by value, so that comparing two vectors is one merge of two arrays of
/// integers rather than a dictionary look-up of every word (grouping compares each new article
/// with dozens of others).
public struct TermVector: Sendable, Equatable {
    /// Term hashes in increasing order, and their weights.
    let keys: [UInt64]
    let weights: [Double]
    /// The sixteen heaviest terms, heaviest first (ties in alphabetical order), for finding similar articles.
    public let heaviest: [String]

    public init(_ counts: [String: Double]) {
        let norm = counts.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let entries = norm > 0 ? counts.map { (key: FNV1a.hash($0.key), weight: $0.value / norm) }.sorted { $0.key < $1.key } : []
        keys = entries.map(\.key)
        weights = entries.map(\.weight)
        // Only the words as heavy as the sixteenth heaviest need sorting by name.
        let cut = counts.count > 16 ? counts.values.sorted(by: >)[15] : -Double.infinity
        heaviest = counts.filter { $0.value >= cut }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(16).map(\.key)
    }

    private init(keys: [UInt64], weights: [Double]) {
        self.keys = keys
        self.weights = weights
        self.heaviest = []
    }

    /// The same vector without its heaviest terms, for keeping many in memory only to compare.
    public var withoutHeaviest: TermVector { TermVector(keys: keys, weights: weights) }

    public var isEmpty: Bool { keys.isEmpty }

    /// The cosine of the angle between two vectors: 0 for no word in common, 1 for the same words
    /// in the same proportions.
    public func cosine(_ other: TermVector) -> Double {
        // Grouping computes this for every candidate of every new article: without bounds checks.
        keys.withUnsafeBufferPointer { keys in
            other.keys.withUnsafeBufferPointer { otherKeys in
                weights.withUnsafeBufferPointer { weights in
                    other.weights.withUnsafeBufferPointer { otherWeights in
                        var (i, j, sum) = (0, 0, 0.0)
                        while i < keys.count && j < otherKeys.count {
                            let (a, b) = (keys[i], otherKeys[j])
                            if a == b {
                                sum += weights[i] * otherWeights[j]
                                i += 1
                                j += 1
                            } else if a < b {
                                i += 1
                            } else {
                                j += 1
                            }
                        }
                        return sum
                    }
                }
            }
        }
    }
}
