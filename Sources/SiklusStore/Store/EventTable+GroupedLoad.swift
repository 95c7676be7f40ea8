/// The fast path of the first events load: files exported sorted (or just grouped) by customer.
///
/// Customer codes are assigned in first-appearance order, so when a file's rows of each customer are
/// contiguous the codes never decrease down the file: the rows are already in customer order. Then the
/// counting sort and its random gathers are not needed; the columns are copied as they are, and only the
/// customers whose events are out of time order are sorted in place.
extension EventTable {
    /// True when the new rows' customer codes never decrease, across chunks too.
    static func isGroupedByCustomer(_ new: NewEventRows) -> Bool {
        let spans: [(first: Int32, last: Int32, sorted: Bool)?] = Parallel.map(new.counts.count) { k in
            let codes = new.customer[k], n = new.counts[k]
            guard n > 0 else { return nil }
            for i in 1..<max(1, n) where codes[i] < codes[i - 1] { return (codes[0], codes[n - 1], false) }
            return (codes[0], codes[n - 1], true)
        }
        var previousLast: Int32 = -1
        for span in spans {
            guard let span else { continue }
            guard span.sorted, span.first >= previousLast else { return false }
            previousLast = span.last
        }
        return true
    }

    /// Loads grouped rows into an empty table: offsets from per-customer counts, columns copied one after
    /// another (each chunk's part on its own core), then a stable time sort inside each customer whose rows
    /// are out of order.
    mutating func adoptGroupedRows(_ new: NewEventRows, customerCount: Int) -> NewRowsSummary {
        precondition(count == 0, "the grouped fast path is for the first load")
        let n = new.total
        var timer = PhaseTimer()
        var starts = [Int](repeating: 0, count: customerCount + 1)
        starts.withUnsafeMutableBufferPointer { s in
            for (k, part) in new.customer.enumerated() { for i in 0..<new.counts[k] { s[Int(part[i]) + 1] += 1 } }
            for c in 0..<customerCount { s[c + 1] += s[c] }
        }
        timer.mark("grouped: offsets")

        // One column at a time, each chunk's part copied on its own core and freed once copied, so only one
        // column is ever held twice (two columns copied at once, one per core, held 30 MB more at 1M customers).
        var partStarts: [Int] = [], at = 0
        for count in new.counts { partStarts.append(at); at += count }
        func concatenated<T>(_ part: (Int) -> UnsafePointer<T>?, or constant: T) -> [T] {
            [T](unsafeUninitializedCapacity: n) { out, initialized in
                if let base = out.baseAddress {
                    let target = SendableBox(base)
                    _ = Parallel.map(new.counts.count) { k in
                        let at = target.value + partStarts[k]
                        // The source's pages go back as they are copied: the column is held twice only a piece at a
                        // time (the whole copy of an 8-byte column was 30 MB of a 1M-customer load's peak).
                        if let source = part(k) { at.initialize(releasingPagesOf: source, count: new.counts[k]) }
                        else { at.initialize(repeating: constant, count: new.counts[k]) }
                    }
                }
                initialized = n
            }
        }
        func take<T>(_ parts: [UnsafeMutablePointer<T>]?, or constant: T) -> [T] {
            defer { parts?.forEach { ColumnMemory.deallocate($0) } }
            return concatenated({ k in parts.map { UnsafePointer($0[k]) } }, or: constant)
        }
        let newCustomer = take(new.customer, or: 0)
        var newTs = take(new.ts, or: 0), newEvent = take(new.event, or: new.purchaseCode)
        var newAmount = take(new.amount, or: 0), newChannel = take(new.channel, or: StringDictionary.null)
        var newNulls: [Bool]?
        if new.amount == nil {
            newNulls = Array(repeating: true, count: n)
        } else if new.amountNulls.contains(where: { $0 != nil }) {
            newNulls = concatenated({ k in new.amountNulls[k].map { UnsafePointer($0) } }, or: false)
        }
        new.amountNulls.forEach { ColumnMemory.deallocate($0) }
        timer.mark("grouped: copy columns")

        // Extra columns follow the same moves, through an order array kept only when there are extras.
        var order: [Int32] = new.extras.isEmpty ? [] : (0..<Int32(n)).map { $0 }
        var nulls: [Bool] = newNulls ?? []
        let parts = Parallel.ranges(customerCount, minimumPerPart: 16_384)
        let moved: [Bool] = newTs.withUnsafeMutableBufferPointer { ts in
        newEvent.withUnsafeMutableBufferPointer { event in
        newAmount.withUnsafeMutableBufferPointer { amount in
        newChannel.withUnsafeMutableBufferPointer { channel in
        nulls.withUnsafeMutableBufferPointer { nulls in
        order.withUnsafeMutableBufferPointer { order in
            let columns = SendableBox((ts, event, amount, channel, nulls, order))
            return Parallel.map(parts.count) { p in
                let (ts, event, amount, channel, nulls, order) = columns.value
                var sorter = RowRunSorter()
                defer { sorter.deallocate() }
                var movedAny = false
                for c in parts[p] {
                    let lo = starts[c], hi = starts[c + 1]
                    guard hi - lo > 1, sorter.order(ts.baseAddress!, lo, hi) else { continue }
                    movedAny = true
                    sorter.apply(to: ts.baseAddress!, from: lo)
                    sorter.apply(to: event.baseAddress!, from: lo)
                    sorter.apply(to: amount.baseAddress!, from: lo)
                    sorter.apply(to: channel.baseAddress!, from: lo)
                    if !nulls.isEmpty { sorter.apply(to: nulls.baseAddress!, from: lo) }
                    if !order.isEmpty { sorter.apply(to: order.baseAddress!, from: lo) }
                }
                return movedAny
            }
        }}}}}}
        timer.mark("grouped: sort in customers")
        let reordered = moved.contains(true)
        extras = new.extras.map { reordered ? $0.gathered(order) : $0 }
        customer = newCustomer; ts = newTs; event = newEvent; amount = newAmount; amountNulls = newNulls == nil ? nil : nulls
        channel = newChannel; offsets = starts
        // The report's numbers come almost free here: customers with rows, and the extremes of the times
        // (sorted within each customer, so only each customer's first and last row are read).
        var distinct = 0, lo = Int64.max, hi = Int64.min
        for c in 0..<customerCount where starts[c + 1] > starts[c] {
            distinct += 1
            lo = min(lo, ts[starts[c]]); hi = max(hi, ts[starts[c + 1] - 1])
        }
        return NewRowsSummary(distinctCustomers: distinct, timeSpan: lo <= hi ? lo...hi : nil)
    }
}
