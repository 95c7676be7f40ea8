/// The codes of a text column's recent values, looked up by value (issue 16).
///
/// Event names and channels take a few dozen values, but in a time-ordered log consecutive rows seldom
/// repeat one, so the previous-row cache rarely hits and each value was hashed and probed in the string
/// dictionary: two interns per row, about a tenth of the load's CPU. Here a value of up to 16 bytes is
/// read as two words and its length, which index a small direct-mapped table of codes: a hit costs a few
/// instructions and no hash; a miss (first sight, or a slot taken by another value) interns as before and
/// takes the slot. The words hold the value exactly (with its length), so a hit is never a wrong code.
/// Codes are those the parser's dictionaries gave, so a dropped row that removed strings clears the cache.
struct TextCodeCache {
    struct Entry {
        var low: UInt64 = 0
        var high: UInt64 = 0
        /// The value's length; 0 for an empty slot (empty values are nulls, never cached).
        var count: UInt32 = 0
        var code: Int32 = 0
    }

    /// Longest value cached: two words.
    static let maxLength = 16
    /// Slots of a text column's cache: a power of two, in sets of two (12 KiB). Direct-mapped, 41 event names
    /// in 256 slots collided in pairs that evicted each other on every other row (988 interns in 20,000 rows,
    /// against 41 with two ways: `SlotTableAndTextCacheTests`).
    static let size = 512
    private let entries: UnsafeMutablePointer<Entry>
    private let size: Int

    /// A cache for a text column, or (`used` false) a placeholder for another column, never looked up.
    init(used: Bool) {
        size = used ? Self.size : 2
        entries = .allocate(capacity: size)
        entries.initialize(repeating: Entry(), count: size)
    }

    func deallocate() { entries.deallocate() }

    /// Empties every slot.
    func clear() { entries.update(repeating: Entry(), count: size) }

    /// The code of `f` (1 to `maxLength` bytes): from the cache, or `intern()`'s, which then takes the first
    /// slot of its set (the one there moves to the second). `readable`: where the memory that may be read
    /// after `f` ends (the file's end), when known.
    @inline(__always)
    func code(of f: UnsafeRawBufferPointer, readableTo readable: UnsafeRawPointer? = nil, interning intern: () -> Int32) -> Int32 {
        let (low, high) = Self.words(f, readableTo: readable)
        let mixed = (low ^ (high &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(f.count)) &* 0xBF58_476D_1CE4_E5B9
        let set = entries + Int(truncatingIfNeeded: mixed >> 56) &* 2
        if set[0].holds(low, high, count: f.count) { return set[0].code }
        if set[1].holds(low, high, count: f.count) { return set[1].code }
        let code = intern()
        set[1] = set[0]
        set[0] = Entry(low: low, high: high, count: UInt32(f.count), code: code)
        return code
    }

    /// Bytes 0..<8 and 8..<16 of `f` (1 to 16 bytes) as little-endian words, zero beyond the end. With 16
    /// bytes readable from its start (`readable`), two loads and masks, with no branch on the length (values
    /// of varying lengths mispredicted the branches below about once per value); else overlapping loads inside
    /// the value, never past it.
    @inline(__always)
    static func words(_ f: UnsafeRawBufferPointer, readableTo readable: UnsafeRawPointer? = nil) -> (UInt64, UInt64) {
        let n = f.count, p = f.baseAddress.unsafelyUnwrapped
        if let readable, readable - p >= 16 {
            let low = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))
            let high = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            // Shifts of up to 64 bits, as two halves: `&>>` takes its count modulo 64.
            let lowShift = UInt64(32 - 4 * min(n, 8)), highShift = UInt64(32 - 4 * max(0, min(n - 8, 8)))
            return (low & ((~0 &>> lowShift) &>> lowShift), high & ((~0 &>> highShift) &>> highShift))
        }
        if n >= 8 {
            let low = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))
            guard n > 8 else { return (low, 0) }
            let tail = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
            return (low, tail &>> UInt64((16 - n) * 8))
        }
        return (StringDictionary.word(p, count: n), 0)
    }
}

extension TextCodeCache.Entry {
    @inline(__always)
    func holds(_ low: UInt64, _ high: UInt64, count: Int) -> Bool {
        self.low == low && self.high == high && Int(self.count) == count
    }
}
