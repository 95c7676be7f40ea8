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
    /// Slots of a text column's cache: a power of two, far above the distinct values of a typical event or
    /// channel column (6 KiB).
    static let size = 256
    private let entries: UnsafeMutablePointer<Entry>
    private let size: Int

    /// A cache for a text column, or (`used` false) a placeholder for another column, never looked up.
    init(used: Bool) {
        size = used ? Self.size : 1
        entries = .allocate(capacity: size)
        entries.initialize(repeating: Entry(), count: size)
    }

    func deallocate() { entries.deallocate() }

    /// Empties every slot.
    func clear() { entries.update(repeating: Entry(), count: size) }

    /// The slot for `f` (1 to `maxLength` bytes) and its words: its code when `slot.pointee` matches them.
    @inline(__always)
    func slot(for f: UnsafeRawBufferPointer) -> (slot: UnsafeMutablePointer<Entry>, low: UInt64, high: UInt64) {
        let (low, high) = Self.words(f)
        let mixed = (low ^ (high &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(f.count)) &* 0xBF58_476D_1CE4_E5B9
        return (entries + Int(truncatingIfNeeded: mixed >> 56), low, high)
    }

    /// Bytes 0..<8 and 8..<16 of `f` (1 to 16 bytes) as little-endian words, zero beyond the end; read with
    /// overlapping loads inside the value, never past it.
    @inline(__always)
    static func words(_ f: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        let n = f.count, p = f.baseAddress.unsafelyUnwrapped
        if n >= 8 {
            let low = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))
            guard n > 8 else { return (low, 0) }
            let tail = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
            return (low, tail &>> UInt64((16 - n) * 8))
        }
        if n >= 4 {
            let low = UInt64(UInt32(littleEndian: p.loadUnaligned(as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: p.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)))
            return (low | high &<< UInt64((n - 4) * 8), 0)
        }
        let first = UInt64(p.load(as: UInt8.self)), last = UInt64(p.load(fromByteOffset: n - 1, as: UInt8.self))
        let middle = UInt64(p.load(fromByteOffset: n >> 1, as: UInt8.self))
        return (first | middle &<< UInt64((n >> 1) * 8) | last &<< UInt64((n - 1) * 8), 0)
    }
}

extension TextCodeCache.Entry {
    @inline(__always)
    func holds(_ low: UInt64, _ high: UInt64, count: Int) -> Bool {
        self.low == low && self.high == high && Int(self.count) == count
    }
}
