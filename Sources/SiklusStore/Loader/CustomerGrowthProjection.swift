/// Grows a chunk's customer table in fewer, larger steps, to the size its ids are heading for, so that the
/// merge finds it large enough (issue 16).
///
/// A time-ordered log gives no estimate of its customers before the parse (`CustomerCountEstimate` needs ids in
/// runs), so the tables grew by doubling: at 5M customers the first chunk's table was rehashed at 0.33M, 0.65M,
/// 1.3M, and again at the merge (4M slots to 8M: 0.1–0.2 s with the other core idle, mostly the kernel zeroing
/// 96 MB of fresh pages). New customers arrive at a steady rate in such a log, so once the table is large and
/// the rate of new ids per row has held, the ids to come are projected from that rate and the rows left, and
/// the table grows to hold them.
///
/// The first chunk's dictionary becomes the file's, so it is sized for the whole file (the other chunks' new ids
/// arrive at the merge); another chunk's for its own range. A projection overshoots when new customers stop
/// coming later in the file: a step is at most `maxStep` times the table, and only taken when the table is
/// about to double anyway, so a wrong guess costs at most two doublings more than growth would have made.
struct CustomerGrowthProjection {
    /// Where the rows whose ids this chunk's dictionary will hold end: the file's end for a plain file's first
    /// chunk, the chunk's end for the others (moved down when a split takes the rest of the chunk).
    var idsEnd: Int
    /// Where the chunk's rows start.
    let start: Int
    /// Strings in the dictionary before this chunk (a second load's stored ids).
    let idsAtStart: Int
    /// (rows, strings) at each check, for the rate of new ids over the last half of the rows.
    private var history: [(rows: Int, ids: Int)] = []

    /// Tables smaller than this grow by doubling: their growth costs little, and early rates say little.
    static let minimumSlots = 1 << 20
    /// The largest step, in multiples of the current table.
    static let maxStep = 8

    init(idsEnd: Int, start: Int, idsAtStart: Int) {
        (self.idsEnd, self.start, self.idsAtStart) = (idsEnd, start, idsAtStart)
    }

    /// Called every few MiB of rows (`ChunkParser.releaseStride`, ~100 times per 500 MB), with every parsed
    /// row's id interned: grows `customers`' table when the ids projected for the rows left would outgrow it.
    /// - Complexity: O(1) amortized, or one rehash of the table when it grows.
    mutating func check(_ customers: inout StringDictionary, rows: Int, at p: Int) {
        history.append((rows, customers.count - idsAtStart))
        let capacity = customers.slots.capacity
        guard capacity >= Self.minimumSlots, p > start, p < idsEnd, history.count >= 4 else { return }
        // Only when the table is about to grow anyway (within two more stretches like the last): the rates
        // then cover the most rows, and a projection that falls short costs nothing.
        let lastAdded = history[history.count - 1].ids - history[history.count - 2].ids
        guard !SlotTable.Load.steady.holds(customers.count + 2 * lastAdded, in: capacity) else { return }
        // New ids per row over each half of the rows so far. The first half's rate is the higher one at the
        // start of a log (every customer is new); a rate that falls by more than that (customers coming back
        // rather than arriving) projects nothing.
        let (first, middle, last) = (history[0], history[history.count / 2], history[history.count - 1])
        let early = Double(middle.ids - first.ids) / Double(max(1, middle.rows - first.rows))
        let late = Double(last.ids - middle.ids) / Double(max(1, last.rows - middle.rows))
        guard late > 0, late >= 0.75 * early else { return }
        let rowsLeft = Double(idsEnd - p) * Double(rows) / Double(p - start)
        // A little under the projection: one a few percent over a power of two would double the table, where
        // falling short costs only the merge's growth, as before.
        let projected = customers.count + Int(late * rowsLeft * 0.97)
        let target = SlotTable.Load.steady.capacity(for: projected, from: capacity)
        guard target > capacity else { return }
        customers.reserveTable(slots: min(target, capacity * Self.maxStep))
    }
}
