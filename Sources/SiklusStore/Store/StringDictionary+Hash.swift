/// The keyed hash of a `StringDictionary`.
///
/// Ids come from files anyone can write. With an unkeyed hash, ids crafted to share one hash turn every
/// probe into a walk over all of them: 160k such ids took 48 s to load. Here a random per-process seed is
/// fed through every step of a wyhash-style mix (each 16-byte block is multiplied, 64 × 64 → 128 bits,
/// with state that depends on the seed), so ids that collide cannot be made without knowing the seed.
/// Both factors of every multiply are keyed: with wyhash's public default secret on one side, ids whose
/// first word equals that secret make the product zero whatever the seed, and all collide.
/// The probe limit in `StringDictionary` is the fallback should ids collide anyway.
struct DictionaryHashKey: Equatable, Sendable {
    /// The seed after wyhash's first mixing step, done once here rather than per string.
    let mixed: UInt64
    /// A second word drawn from the seed, XORed into the data side of every multiply.
    let blend: UInt64
    /// Test hook: every string hashes to one value, as if an attacker knew the seed.
    let isDegenerate: Bool
    /// Hash with the standard library's SipHash-1-3 (`Hasher`) instead: slower, but with no known way to
    /// make collisions; the second fallback, should a fresh wyhash key not spread the strings either.
    var isStrong = false

    /// The key of `seed`; `degenerate` (tests only) makes every hash equal.
    init(seed: UInt64, degenerate: Bool = false) {
        mixed = seed ^ StringDictionary.mix(seed ^ StringDictionary.secret0, StringDictionary.secret1)
        // SplitMix64's finalizer: a bijection, so distinct seeds give distinct blends.
        var z = seed &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        blend = z ^ (z >> 31)
        isDegenerate = degenerate
    }

    /// This process's key, drawn once from the system's random source.
    static let process = DictionaryHashKey(seed: UInt64.random(in: .min ... .max))

    /// A fresh random key, for a dictionary whose probes grew too long under its key.
    static func random() -> DictionaryHashKey { DictionaryHashKey(seed: UInt64.random(in: .min ... .max)) }

    /// A fresh random key for SipHash, for a dictionary that a fresh wyhash key did not help.
    static func randomStrong() -> DictionaryHashKey {
        var key = random()
        key.isStrong = true
        return key
    }

    /// The hash of `bytes` under this key.
    /// - Complexity: O(length).
    @inline(__always)
    func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        if isDegenerate { return 0x5EED }
        if isStrong {
            var hasher = Hasher()
            hasher.combine(mixed)
            hasher.combine(bytes: bytes)
            return UInt64(UInt(bitPattern: hasher.finalize()))
        }
        return StringDictionary.hash(bytes, key: mixed, blend: blend)
    }
}

extension StringDictionary {
    // wyhash's default secrets (wyhash final 4.2).
    static let secret0: UInt64 = 0x2D35_8DCC_AA6C_78A5
    static let secret1: UInt64 = 0x8BB8_4B93_962E_ACC9

    /// The hash of `bytes` under this process's key (see `DictionaryHashKey.process`), the one the
    /// loader computes once per field and passes to `intern(_:hash:)` and `code(of:hash:)`.
    /// - Complexity: O(length).
    @usableFromInline @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let key = DictionaryHashKey.process
        return hash(bytes, key: key.mixed, blend: key.blend)
    }

    /// wyhash (final 4.2) without its 48-byte three-lane loop (ids are short), with `blend` in place of the
    /// public secret on the data side of each multiply. Strings up to 16 bytes take four overlapping loads
    /// and two multiplies, with no loop over the tail.
    /// - Complexity: O(length).
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer, key: UInt64, blend: UInt64) -> UInt64 {
        let n = bytes.count
        var a: UInt64 = 0, b: UInt64 = 0, seed = key
        if let p = bytes.baseAddress {
            if n <= 16 {
                if n >= 4 {
                    let q = (n >> 3) << 2
                    a = read4(p) << 32 | read4(p + q)
                    b = read4(p + n - 4) << 32 | read4(p + n - 4 - q)
                } else if n > 0 {
                    a = UInt64(p.load(as: UInt8.self)) << 16 | UInt64(p.load(fromByteOffset: n >> 1, as: UInt8.self)) << 8
                        | UInt64(p.load(fromByteOffset: n - 1, as: UInt8.self))
                }
            } else {
                var i = n, q = p
                while i > 16 {
                    seed = mix(read8(q) ^ blend, read8(q + 8) ^ seed)
                    i -= 16
                    q += 16
                }
                a = read8(q + i - 16)
                b = read8(q + i - 8)
            }
        }
        let (high, low) = (a ^ blend).multipliedFullWidth(by: b ^ seed)
        return mix(low ^ secret0 ^ UInt64(n), high ^ secret1)
    }

    /// The 128-bit product of `a` and `b`, its halves XORed (wyhash's `_wymix`).
    @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        return high ^ low
    }

    @inline(__always)
    private static func read8(_ p: UnsafeRawPointer) -> UInt64 { UInt64(littleEndian: p.loadUnaligned(as: UInt64.self)) }

    @inline(__always)
    private static func read4(_ p: UnsafeRawPointer) -> UInt64 { UInt64(UInt32(littleEndian: p.loadUnaligned(as: UInt32.self))) }
}
