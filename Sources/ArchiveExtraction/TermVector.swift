/// Weighted words of a text, scaled to unit length, for cosine similarity.
///
/// Kept as hashes sorted by value, so that comparing two vectors is one merge of two arrays of
/// integers rather than a dictionary look-up of every word (grouping compares each new article
/// with dozens of others).
public struct TermVector: Sendable, Equatable {
    /// Term hashes in increasing order, with their weights.
    private let entries: [Entry]
    /// The sixteen heaviest terms, heaviest first (ties in alphabetical order), for finding similar articles.
    public let heaviest: [String]

    public init(_ counts: [String: Double]) {
        let norm = counts.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        entries = norm > 0 ? counts.map { Entry(key: FNV1a.hash($0.key), weight: $0.value / norm) }.sorted { $0.key < $1.key } : []
        // Only the words as heavy as the sixteenth heaviest need sorting by name.
        let cut = counts.count > 16 ? counts.values.sorted(by: >)[15] : -Double.infinity
        heaviest = counts.filter { $0.value >= cut }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(16).map(\.key)
    }

    private struct Entry: Sendable, Equatable {
        let key: UInt64
        let weight: Double
    }

    private init(entries: [Entry]) {
        self.entries = entries
        self.heaviest = []
    }

    /// The same vector without its heaviest terms, for keeping many in memory only to compare.
    public var withoutHeaviest: TermVector { TermVector(entries: entries) }

    public var isEmpty: Bool { entries.isEmpty }

    /// The cosine of the angle between two vectors: 0 for no word in common, 1 for the same words
    /// in the same proportions.
    public func cosine(_ other: TermVector) -> Double {
        // Grouping computes this for every candidate of every new article: without bounds checks.
        entries.withUnsafeBufferPointer { mine in
            other.entries.withUnsafeBufferPointer { theirs in
                var (i, j, sum) = (0, 0, 0.0)
                while i < mine.count && j < theirs.count {
                    let (a, b) = (mine[i], theirs[j])
                    if a.key == b.key {
                        sum += a.weight * b.weight
                        i += 1
                        j += 1
                    } else if a.key < b.key {
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
