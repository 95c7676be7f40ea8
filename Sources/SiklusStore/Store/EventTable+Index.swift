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
    @discardableResult
    mutating func append(_ new: NewEventRows, customerCount: Int) -> NewRowsSummary {
        let oldCount = count, newCount = new.total
        let n = oldCount + newCount
        precondition(n < Int(Int32.max), "more than 2^31 events")
        if oldCount == 0, Self.isGroupedByCustomer(new) {
            return adoptGroupedRows(new, customerCount: customerCount)
        }
        let summary = NewRowsSummary(new, customerCount: customerCount)

        var timer = PhaseTimer()
        // Counting sort on customer codes: offsets, then each row's sorted position.
        var starts = [Int](repeating: 0, count: customerCount + 1)
        starts.withUnsafeMutableBufferPointer { s in
            for c in customer { s[Int(c) + 1] += 1 }
            for (k, part) in new.customer.enumerated() { for i in 0..<new.counts[k] { s[Int(part[i]) + 1] += 1 } }
            for c in 0..<customerCount { s[c + 1] += s[c] }
        }
        var order = [Int32](repeating: 0, count: n)
        order.withUnsafeMutableBufferPointer { order in
            // `starts[c]` is customer c's cursor (no copy of the offsets: 8 bytes per customer less at the peak).
            starts.withUnsafeMutableBufferPointer { cursor in
                var row: Int32 = 0
                for c in customer { order[cursor[Int(c)]] = row; cursor[Int(c)] += 1; row += 1 }
                for (k, part) in new.customer.enumerated() {
                    for i in 0..<new.counts[k] { let c = Int(part[i]); order[cursor[c]] = row; cursor[c] += 1; row += 1 }
                }
                // Each cursor ended at its customer's end, the next customer's start: shift them back.
                var c = customerCount
                while c > 0 { cursor[c] = cursor[c - 1]; c -= 1 }
                cursor[0] = 0
            }
        }
        new.customer.forEach { $0.deallocate() }
        customer = []
        timer.mark("index: counting sort")

        let segments = RowSegments(oldCount: oldCount, counts: new.counts)
        var sortedTs = segments.gather(order, old: ts, parts: new.ts)
        ts = []
        new.ts.forEach { $0.deallocate() }
        timer.mark("index: gather ts")
        Self.sortWithinCustomers(starts: starts, ts: &sortedTs, order: &order)
        timer.mark("index: sort in customers")

        // One column at a time, each gathered by both cores (split by output range), freeing each
        // source as soon as it has been read: peak memory stays near one copy of the table.
        let oldEvent = event, oldAmount = amount, oldNulls = amountNulls, oldChannel = channel, oldExtras = extras
        event = []; amount = []; amountNulls = nil; channel = []; extras = []
        let newEvent = new.event.map { segments.gather(order, old: oldEvent, parts: $0) }
            ?? segments.gather(order, old: oldEvent, constant: new.purchaseCode)
        new.event?.forEach { $0.deallocate() }
        let newChannel = new.channel.map { segments.gather(order, old: oldChannel, parts: $0) }
            ?? segments.gather(order, old: oldChannel, constant: StringDictionary.null)
        new.channel?.forEach { $0.deallocate() }
        let newAmount = new.amount.map { segments.gather(order, old: oldAmount, parts: $0) }
            ?? segments.gather(order, old: oldAmount, constant: 0)
        new.amount?.forEach { $0.deallocate() }
        var newNulls: [Bool]?
        if oldNulls != nil || new.amountNulls.contains(where: { $0 != nil }) || new.amount == nil {
            let old = oldNulls ?? Array(repeating: false, count: oldCount)
            newNulls = new.amount == nil ? segments.gather(order, old: old, constant: true)
                : segments.gather(order, old: old, optionalParts: new.amountNulls)
        }
        new.amountNulls.forEach { $0?.deallocate() }
        let newExtras = Self.mergeExtras(oldExtras, new.extras, oldCount: oldCount, newCount: newCount).map { $0.gathered(order) }
        // The customer column needs only the offsets: built once `order` is freed, a column less at the peak.
        order = []
        let newCustomer = Self.expand(starts, count: n)
        timer.mark("index: gather columns")
        customer = newCustomer; ts = sortedTs; event = newEvent; amount = newAmount; amountNulls = newNulls
        channel = newChannel; extras = newExtras; offsets = starts
        return summary
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
    private static func expand(_ starts: [Int], count: Int) -> [Int32] {
        let parts = Parallel.ranges(starts.count - 1, minimumPerPart: 16_384)
        return [Int32](unsafeUninitializedCapacity: count) { out, initialized in
            let target = SendableBox(out)
            Parallel.forEach(parts) { customers in
                for c in customers {
                    for i in starts[c]..<starts[c + 1] { target.value[i] = Int32(c) }
                }
            }
            initialized = count
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

/// Global row numbering over old rows followed by each chunk's rows, for gathering.
struct RowSegments {
    let oldCount: Int
    /// Global row where each chunk starts.
    let partStarts: [Int]
    /// Per 4,096 new rows (`1 << bucketShift`), the chunk holding the first: a row's chunk is a table read and a step or
    /// two, not a walk over the chunks (a gzip file has one per 8 MiB block, ~120 at 5M customers).
    private let bucketParts: [Int32]
    private static let bucketShift = 12

    init(oldCount: Int, counts: [Int]) {
        self.oldCount = oldCount
        var starts: [Int] = []
        var at = oldCount
        for c in counts { starts.append(at); at += c }
        partStarts = starts
        var buckets: [Int32] = []
        var k = 0
        for first in stride(from: oldCount, to: at, by: 1 << Self.bucketShift) {
            while k + 1 < starts.count, first >= starts[k + 1] { k += 1 }
            buckets.append(Int32(k))
        }
        bucketParts = buckets
    }

    /// The chunk holding global row `row` (a new row).
    @inline(__always)
    func part(of row: Int) -> Int {
        var k = bucketPart(of: row)
        while k + 1 < partStarts.count, row >= partStarts[k + 1] { k += 1 }
        return k
    }

    /// Where `part(of:)` starts looking for `row`'s chunk (steps from there are the lookup's work; a test hook).
    @inline(__always)
    func bucketPart(of row: Int) -> Int { Int(bucketParts[(row - oldCount) >> Self.bucketShift]) }

    /// `result[i]` = the value of global row `order[i]`, filled by all cores (disjoint output ranges).
    /// The loops are written out per case: a closure call per element would cost more than the copy.
    func gather<T>(_ order: [Int32], old: [T], parts: [UnsafeMutablePointer<T>]) -> [T] {
        let oldCount = oldCount, partStarts = partStarts
        return fill(order.count) { out, range in
            order.withUnsafeBufferPointer { order in
                old.withUnsafeBufferPointer { old in
                    var k = 0
                    for i in range {
                        let row = Int(order[i])
                        if row < oldCount { (out + i).initialize(to: old[row]); continue }
                        // Rows mostly arrive in order, so the chunk of the previous row is checked first.
                        if !(row >= partStarts[k] && (k + 1 == partStarts.count || row < partStarts[k + 1])) { k = part(of: row) }
                        (out + i).initialize(to: parts[k][row - partStarts[k]])
                    }
                }
            }
        }
    }

    /// As `gather(_:old:parts:)`, where chunks without a buffer read as `false`.
    func gather(_ order: [Int32], old: [Bool], optionalParts parts: [UnsafeMutablePointer<Bool>?]) -> [Bool] {
        let oldCount = oldCount, partStarts = partStarts
        return fill(order.count) { out, range in
            for i in range {
                let row = Int(order[i])
                if row < oldCount { (out + i).initialize(to: old[row]); continue }
                let k = part(of: row)
                (out + i).initialize(to: parts[k]?[row - partStarts[k]] ?? false)
            }
        }
    }

    /// As `gather(_:old:parts:)`, where every new row has the value `constant`.
    func gather<T>(_ order: [Int32], old: [T], constant: T) -> [T] {
        let oldCount = oldCount
        return fill(order.count) { out, range in
            for i in range { (out + i).initialize(to: Int(order[i]) < oldCount ? old[Int(order[i])] : constant) }
        }
    }

    /// An array of `count` values; `body(out, range)` initialises `out[range]`, on all cores.
    private func fill<T>(_ count: Int, _ body: (UnsafeMutablePointer<T>, Range<Int>) -> Void) -> [T] {
        let parts = Parallel.ranges(count, minimumPerPart: 65_536)
        return [T](unsafeUninitializedCapacity: count) { out, initialized in
            let target = SendableBox(out.baseAddress!)
            Parallel.forEach(parts) { range in body(target.value, range) }
            initialized = count
        }
    }
}
