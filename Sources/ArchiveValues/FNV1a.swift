/// 64-bit FNV-1a, fed piece by piece: stable across runs and machines, unlike Swift's seeded
/// hashing, which matters for anything stored (fingerprints, quote keys) or compared across
/// processes. Inlinable: the engine feeds it a byte at a time from other modules.
@frozen public struct FNV1a {
    @usableFromInline var state: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The hash of everything added so far.
    @inlinable public var value: UInt64 { state }

    @inlinable public init() {}

    @inlinable public mutating func add(_ text: some StringProtocol) {
        for byte in text.utf8 { add(byte) }
    }

    @inlinable public mutating func add(_ byte: UInt8) {
        state ^= UInt64(byte)
        state = state &* 0x0000_0100_0000_01B3
    }

    @inlinable public static func hash(_ text: some StringProtocol) -> UInt64 {
        var hasher = FNV1a()
        hasher.add(text)
        return hasher.value
    }
}
