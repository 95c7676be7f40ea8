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
    // No stored hashes per code: long strings' hashes live in their slots, short strings are their own key.
    /// Open-addressing table, power-of-two sized, at most five eighths full (`SlotTable`, `SlotTable.Load`).
    var slots = SlotTable(capacity: 16)
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
        let (word, long) = Self.slotWord(bytes, hash: h)
        let (found, slot) = find(bytes, hash: h, word: word, long: long)
        if let found { return found }
        precondition(count < SlotTable.maxCount, "more than 2^30 distinct strings")
        let code = Int32(count)
        // As typed bytes: `append(contentsOf:)` of a raw buffer took the element-by-element path (1 % of a
        // 5M-customer load's CPU), of a typed one a block copy.
        arena.append(contentsOf: bytes.assumingMemoryBound(to: UInt8.self))
        starts.append(arena.count)
        slots.withMutableSlots { $0.set(slot, word: word, field: SlotTable.field(code: code, long: long != 0)) }
        let probe = (slot &- Int(truncatingIfNeeded: h)) & (slots.capacity - 1)
        probes.total &+= probe
        if probe > probes.longest {
            probes.longest = probe
            if probe > probeLimit { rekey() }
        }
        if !SlotTable.Load.steady.holds(count, in: slots.capacity) { grow() }
        return code
    }

    /// Removes the strings added since the dictionary held `newCount` (a parsed row that was then dropped).
    ///
    /// Each string's slot is emptied by shifting back the entries after it in its run (linear probing's
    /// deletion), so lookups stay right whatever order a rehash placed the entries in.
    /// - Complexity: O(removed strings) expected.
    mutating func truncate(to newCount: Int) {
        let key = hashKey
        while count > newCount {
            let code = count - 1
            let (word, long) = arena.withUnsafeBytes { arena in
                let bytes = UnsafeRawBufferPointer(rebasing: arena[starts[code]..<starts[code + 1]])
                return Self.slotWord(bytes, hash: key.hash(bytes))
            }
            let field = SlotTable.field(code: Int32(code), long: long != 0)
            slots.withMutableSlots { slots in
                var i = Int(truncatingIfNeeded: Self.slotHash(word: word, field: field, key: key)) & slots.mask
                while slots.field(i) != field { i = (i + 1) & slots.mask }
                Self.remove(at: i, in: slots, key: key)
            }
            arena.removeLast(starts[code + 1] - starts[code])
            starts.removeLast()
        }
    }

    /// Empties slot `hole`, moving back each later entry of its run whose probe passed through the hole.
    private static func remove(at hole: Int, in slots: SlotTable.Slots, key: DictionaryHashKey) {
        var hole = hole, j = hole
        while true {
            j = (j + 1) & slots.mask
            let field = slots.field(j)
            if field == 0 { break }
            let word = slots.word(j)
            let home = Int(truncatingIfNeeded: slotHash(word: word, field: field, key: key)) & slots.mask
            // The entry may fill the hole when the hole lies on its probe, from its home to where it sits.
            if (j &- home) & slots.mask >= (j &- hole) & slots.mask {
                slots.set(hole, word: word, field: field)
                hole = j
            }
        }
        slots.set(hole, word: 0, field: 0)
    }

    /// The code of `bytes` if present, and the slot where the probe ended.
    @inline(__always)
    private func find(_ bytes: UnsafeRawBufferPointer, hash h: UInt64) -> (code: Int32?, slot: Int) {
        let (word, long) = Self.slotWord(bytes, hash: h)
        return find(bytes, hash: h, word: word, long: long)
    }

    @inline(__always)
    private func find(_ bytes: UnsafeRawBufferPointer, hash h: UInt64, word: UInt64, long: UInt32) -> (code: Int32?, slot: Int) {
        slots.withSlots { slots in
            arena.withUnsafeBytes { arena in
                starts.withUnsafeBufferPointer { starts in
                    var i = Int(truncatingIfNeeded: h) & slots.mask
                    while true {
                        let field = slots.field(i)
                        if field == 0 { return (nil, i) }
                        if let code = Self.code(in: slots, at: i, field: field, word: word, long: long, bytes: bytes, arena: arena, starts: starts) {
                            return (code, i)
                        }
                        i = (i + 1) & slots.mask
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
        guard n > 0, n <= 8, let p = bytes.baseAddress else { return 0 }
        let word = Self.word(p, count: n)
        // A NUL among the n bytes: set the padding bytes to 1, then look for a zero byte.
        let padded = n == 8 ? word : word | (0x0101_0101_0101_0101 &<< UInt64(n * 8))
        let hasZero = (padded &- 0x0101_0101_0101_0101) & ~padded & 0x8080_8080_8080_8080
        return hasZero == 0 ? word : 0
    }

    /// Bytes 0..<n (1 to 8) at `p` as a little-endian word, zero above: overlapping loads inside the bytes,
    /// never past them, and no copy through memory (a byte-wise copy read back as a word stalls the load).
    @inline(__always)
    static func word(_ p: UnsafeRawPointer, count n: Int) -> UInt64 {
        if n >= 4 {
            let low = UInt64(UInt32(littleEndian: p.loadUnaligned(as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: p.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)))
            return low | high &<< UInt64((n - 4) * 8)
        }
        let first = UInt64(p.load(as: UInt8.self)), last = UInt64(p.load(fromByteOffset: n - 1, as: UInt8.self))
        let middle = UInt64(p.load(fromByteOffset: n >> 1, as: UInt8.self))
        return first | middle &<< UInt64((n >> 1) * 8) | last &<< UInt64((n - 1) * 8)
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
        let capacity = SlotTable.Load.steady.capacity(for: total, from: slots.capacity)
        if capacity > slots.capacity, rehash(capacity) > probeLimit { rekey() }
        reserveArrays(total)
    }

    /// Grows the table to `slots` slots (a power of two, larger than now), the arrays left as they are.
    /// - Complexity: O(count + slots), a rehash.
    mutating func reserveTable(slots capacity: Int) {
        precondition(capacity > slots.capacity && capacity & (capacity - 1) == 0, "tables grow to a larger power of two")
        if rehash(capacity) > probeLimit { rekey() }
    }

    /// Makes room in the arena and the offsets for `total` strings (and at least `arenaBytes` in the arena).
    /// `growingTwofold`: when the arrays must grow, to at least twice their capacity (a dictionary reserved
    /// for again and again as it grows; an exact reservation would copy it every time).
    mutating func reserveArrays(_ total: Int, arenaBytes: Int = 0, growingTwofold: Bool = false) {
        func grow<T>(_ array: inout [T], to needed: Int) {
            if array.capacity < needed { array.reserveCapacity(growingTwofold ? max(needed, 2 * array.capacity) : needed) }
        }
        // Strings of the same kind are about the same length; guess 8 bytes each before any is known.
        grow(&arena, to: max(arenaBytes, arena.count + (total - count) * (count > 0 ? max(1, arena.count / count) : 8)))
        grow(&starts, to: total + 1)
    }

    /// The strings of `codes` (the codes one chunk added to a dictionary it shared) as a dictionary of their own
    /// with this one's key, to be merged (`merge`, `mergeConcurrently`): it has no table, so nothing can be looked up in it.
    /// - Complexity: O(the strings' bytes), a copy.
    func mergeSource(codes: Range<Int>) -> StringDictionary {
        var source = StringDictionary(hashKey: hashKey)
        let first = starts[codes.lowerBound]
        source.arena = Array(arena[first..<starts[codes.upperBound]])
        source.starts = starts[codes.lowerBound...codes.upperBound].map { $0 - first }
        return source
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

    /// The hash of every string under `hashKey`, in code order, computed on all cores (large dictionaries).
    /// - Complexity: O(total length of the strings).
    func allHashes() -> [UInt64] {
        let key = hashKey
        return [UInt64](unzeroedCount: count) { out in
            let target = SendableBox(out)
            arena.withUnsafeBytes { arena in
                starts.withUnsafeBufferPointer { starts in
                    Parallel.forEach(Parallel.ranges(count, minimumPerPart: 1 << 16)) { codes in
                        for c in codes { target.value[c] = key.hash(UnsafeRawBufferPointer(rebasing: arena[starts[c]..<starts[c + 1]])) }
                    }
                }
            }
        }
    }

    private mutating func grow() {
        if rehash(slots.capacity * 2) > probeLimit { rekey() }
    }
}
