/// What a file holds, cheaply: its size and a hash of three sampled 64 KiB blocks (start, middle, end),
/// and for small files a hash of every byte.
///
/// Two files with different fingerprints differ; equal sampled fingerprints only say "maybe the same",
/// which `fullHash` (computed then, for the files that match) settles.
public struct ContentFingerprint: Sendable, Equatable {
    public var size: Int
    public var sampledHash: UInt64
    /// The hash of the whole file, kept at load for files up to `fullHashLimit` bytes.
    public var fullHash: UInt64?

    static let block = 65_536
    /// Files up to this size are hashed whole at load (a few milliseconds).
    static let fullHashLimit = 32 << 20

    /// The fingerprint of `bytes`.
    /// - Complexity: O(1) (three blocks), or O(n) for files up to `fullHashLimit`.
    init(_ bytes: UnsafeRawBufferPointer) {
        size = bytes.count
        var h: UInt64 = 0x243F_6A88_85A3_08D3
        for start in [0, max(0, bytes.count / 2 - Self.block / 2), max(0, bytes.count - Self.block)] {
            h = Self.hash(UnsafeRawBufferPointer(rebasing: bytes[start..<min(bytes.count, start + Self.block)]), seed: h)
        }
        sampledHash = h
        fullHash = bytes.count <= Self.fullHashLimit ? Self.hash(bytes, seed: 0) : nil
    }

    /// True when the size and sampled blocks match (the files may be identical).
    func mayEqual(_ other: ContentFingerprint) -> Bool { size == other.size && sampledHash == other.sampledHash }

    /// A fast 64-bit hash (8 bytes a step, multiply-rotate mixing); not for adversaries, which a user
    /// loading his own files is not.
    /// - Complexity: O(n).
    static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        let k1: UInt64 = 0x87C3_7B91_1142_53D5, k2: UInt64 = 0x4CF5_AD43_2745_937F
        var h = seed ^ (UInt64(bytes.count) &* k1)
        var i = 0
        while i + 8 <= bytes.count {
            var w = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) &* k1
            w = ((w << 31) | (w >> 33)) &* k2
            h ^= w
            h = ((h << 27) | (h >> 37)) &* 5 &+ 0x52DC_E729
            i += 8
        }
        while i < bytes.count {
            h = (h ^ UInt64(bytes[i])) &* k2
            i += 1
        }
        h ^= h >> 33; h = h &* k1; h ^= h >> 29
        return h
    }
}
