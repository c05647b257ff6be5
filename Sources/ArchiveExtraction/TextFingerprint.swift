/// Fingerprints of a text's three-word shingles for finding near-copies (a wire story as two
/// outlets ran it): MinHash signatures cut into bands, so that texts sharing most shingles share a
/// band, and a shingle overlap measure to confirm.
public enum TextFingerprint {
    /// Bands of a 16-value MinHash, two values to a band: texts whose shingles overlap by 70 %
    /// share a band 99 times in 100; texts overlapping by 20 % about 3 times in 10.
    public static let bandCount = 8

    public static func bands(_ text: String) -> [Int64] {
        let hashes = shingles(text).map(fnv)
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

    /// Share of three-word shingles two texts have in common (Jaccard).
    public static func resemblance(_ a: String, _ b: String) -> Double {
        let x = Set(shingles(a)), y = Set(shingles(b))
        let union = x.union(y).count
        return union == 0 ? 0 : Double(x.intersection(y).count) / Double(union)
    }

    private static func shingles(_ text: String) -> [String] {
        let words = Tokenizer.tokens(TextBuffer(text)).filter { $0.kind != .punctuation }.map(\.lowercased)
        guard words.count >= 3 else { return words.isEmpty ? [] : [words.joined(separator: " ")] }
        var result: [String] = []
        result.reserveCapacity(words.count)
        for index in 0..<(words.count - 2) {
            let shingle: String = words[index] + " " + words[index + 1] + " " + words[index + 2]
            result.append(shingle)
        }
        return result
    }

    /// FNV-1a, 64 bits: stable across runs and machines, unlike Swift's seeded hashing.
    private static func fnv(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// SplitMix64's finalizer: spreads every input bit over the output.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
