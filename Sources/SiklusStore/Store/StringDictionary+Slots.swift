import CMemoryHints
import Foundation

/// The open-addressing table of a `StringDictionary`, with short strings kept in their slots (issue 16).
///
/// A slot is 12 bytes: a word, then a field. The field is 0 for an empty slot, else `code + 1` with the
/// `long` bit set when the word is the string's 64-bit hash (strings over 8 bytes, the empty string and
/// strings holding a NUL byte), clear when the word is the string itself (`StringDictionary.shortKey`).
/// A short id is thus found, or known absent, from its slot alone: one cache line per lookup, where a
/// slot holding only a hash tag and the code sent every hit on to a per-code key (a second, dependent
/// miss per row on a time-ordered log's million ids). Long strings compare their whole hash before their
/// bytes. No string's bytes are read to grow the table: short strings are rehashed from their words,
/// long ones keep their hash (the arena is read only when the key changes, `rekey`).
/// 12 bytes per slot with no per-code key array cost what 8-byte slots and 8-byte keys per code did.
struct SlotTable: Sendable {
    static let stride = 12
    /// Field bit: the word is the string's hash, not the string.
    static let long: UInt32 = 0x8000_0000
    /// Field bit: a slot reserved by a concurrent merge (`StringDictionary+Merge`), never seen by lookups.
    static let pending: UInt32 = 0x4000_0000
    static let codeMask: UInt32 = 0x3FFF_FFFF
    /// Codes must leave the field's two flag bits free.
    static let maxCount = Int(codeMask) - 1

    private var storage: SlotStorage
    /// Number of slots: a power of two.
    let capacity: Int

    /// `capacity` empty slots (a power of two); a large table's pages faulted in on all cores when
    /// `concurrently`, else on this thread.
    init(capacity: Int, concurrently: Bool = false) {
        self.capacity = capacity
        storage = SlotStorage(byteCount: capacity * Self.stride, concurrently: concurrently)
    }

    /// Gives the table's pages to `pool` when it is a mapping of its own that no other dictionary shares; the
    /// table is then empty.
    mutating func recycle(into pool: RecycledPages) {
        if isKnownUniquelyReferenced(&storage) { storage.donate(to: pool) }
        self = SlotTable(capacity: 0)
    }

    /// Calls `body` with the table's slots, for reading.
    @inline(__always)
    func withSlots<R>(_ body: (Slots) throws -> R) rethrows -> R {
        try body(Slots(base: storage.base, mask: capacity - 1))
    }

    /// Calls `body` with the table's slots, for writing (a copy first, when another dictionary shares them).
    @inline(__always)
    mutating func withMutableSlots<R>(_ body: (Slots) throws -> R) rethrows -> R {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return try body(Slots(base: storage.base, mask: capacity - 1))
    }

    /// A view of the slots through a pointer (valid only inside `withSlots` / `withMutableSlots`).
    struct Slots: @unchecked Sendable {
        let base: UnsafeMutableRawPointer
        let mask: Int

        @inline(__always) func word(_ i: Int) -> UInt64 { base.loadUnaligned(fromByteOffset: i &* SlotTable.stride, as: UInt64.self) }
        @inline(__always) func field(_ i: Int) -> UInt32 { base.load(fromByteOffset: i &* SlotTable.stride &+ 8, as: UInt32.self) }
        @inline(__always) func address(_ i: Int) -> UnsafeRawPointer { UnsafeRawPointer(base + i &* SlotTable.stride) }

        @inline(__always)
        func set(_ i: Int, word: UInt64, field: UInt32) {
            base.storeBytes(of: word, toByteOffset: i &* SlotTable.stride, as: UInt64.self)
            base.storeBytes(of: field, toByteOffset: i &* SlotTable.stride &+ 8, as: UInt32.self)
        }

        /// Puts an entry in the first empty slot from `home` on (linear probing); returns the probe's length.
        @inline(__always)
        func place(word: UInt64, field: UInt32, home: Int) -> Int {
            var j = home
            while self.field(j) != 0 { j = (j + 1) & mask }
            set(j, word: word, field: field)
            return (j &- home) & mask
        }

        @inline(__always)
        func setField(_ i: Int, _ field: UInt32) {
            base.storeBytes(of: field, toByteOffset: i &* SlotTable.stride &+ 8, as: UInt32.self)
        }
    }

    /// How full a table may be. Steady: at most five eighths of the slots hold strings. Linear probes then
    /// stay short (a lookup of an absent string passes ~3 slots, the longest insert of 10M ~95, within
    /// `StringDictionary.initialProbeLimit`), and the table is a fifth smaller on average than when held at half
    /// full. Merging: a chunk's dictionary is merged into a table sized for the union's upper bound (the two
    /// counts added) at three quarters, and grown to five eighths after should the union need it. The chunks of
    /// a time-ordered log share customers, so the bound overstates the union: at 5M customers, 2.53M + 2.59M ids
    /// for a union of 5.0M; sized for the bound at five eighths the table would take 16M slots (192 MB), where
    /// the union takes 8M.
    enum Load {
        case steady, merging

        /// Whether `count` strings fit in `capacity` slots at this load.
        @inline(__always)
        func holds(_ count: Int, in capacity: Int) -> Bool {
            switch self {
            case .steady: return count * 8 <= capacity * 5
            case .merging: return count * 4 <= capacity * 3
            }
        }

        /// The smallest power-of-two multiple of `capacity` that holds `count` strings at this load.
        func capacity(for count: Int, from capacity: Int) -> Int {
            var capacity = capacity
            while !holds(count, in: capacity) { capacity *= 2 }
            return capacity
        }
    }

    /// The field of a slot holding `code`.
    @inline(__always)
    static func field(code: Int32, long: Bool) -> UInt32 {
        UInt32(code) &+ 1 | (long ? Self.long : 0)
    }

    /// The code in an occupied, non-pending field.
    @inline(__always)
    static func code(_ field: UInt32) -> Int { Int(field & codeMask) - 1 }
}

/// The bytes of a `SlotTable`, zeroed when made. Large tables (a million ids take 24 MB) are mappings of
/// their own, asked for 2 MiB pages (`siklus_map_zeroed`): a random probe then rarely misses the TLB, the
/// table is faulted in 2 MiB at a time, and when it is freed (each doubling frees the last) it goes back
/// to the kernel whole, where a block freed into malloc's heaps raised glibc's mmap threshold and kept
/// later column buffers in its heaps (7 MB more at the peak of a 1M-customer load).
final class SlotStorage: @unchecked Sendable {
    let base: UnsafeMutableRawPointer
    let byteCount: Int
    private let mapped: Bool
    /// Its pages were given to a `RecycledPages` (the mapping is no longer this table's to unmap).
    private var donated = false
    /// Smaller tables (most dictionaries: events, channels) come from malloc.
    static let mappingThreshold = 1 << 20

    /// A large table's pages are faulted in now, on all cores when `concurrently`: the kernel zeroes them,
    /// which on a VM that hands freed memory back to its host runs at ~0.4–0.8 GB/s per core for 2 MiB pages
    /// (issue 16: a 5M-customer merge's 96 MB table took 0.1–0.2 s on one core while the other waited).
    init(byteCount: Int, concurrently: Bool = false) {
        self.byteCount = byteCount
        if byteCount >= Self.mappingThreshold, let p = siklus_map_zeroed(byteCount, concurrently ? 0 : 1) {
            base = p
            mapped = true
            if concurrently {
                // In parts of whole 2 MiB: Linux places mappings this large on a 2 MiB boundary, so no page is
                // faulted by two cores.
                let huge = 1 << 21, start = SendableBox(p)
                Parallel.forEach(Parallel.ranges((byteCount + huge - 1) / huge, minimumPerPart: 1)) { pages in
                    let from = pages.lowerBound * huge
                    siklus_populate(start.value + from, min(byteCount, pages.upperBound * huge) - from)
                }
            }
        } else {
            guard let p = calloc(max(1, byteCount), 1) else { preconditionFailure("out of memory for a \(byteCount)-byte table") }
            base = p
            mapped = false
        }
    }

    deinit {
        if donated { return }
        if mapped { siklus_unmap_zeroed(base, byteCount) } else { free(base) }
    }

    /// Gives a large table's pages to `pool`; the table must not be read or written again.
    func donate(to pool: RecycledPages) {
        guard mapped, !donated else { return }
        donated = true
        pool.donate(base, bytes: ColumnMemory.roundedUp(byteCount))
    }

    /// A copy, for a dictionary about to change a table another shares.
    func copy() -> SlotStorage {
        let copy = SlotStorage(byteCount: byteCount)
        copy.base.copyMemory(from: base, byteCount: byteCount)
        return copy
    }
}

extension StringDictionary {
    /// What a slot holding `bytes` (hash `h`) contains: its short key, or its hash with the `long` bit.
    @inline(__always)
    static func slotWord(_ bytes: UnsafeRawBufferPointer, hash h: UInt64) -> (word: UInt64, long: UInt32) {
        let key = shortKey(bytes)
        return key != 0 ? (key, 0) : (h, SlotTable.long)
    }

    /// The hash of the string in a slot, under `key`: the word itself for a long string, else the hash of
    /// the short key's bytes (its length is that of its non-zero bytes: a short key holds no NUL).
    @inline(__always)
    static func slotHash(word: UInt64, field: UInt32, key: DictionaryHashKey) -> UInt64 {
        if field & SlotTable.long != 0 { return word }
        var bytes = word.littleEndian
        let count = (71 - word.leadingZeroBitCount) >> 3
        return withUnsafeBytes(of: &bytes) { key.hash(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    }

    /// The code in slot `i` when it holds the string `bytes`, whose slot word and flag are `word`/`long`:
    /// a short string matches on its word alone; a long one on its hash, then its bytes in the arena. The one
    /// matching rule for lookups and for the concurrent merge (pending slots never match).
    @inline(__always)
    static func code(in slots: SlotTable.Slots, at i: Int, field: UInt32, word: UInt64, long: UInt32, bytes: UnsafeRawBufferPointer,
                     arena: UnsafeRawBufferPointer, starts: UnsafeBufferPointer<Int>) -> Int32? {
        guard field & (SlotTable.long | SlotTable.pending) == long, slots.word(i) == word else { return nil }
        let code = SlotTable.code(field)
        if long == 0 { return Int32(code) }
        let s = starts[code], e = starts[code + 1]
        guard e - s == bytes.count, bytesEqual(arena.baseAddress.map { $0 + s }, bytes) else { return nil }
        return Int32(code)
    }
}

extension StringDictionary {
    /// Occupied slots holding a short string (its word) and a long one (its hash): a test hook.
    /// - Complexity: O(capacity).
    var occupiedSlots: (short: Int, long: Int) {
        slots.withSlots { slots in
            var short = 0, long = 0
            for i in 0...slots.mask where slots.field(i) != 0 {
                if slots.field(i) & SlotTable.long != 0 { long += 1 } else { short += 1 }
            }
            return (short, long)
        }
    }
}

extension StringDictionary {
    /// Empties the dictionary; a large table of its own goes to `pool` (a merged chunk's, at 5M customers ~96 MB
    /// of pages the events' index then writes instead of faulting in fresh ones).
    mutating func recycle(into pool: RecycledPages) {
        slots.recycle(into: pool)
        self = StringDictionary()
    }
}
