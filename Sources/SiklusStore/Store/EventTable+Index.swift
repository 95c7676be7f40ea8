/// Newly parsed event rows: per column, one raw buffer per chunk, codes already final.
/// `EventTable.append` owns the buffers and frees each as soon as it has been gathered, so peak
/// memory stays near one copy of the table.
struct NewEventRows {
    /// Rows in each chunk.
    var counts: [Int]
    var customer: [UnsafeMutablePointer<Int32>]
    var ts: [UnsafeMutablePointer<Int64>]
    /// Nil when the file has no event column (every row is `purchaseCode`).
    var event: [UnsafeMutablePointer<Int32>]?
    var purchaseCode: Int32
    var amount: [UnsafeMutablePointer<Double>]?
    var amountNulls: [UnsafeMutablePointer<Bool>?]
    var channel: [UnsafeMutablePointer<Int32>]?
    /// Extra columns, already materialised (they are few and usually small).
    var extras: [Column]

    var total: Int { counts.reduce(0, +) }
}

extension EventTable {
    /// Appends rows and rebuilds the (customer, ts, file row) order and the per-customer offsets.
    ///
    /// Existing rows come first and are already in order, so a stable sort by (customer, ts) of
    /// old ++ new keeps file order as the tie-breaker without storing row numbers. Columns are gathered
    /// straight from the parser's buffers into their sorted places (one copy, not two), and the
    /// customer column is rebuilt from the offsets instead of gathered.
    /// - Complexity: O(n + customers) plus the per-customer sorts of out-of-order rows.
    /// Returns what the load report needs about the new rows: distinct customers and their time span.
    /// `blocks` chooses the block path for tests (by default: millions of customers, no extra columns).
    /// `recycling` holds pages freed before (the merged dictionaries'), for the first arrays written.
    @discardableResult
    mutating func append(_ new: NewEventRows, customerCount: Int, blocks: Bool? = nil, recycling: RecycledPages = RecycledPages()) -> NewRowsSummary {
        let oldCount = count, newCount = new.total
        let n = oldCount + newCount
        precondition(n < Int(Int32.max), "more than 2^31 events")
        if oldCount == 0, Self.isGroupedByCustomer(new) {
            recycling.drain()
            return adoptGroupedRows(new, customerCount: customerCount)
        }
        var timer = PhaseTimer()
        var summary = NewRowsSummary(distinctCustomers: 0, timeSpan: nil)
        // Each buffer read for the last time gives its pages to the next array written.
        func release<T>(_ parts: [UnsafeMutablePointer<T>?]) { parts.forEach { ColumnMemory.deallocate($0, recycling: recycling) } }
        // Counting sort on customer codes: offsets, then each row's sorted position. Millions of customers sort
        // by blocks, and the columns then move through the blocks too (no extra columns: they gather by row).
        let spread = (blocks ?? CustomerBlockSort.isWorthwhile(customerCount: customerCount)) && extras.isEmpty && new.extras.isEmpty
            ? UnsafeMutableBufferPointer<Int32>.allocate(capacity: n) : nil
        if let spread { recycling.fill(spread) }
        var (starts, order, blockStarts) = Self.countingSort(old: customer, new: new, customerCount: customerCount, spread: spread,
                                                             recycling: recycling)
        // Each chunk's time span on its own core.
        summary.timeSpan = Parallel.map(new.counts.count) { k in NewRowsSummary.span([new.ts[k]], nulls: nil, counts: [new.counts[k]]) }
            .compactMap { $0 }.reduce(nil) { span, part in span.map { min($0.lowerBound, part.lowerBound)...max($0.upperBound, part.upperBound) } ?? part }
        // Before this load no customer had rows: the new rows' customers are those with any.
        summary.distinctCustomers = oldCount == 0 ? Self.customersWithRows(starts)
            : NewRowsSummary.distinct(new.customer, counts: new.counts, customerCount: customerCount)
        release(new.customer)
        customer = []
        timer.mark("index: counting sort")

        var segments = RowSegments(oldCount: oldCount, counts: new.counts)
        segments.recycling = recycling
        let columns: ColumnGather = spread.map {
            .blocks(BlockedGather(spread: $0, partStarts: [0] + segments.partStarts, blockStarts: blockStarts, count: n, recycling: recycling))
        } ?? .rows(segments)
        defer { columns.deallocate() }
        var sortedTs = columns.gather(order, old: ts, parts: new.ts) { release(new.ts) }
        ts = []
        timer.mark("index: gather ts")
        Self.sortWithinCustomers(starts: starts, ts: &sortedTs, order: &order)
        timer.mark("index: sort in customers")

        // One column at a time, each gathered by both cores (split by output range), freeing each
        // source as soon as it has been read: peak memory stays near one copy of the table.
        let oldEvent = event, oldAmount = amount, oldNulls = amountNulls, oldChannel = channel, oldExtras = extras
        event = []; amount = []; amountNulls = nil; channel = []; extras = []
        let chunks = new.counts.count
        let newEvent = new.event.map { parts in columns.gather(order, old: oldEvent, parts: parts) { release(parts) } }
            ?? columns.gather(order, old: oldEvent, constant: new.purchaseCode, chunks: chunks)
        let newChannel = new.channel.map { parts in columns.gather(order, old: oldChannel, parts: parts) { release(parts) } }
            ?? columns.gather(order, old: oldChannel, constant: StringDictionary.null, chunks: chunks)
        let newAmount = new.amount.map { parts in columns.gather(order, old: oldAmount, parts: parts) { release(parts) } }
            ?? columns.gather(order, old: oldAmount, constant: 0, chunks: chunks)
        var newNulls: [Bool]?
        let releaseNulls = { release(new.amountNulls) }
        if oldNulls != nil || new.amountNulls.contains(where: { $0 != nil }) || new.amount == nil {
            let old = oldNulls ?? Array(repeating: false, count: oldCount)
            newNulls = new.amount == nil ? columns.gather(order, old: old, constant: true, chunks: chunks)
                : columns.gather(order, old: old, optionalParts: new.amountNulls, release: releaseNulls)
        }
        if newNulls == nil || new.amount == nil { releaseNulls() }
        let newExtras = Self.mergeExtras(oldExtras, new.extras, oldCount: oldCount, newCount: newCount).map { $0.gathered(order) }
        // The customer column needs only the offsets: built once `order` is freed, a column less at the peak.
        order = []
        let newCustomer = Self.expand(starts, count: n, recycling: recycling)
        recycling.drain()
        timer.mark("index: gather columns")
        customer = newCustomer; ts = sortedTs; event = newEvent; amount = newAmount; amountNulls = newNulls
        channel = newChannel; extras = newExtras; offsets = starts
        return summary
    }

    /// Counting sort of old ++ new rows by customer: `starts` becomes the offsets, `order` each sorted
    /// position's row. Each core takes a range of customers (its own counts, cursors and output range) and
    /// reads every row's code, placing only its customers' rows: the random accesses, the cost, are split.
    /// Millions of customers take `CustomerBlockSort` (same result).
    /// Neither array is zeroed first (every place is written; zeroing them took ~40 ms of one core at 5M).
    /// - Complexity: O(rows × cores + customers).
    private static func countingSort(old: [Int32], new: NewEventRows, customerCount: Int, spread: UnsafeMutableBufferPointer<Int32>?,
                                     recycling: RecycledPages) -> (starts: [Int], order: [Int32], blockStarts: [Int]) {
        let ranges = Parallel.ranges(customerCount, minimumPerPart: 1 << 16)
        var starts: [Int] = [], blockStarts: [Int] = []
        let order = [Int32](unzeroedCount: old.count + new.total, recycling: recycling) { order in
            old.withUnsafeBufferPointer { old in
                // Every row's codes, part by part: the old rows, then each chunk's, with the row number of each part's first.
                var parts: [(codes: UnsafePointer<Int32>?, count: Int, firstRow: Int32)] = [(old.baseAddress, old.count, 0)]
                for (k, part) in new.customer.enumerated() { parts.append((UnsafePointer(part), new.counts[k], Int32(parts.reduce(0) { $0 + $1.count }))) }
                // Millions of customers: their counters outgrow the caches, so the rows are sorted by blocks of customers.
                if spread != nil || CustomerBlockSort.isWorthwhile(customerCount: customerCount) {
                    starts = [Int](unzeroedCount: customerCount + 1, recycling: recycling) { starts in
                        blockStarts = CustomerBlockSort.sort(parts.map { ($0.codes, $0.count) }, customerCount: customerCount, starts: starts,
                                                             order: order, spread: spread, recycling: recycling)
                    }
                    return
                }
                starts = [Int](repeating: 0, count: customerCount + 1)
                starts.withUnsafeMutableBufferPointer { s in
                    let shared = SendableBox((s, order, parts))
                    Parallel.forEach(ranges) { customers in
                        let (s, _, parts) = shared.value
                        let lo = customers.lowerBound, width = UInt(customers.count)
                        for part in parts where part.count > 0 {
                            let codes = part.codes.unsafelyUnwrapped
                            for i in 0..<part.count {
                                let c = Int(codes[i])
                                if UInt(bitPattern: c &- lo) < width { s[c + 1] += 1 }
                            }
                        }
                    }
                    for c in 0..<customerCount { s[c + 1] += s[c] }
                    // `starts[c]` is customer c's cursor (no copy of the offsets: 8 bytes per customer less at the peak).
                    Parallel.forEach(ranges) { customers in
                        let (cursor, order, parts) = shared.value
                        let lo = customers.lowerBound, width = UInt(customers.count)
                        for part in parts where part.count > 0 {
                            let codes = part.codes.unsafelyUnwrapped
                            var row = part.firstRow
                            for i in 0..<part.count {
                                let c = Int(codes[i])
                                if UInt(bitPattern: c &- lo) < width { order[cursor[c]] = row; cursor[c] += 1 }
                                row &+= 1
                            }
                        }
                    }
                    // Each cursor ended at its customer's end, the next customer's start: shift them back.
                    var c = customerCount
                    while c > 0 { s[c] = s[c - 1]; c -= 1 }
                    s[0] = 0
                }
            }
        }
        return (starts, order, blockStarts)
    }

    /// Customers with at least one row, from the offsets.
    private static func customersWithRows(_ starts: [Int]) -> Int {
        var n = 0
        for c in 0..<(starts.count - 1) where starts[c + 1] > starts[c] { n += 1 }
        return n
    }

    /// Stable per-customer sort by time of rows that arrived out of order; usually just a check.
    /// Customer ranges are disjoint, so both cores work on separate customers.
    private static func sortWithinCustomers(starts: [Int], ts: inout [Int64], order: inout [Int32]) {
        let parts = Parallel.ranges(starts.count - 1, minimumPerPart: 16_384)
        ts.withUnsafeMutableBufferPointer { ts in
            order.withUnsafeMutableBufferPointer { order in
                let buffers = SendableBox((ts, order))
                Parallel.forEach(parts) { customers in
                    let (ts, order) = buffers.value
                    var sorter = RowRunSorter()
                    defer { sorter.deallocate() }
                    for c in customers {
                        let lo = starts[c], hi = starts[c + 1]
                        // Ties keep their position, which is file order.
                        guard hi - lo > 1, sorter.order(ts.baseAddress!, lo, hi) else { continue }
                        sorter.apply(to: ts.baseAddress!, from: lo)
                        sorter.apply(to: order.baseAddress!, from: lo)
                    }
                }
            }
        }
    }

    /// The customer column of a sorted table: customer `c` repeated for its range.
    private static func expand(_ starts: [Int], count: Int, recycling: RecycledPages) -> [Int32] {
        let parts = Parallel.ranges(starts.count - 1, minimumPerPart: 16_384)
        return [Int32](unzeroedCount: count, recycling: recycling) { out in
            let target = SendableBox(out)
            Parallel.forEach(parts) { customers in
                for c in customers {
                    for i in starts[c]..<starts[c + 1] { target.value[i] = Int32(c) }
                }
            }
        }
    }

    /// Old and new extra columns aligned by name over old ++ new rows.
    private static func mergeExtras(_ old: [Column], _ new: [Column], oldCount: Int, newCount: Int) -> [Column] {
        var merged: [Column] = old.map { column in
            guard let added = new.first(where: { $0.name.lowercased() == column.name.lowercased() }) else {
                return column.appending(Column.empty(name: column.name, type: column.type, count: newCount))
            }
            return column.widened(toMatch: added).appending(added)
        }
        for column in new where !old.contains(where: { $0.name.lowercased() == column.name.lowercased() }) {
            merged.append(Column.empty(name: column.name, type: column.type, count: oldCount).appending(column))
        }
        return merged
    }
}
