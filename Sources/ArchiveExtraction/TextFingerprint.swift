import ArchiveValues

/// Fingerprints of a text's three-word shingles for finding near-copies (a wire story as two
/// outlets ran it): MinHash signatures cut into bands, so that texts sharing most shingles share a
/// band, and a shingle overlap measure to confirm.
public enum TextFingerprint {
    /// Bands of a 16-value MinHash, two values to a band: texts whose shingles overlap by 70 %
    /// share a band 99 times in 100; texts overlapping by 20 % about 3 times in 10.
    public static let bandCount = 8

    public static func bands(_ text: String) -> [Int64] {
        let hashes = shingles(text)
        guard !hashes.isEmpty else { return [] }
        var minimums = [UInt64](repeating: .max, count: bandCount * 2)
        for hash in hashes {
            for index in minimums.indices {
                let value = mix(hash &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
                if value < minimums[index] { minimums[index] = value }
            }
        }
        return (0..<bandCount).map { band in
            Int64(bitPattern: mix(minimums[2 * band] ^ (minimums[2 * band + 1] &* 31)))
        }
    }

    /// Share of three-word shingles two texts have in common (Jaccard), the first given by its
    /// shingles, since one text is compared with several.
    public static func resemblance(_ a: ShingleSet, _ b: String) -> Double {
        a.resemblance(to: ShingleSet(b))
    }

    /// Hashes of the text's three-word shingles: FNV-1a of the three lower-cased words (and
    /// numbers) joined by spaces, computed from one buffer of lower-cased bytes without building a
    /// string per word or per shingle.
    static func shingles(_ text: String) -> [UInt64] {
        let buffer = TextBuffer(text)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var ends: [Int] = []
        Tokenizer.scan(buffer) { range, isWord, _ in
            guard isWord else { return }
            buffer.appendLowercased(range, to: &bytes)
            ends.append(bytes.count)
        }
        func hash(words: Range<Int>) -> UInt64 {
            var hasher = FNV1a()
            for word in words {
                if word > words.lowerBound { hasher.add(0x20) }
                for index in (word == 0 ? 0 : ends[word - 1])..<ends[word] { hasher.add(bytes[index]) }
            }
            return hasher.value
        }
        guard ends.count >= 3 else { return ends.isEmpty ? [] : [hash(words: 0..<ends.count)] }
        var result: [UInt64] = []
        result.reserveCapacity(ends.count - 2)
        for index in 0..<(ends.count - 2) { result.append(hash(words: index..<(index + 3))) }
        return result
    }

    /// SplitMix64's finalizer: spreads every input bit over the output.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
