/// Interns strings to dense `Int32` codes (0, 1, 2, … in first-seen order).
///
/// Strings live back to back in one byte arena, so interning a field straight from a CSV buffer
/// allocates nothing per value. A value type: a load works on a copy and commits it only on success.
public struct StringDictionary: Sendable {
    /// The code used for a missing value in code columns.
    public static let null: Int32 = -1

    // Internal rather than private only for the concurrent merge in StringDictionary+Merge.swift.
    var arena: [UInt8] = []
    var starts: [Int] = [0]
    // No stored hashes: a rehash or merge hashes the bytes again (a few ns per id), which costs less than
    // 8 bytes per id kept for the store's lifetime (38 MB at 5M customers, 3 % of the load's peak).
    /// Per code, the string itself when it fits a word (`shortKey`), else 0: a lookup whose tag matches
    /// checks one word here instead of reading `starts` and then the arena (two dependent cache misses
    /// per row on a time-ordered log's million ids, whose rows rarely repeat the previous row's id).
    var shortKeys: [UInt64] = []
    /// Open-addressing table, power-of-two sized. A slot is 0 when empty, else the hash's high 32 bits
    /// beside `code + 1`, so most mismatches are rejected without touching the arena.
    var slots: [UInt64] = Array(repeating: 0, count: 16)
    /// The key `slots` are under: the process's, until a probe outgrew `probeLimit`.
    var hashKey = DictionaryHashKey.process
    /// Whether `hashKey` is the process's, so a hash from `StringDictionary.hash(_:)` can be used as is.
    var usesProcessKey = true
    /// The longest probe an insert may take before the table is rekeyed (doubled only should SipHash fail too).
    var probeLimit = StringDictionary.initialProbeLimit
    /// Probe lengths of inserts so far (a test hook, and cheap: updated only when a string is added).
    var probes = ProbeStatistics()
    /// Test hook: the keys `rekey()` takes, in order, before drawing its own.
    var fallbackKeysForTesting: [DictionaryHashKey] = []

    public init() {}

    /// A dictionary under `hashKey` (a test hook: a fixed seed, or a degenerate hash).
    init(hashKey: DictionaryHashKey) {
        self.hashKey = hashKey
        usesProcessKey = hashKey == .process
    }

    /// Number of distinct strings.
    public var count: Int { starts.count - 1 }

    /// The string for `code`.
    /// - Complexity: O(length of the string).
    public subscript(code: Int32) -> String {
        let i = Int(code)
        return String(decoding: arena[starts[i]..<starts[i + 1]], as: UTF8.self)
    }

    /// Calls `body` with the UTF-8 bytes of `code`'s string, without creating a `String`.
    public func withBytes<R>(of code: Int32, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let i = Int(code)
        return try arena.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[starts[i]..<starts[i + 1]])) }
    }

    /// All strings in code order.
    public var strings: [String] { (0..<count).map { self[Int32($0)] } }

    /// The code of `bytes`, adding it when new.
    /// - Complexity: O(length) expected.
    @inlinable @inline(__always)
    public mutating func intern(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        internBytes(bytes)
    }

    /// The code of `string`, adding it when new.
    @discardableResult
    public mutating func intern(_ string: String) -> Int32 {
        var s = string
        return s.withUTF8 { internBytes(UnsafeRawBufferPointer($0)) }
    }

    /// The code of `bytes` if present.
    public func code(of bytes: UnsafeRawBufferPointer) -> Int32? {
        find(bytes, hash: hashKey.hash(bytes)).code
    }

    /// The code of `string` if present.
    public func code(of string: String) -> Int32? {
        var s = string
        return s.withUTF8 { code(of: UnsafeRawBufferPointer($0)) }
    }

    /// The code of `bytes` with a precomputed `hash` (`StringDictionary.hash(_:)`, the process's key), if present.
    @usableFromInline
    func code(of bytes: UnsafeRawBufferPointer, hash h: UInt64) -> Int32? {
        find(bytes, hash: usesProcessKey ? h : hashKey.hash(bytes)).code
    }

    @usableFromInline
    mutating func internBytes(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        insert(bytes, ownHash: hashKey.hash(bytes))
    }

    /// The code of `bytes`, adding it when new, with a precomputed `hash` (`StringDictionary.hash(_:)`).
    @usableFromInline
    mutating func intern(_ bytes: UnsafeRawBufferPointer, hash h: UInt64) -> Int32 {
        insert(bytes, ownHash: usesProcessKey ? h : hashKey.hash(bytes))
    }

    /// The code of `bytes`, adding it when new; `h` is its hash under `hashKey`.
    /// - Complexity: O(length + probeLimit).
    @inline(__always)
    private mutating func insert(_ bytes: UnsafeRawBufferPointer, ownHash h: UInt64) -> Int32 {
        let (found, slot) = find(bytes, hash: h)
        if let found { return found }
        let code = Int32(count)
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        shortKeys.append(Self.shortKey(bytes))
        slots[slot] = Self.slot(hash: h, code: code)
        let probe = (slot &- Int(truncatingIfNeeded: h)) & (slots.count - 1)
        probes.total &+= probe
        if probe > probes.longest {
            probes.longest = probe
            if probe > probeLimit { rekey() }
        }
        if count * 2 > slots.count { grow() }
        return code
    }

    /// Removes the strings added since the dictionary held `newCount` (a parsed row that was then dropped).
    ///
    /// Safe with linear probing because only the newest entries go, newest first: no older entry's probe
    /// passes through a slot that was still empty when it was added.
    /// - Complexity: O(removed strings) expected.
    mutating func truncate(to newCount: Int) {
        while count > newCount {
            let code = count - 1, h = storedHash(of: code)
            let mask = slots.count - 1, entry = Self.slot(hash: h, code: Int32(code))
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] != entry { i = (i + 1) & mask }
            slots[i] = 0
            arena.removeLast(starts[code + 1] - starts[code])
            starts.removeLast()
            shortKeys.removeLast()
        }
    }

    @inline(__always)
    static func slot(hash: UInt64, code: Int32) -> UInt64 {
        (hash & 0xFFFF_FFFF_0000_0000) | UInt64(UInt32(code) + 1)
    }

    /// The code of `bytes` if present, and the slot where the probe ended.
    @inline(__always)
    private func find(_ bytes: UnsafeRawBufferPointer, hash h: UInt64) -> (code: Int32?, slot: Int) {
        let key = Self.shortKey(bytes)
        return slots.withUnsafeBufferPointer { table in
            arena.withUnsafeBytes { arena in
                starts.withUnsafeBufferPointer { starts in
                    shortKeys.withUnsafeBufferPointer { keys in
                        let mask = table.count - 1
                        var i = Int(truncatingIfNeeded: h) & mask
                        while true {
                            let entry = table[i]
                            if entry == 0 { return (nil, i) }
                            if key != 0 {
                                // Strings that fit a word are equal exactly when their words are.
                                if entry & 0xFFFF_FFFF_0000_0000 == h & 0xFFFF_FFFF_0000_0000 {
                                    let code = Int(entry & 0xFFFF_FFFF) - 1
                                    if keys[code] == key { return (Int32(code), i) }
                                }
                            } else if let code = Self.code(in: entry, ifItHolds: bytes, hash: h, arena: arena, starts: starts) {
                                return (code, i)
                            }
                            i = (i + 1) & mask
                        }
                    }
                }
            }
        }
    }

    /// The string as one little-endian word when it has 1 to 8 bytes and no NUL byte (so the word's zero
    /// padding cannot be mistaken for text, and two such strings are equal exactly when their words are);
    /// else 0, and lookups compare the bytes in the arena.
    @inline(__always)
    static func shortKey(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let n = bytes.count
        guard n > 0, n <= 8, let base = bytes.baseAddress else { return 0 }
        var raw: UInt64 = 0
        withUnsafeMutableBytes(of: &raw) { $0.baseAddress.unsafelyUnwrapped.copyMemory(from: base, byteCount: n) }
        let word = UInt64(littleEndian: raw)
        // A NUL among the n bytes: set the padding bytes to 1, then look for a zero byte.
        let padded = n == 8 ? word : word | (0x0101_0101_0101_0101 &<< UInt64(n * 8))
        let hasZero = (padded &- 0x0101_0101_0101_0101) & ~padded & 0x8080_8080_8080_8080
        return hasZero == 0 ? word : 0
    }

    /// The code stored in the occupied slot `entry` when that string is `bytes` (whose hash is `h`): the
    /// hash tags are compared first, so most mismatches never touch the arena. The one matching rule for
    /// lookups and for the concurrent merge.
    @inline(__always)
    static func code(in entry: UInt64, ifItHolds bytes: UnsafeRawBufferPointer, hash h: UInt64,
                     arena: UnsafeRawBufferPointer, starts: UnsafeBufferPointer<Int>) -> Int32? {
        guard entry & 0xFFFF_FFFF_0000_0000 == h & 0xFFFF_FFFF_0000_0000 else { return nil }
        let code = Int(entry & 0xFFFF_FFFF) - 1
        let s = starts[code], e = starts[code + 1]
        guard e - s == bytes.count, bytesEqual(arena.baseAddress.map { $0 + s }, bytes) else { return nil }
        return Int32(code)
    }

    @inline(__always)
    static func bytesEqual(_ a: UnsafeRawPointer?, _ b: UnsafeRawBufferPointer) -> Bool {
        let n = b.count
        guard n > 0, let a, let bp = b.baseAddress else { return true }
        var i = 0
        while i + 8 <= n {
            if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != bp.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        while i < n {
            if a.load(fromByteOffset: i, as: UInt8.self) != bp.load(fromByteOffset: i, as: UInt8.self) { return false }
            i += 1
        }
        return true
    }

    /// Makes room for `total` strings without rehashing on the way.
    public mutating func reserveCapacity(_ total: Int) {
        var capacity = slots.count
        while total * 2 > capacity { capacity *= 2 }
        if capacity > slots.count, rehash(capacity) > probeLimit { rekey() }
        // Strings of the same kind are about the same length; guess 8 bytes each before any is known.
        arena.reserveCapacity(arena.count + (total - count) * (count > 0 ? max(1, arena.count / count) : 8))
        starts.reserveCapacity(total + 1)
        shortKeys.reserveCapacity(total)
    }

    /// Interns every string of `other`, in code order, returning old code → new code.
    mutating func merge(_ other: StringDictionary) -> [Int32] {
        reserveCapacity(count + other.count)
        return other.arena.withUnsafeBytes { bytes in
            (0..<other.count).map { code in
                let text = UnsafeRawBufferPointer(rebasing: bytes[other.starts[code]..<other.starts[code + 1]])
                // Hashed per string: an insert may rekey this dictionary halfway through.
                return insert(text, ownHash: hashKey.hash(text))
            }
        }
    }

    /// The hash of string `code` under `hashKey`, from its bytes.
    /// - Complexity: O(length of the string).
    func storedHash(of code: Int) -> UInt64 {
        arena.withUnsafeBytes { hashKey.hash(UnsafeRawBufferPointer(rebasing: $0[starts[code]..<starts[code + 1]])) }
    }

    /// The hash of every string under `hashKey`, in code order, computed on all cores (large dictionaries).
    /// - Complexity: O(total length of the strings).
    func allHashes() -> [UInt64] {
        let key = hashKey
        return [UInt64](unsafeUninitializedCapacity: count) { out, initialized in
            let target = SendableBox(out)
            arena.withUnsafeBytes { arena in
                starts.withUnsafeBufferPointer { starts in
                    Parallel.forEach(Parallel.ranges(count, minimumPerPart: 1 << 16)) { codes in
                        for c in codes { target.value[c] = key.hash(UnsafeRawBufferPointer(rebasing: arena[starts[c]..<starts[c + 1]])) }
                    }
                }
            }
            initialized = count
        }
    }

    private mutating func grow() {
        if rehash(slots.count * 2) > probeLimit { rekey() }
    }
}
