/// 64-bit FNV-1a, fed piece by piece: stable across runs and machines, unlike Swift's seeded
/// hashing, which matters for anything stored (fingerprints) or compared across processes.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: some StringProtocol) {
        for byte in text.utf8 { add(byte) }
    }

    mutating func add(_ byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01B3
    }

    static func hash(_ text: some StringProtocol) -> UInt64 {
        var hasher = FNV1a()
        hasher.add(text)
        return hasher.value
    }
}
