import ArchiveValues

/// Weighted words of a text, scaled to unit length, for cosine similarity.
///
/// Kept as hashes sorted by value, so that comparing two vectors is one merge of two arrays of
/// integers rather than a dictionary look-up of every word (grouping compares each new article
/// with dozens of others).
public struct TermVector: Sendable, Equatable {
    /// Term hashes in increasing order, with their weights.
    private let entries: [Entry]

    public init(_ counts: [String: Double]) {
        // Summed in key order, not the dictionary's (which differs from process to process), so that
        // a similarity is the same number in every run, to the last bit.
        let raw = counts.map { Entry(key: FNV1a.hash($0.key), weight: $0.value) }
            .sorted { $0.key != $1.key ? $0.key < $1.key : $0.weight < $1.weight }
        let norm = raw.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
        entries = norm > 0 ? raw.map { Entry(key: $0.key, weight: $0.weight / norm) } : []
    }

    private struct Entry: Sendable, Equatable {
        let key: UInt64
        let weight: Double
    }

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
