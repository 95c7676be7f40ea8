/// The customer ids of a chunk's last few rows, interned `depth` rows after they were parsed (issue 16).
///
/// In a time-ordered log consecutive rows rarely share an id, and interning one into a dictionary of
/// millions costs a cache miss on the table slot (and for ids over 8 bytes a dependent one on the
/// string's start), about as long as parsing a whole row: done at once, the parser waits for it on every
/// row. Here a committed row's id only starts the slot's load (`StringDictionary.prefetchSlot`); for a long
/// id, `depth / 2` rows later its slot is read and the string's start is loaded (`prefetchLongKey`);
/// `depth` rows later the id is interned, from cache, and its code written. Ids are interned in row order, so codes are exactly those of interning at once.
///
/// Entries point into the chunk's bytes, which must stay mapped until `flush` (the parser flushes before
/// handing parsed pages back). An id with `""` escapes was unescaped into scratch the next quoted field
/// reuses: it is copied, and its row flushes the queue when committed.
struct PendingCustomerIDs {
    struct Entry {
        var start: UnsafeRawPointer?
        var count = 0
        var hash: UInt64 = 0
        var row = 0
        /// The row whose id has the same text (the previous-row cache), whose code is copied; or -1.
        var sameAsRow = -1
        /// Points into `escapedCopy`: interned when its row is committed.
        var escaped = false
    }

    /// Rows between parsing an id and interning it: a power of two, a few cache-miss latencies of rows.
    static let depth = 16
    private let ring: UnsafeMutablePointer<Entry>
    private let escapedCopy: UnsafeMutableRawPointer
    /// Entries committed and resolved so far; `committed - resolved < depth`, so the staged entry is free.
    private var committed = 0
    private var resolved = 0

    init() {
        ring = .allocate(capacity: Self.depth)
        ring.initialize(repeating: Entry(), count: Self.depth)
        escapedCopy = .allocate(byteCount: ChunkParser.maxInternedLength, alignment: 8)
    }

    func deallocate() {
        ring.deallocate()
        escapedCopy.deallocate()
    }

    /// The entry the row being parsed fills; `commit` queues it, a dropped row leaves it to the next row.
    var staged: UnsafeMutablePointer<Entry> { ring + (committed & (Self.depth - 1)) }

    /// Fills `entry` for row `row`'s id `key` (the bytes to intern; `text`, as written, for the previous-row
    /// cache), or, when `previous` is nil (an escaped field, in scratch), for a copy of `key`.
    @inline(__always)
    func stage(_ key: UnsafeRawBufferPointer, text: UnsafeRawBufferPointer, row: Int, previous: UnsafeMutablePointer<PreviousValue>?,
               into entry: UnsafeMutablePointer<Entry>) {
        guard let previous else { return stageEscaped(key, row: row, into: entry) }
        if let same = previous.pointee.code(ifSameAs: text) {
            entry.pointee = Entry(row: row, sameAsRow: Int(same))
        } else {
            entry.pointee = Entry(start: key.baseAddress, count: key.count, hash: StringDictionary.hash(key), row: row)
            // The cache's "code" is the row, interned before this one: rows are interned in order.
            previous.pointee = PreviousValue(text, Int32(truncatingIfNeeded: row))
        }
    }

    @inline(never)
    private func stageEscaped(_ key: UnsafeRawBufferPointer, row: Int, into entry: UnsafeMutablePointer<Entry>) {
        if let base = key.baseAddress, key.count > 0 { escapedCopy.copyMemory(from: base, byteCount: key.count) }
        let copy = UnsafeRawBufferPointer(start: escapedCopy, count: key.count)
        entry.pointee = Entry(start: copy.baseAddress, count: copy.count, hash: StringDictionary.hash(copy), row: row, escaped: true)
    }

    /// Queues the staged entry (its row was kept), hints the caches for it and for the entry halfway
    /// along, and interns the oldest once `depth` are waiting. `codes` is the chunk's customer column.
    @inline(__always)
    mutating func commit(codes buffer: UnsafeMutablePointer<ColumnBuffer>, customers: inout StringDictionary,
                         global: StringDictionary, ownsDictionaries: Bool) {
        let entry = staged.pointee
        committed += 1
        if entry.sameAsRow < 0 {
            customers.prefetchSlot(hash: entry.hash)
            if !ownsDictionaries, global.count > 0 { global.prefetchSlot(hash: entry.hash) }
        }
        // Ids of up to 8 bytes are decided by their slot; longer ones compare their bytes, whose start
        // is hinted halfway along.
        let halfway = committed - 1 - Self.depth / 2
        if halfway >= resolved {
            let earlier = ring[halfway & (Self.depth - 1)]
            if earlier.sameAsRow < 0, earlier.count > 8 {
                customers.prefetchLongKey(hash: earlier.hash)
                if !ownsDictionaries, global.count > 0 { global.prefetchLongKey(hash: earlier.hash) }
            }
        }
        if entry.escaped {
            flush(codes: buffer, customers: &customers, global: global, ownsDictionaries: ownsDictionaries)
        } else if committed - resolved == Self.depth {
            resolveOldest(codes: buffer, customers: &customers, global: global, ownsDictionaries: ownsDictionaries)
        }
    }

    /// Interns every queued id, in row order.
    mutating func flush(codes buffer: UnsafeMutablePointer<ColumnBuffer>, customers: inout StringDictionary,
                        global: StringDictionary, ownsDictionaries: Bool) {
        while resolved < committed {
            resolveOldest(codes: buffer, customers: &customers, global: global, ownsDictionaries: ownsDictionaries)
        }
    }

    @inline(__always)
    private mutating func resolveOldest(codes buffer: UnsafeMutablePointer<ColumnBuffer>, customers: inout StringDictionary,
                                        global: StringDictionary, ownsDictionaries: Bool) {
        let entry = ring[resolved & (Self.depth - 1)]
        resolved += 1
        let codes = buffer.pointee.codes.unsafelyUnwrapped
        codes[entry.row] = entry.sameAsRow >= 0 ? codes[entry.sameAsRow]
            : ChunkParser.intern(UnsafeRawBufferPointer(start: entry.start, count: entry.count), hash: entry.hash,
                                 ownsDictionaries: ownsDictionaries, local: &customers, global: global)
    }
}
