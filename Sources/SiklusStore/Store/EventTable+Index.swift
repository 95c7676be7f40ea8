/// New event rows, in file order, with final customer and string codes.
struct EventRows {
    var customer: [Int32]
    var ts: [Int64]
    var event: [Int32]
    var amount: [Double]
    var amountNulls: [Bool]?
    var channel: [Int32]
    var extras: [Column]
}

extension EventTable {
    /// Appends rows and rebuilds the (customer, ts, file row) order and the per-customer offsets.
    ///
    /// Existing rows come first and are already in order, so a stable sort by (customer, ts) of
    /// old ++ new keeps file order as the tie-breaker without storing row numbers.
    mutating func append(_ rows: EventRows, customerCount: Int) {
        let oldCount = count
        if oldCount == 0 {
            customer = rows.customer; ts = rows.ts; event = rows.event
            amount = rows.amount; amountNulls = rows.amountNulls; channel = rows.channel
            extras = rows.extras
        } else {
            customer += rows.customer; ts += rows.ts; event += rows.event; amount += rows.amount; channel += rows.channel
            if amountNulls != nil || rows.amountNulls != nil {
                amountNulls = (amountNulls ?? Array(repeating: false, count: oldCount))
                    + (rows.amountNulls ?? Array(repeating: false, count: rows.customer.count))
            }
            var merged: [Column] = []
            for column in extras {
                let added = rows.extras.first { $0.name.lowercased() == column.name.lowercased() }
                    ?? Column.empty(name: column.name, type: column.type, count: rows.customer.count)
                merged.append(column.appending(added))
            }
            for column in rows.extras where !extras.contains(where: { $0.name.lowercased() == column.name.lowercased() }) {
                merged.append(Column.empty(name: column.name, type: column.type, count: oldCount).appending(column))
            }
            extras = merged
        }
        rebuildIndex(customerCount: customerCount)
    }

    /// Sorts rows by (customer, ts, current position) and recomputes `offsets`.
    ///
    /// A counting sort on customer codes (codes are dense) then a stable per-customer sort by time,
    /// usually a no-op check because events of one customer mostly arrive in time order.
    /// - Complexity: O(n + customers) plus the per-customer sorts.
    mutating func rebuildIndex(customerCount: Int) {
        let n = count
        var starts = [Int](repeating: 0, count: customerCount + 1)
        for c in customer { starts[Int(c) + 1] += 1 }
        for c in 0..<customerCount { starts[c + 1] += starts[c] }
        offsets = starts
        var order = [Int32](repeating: 0, count: n)
        var cursor = starts
        var identity = true
        for (row, c) in customer.enumerated() {
            let slot = cursor[Int(c)]
            order[slot] = Int32(row)
            cursor[Int(c)] = slot + 1
            if slot != row { identity = false }
        }
        let times = ts
        order.withUnsafeMutableBufferPointer { order in
            for c in 0..<customerCount {
                let lo = starts[c], hi = starts[c + 1]
                guard hi - lo > 1 else { continue }
                var sorted = true
                for k in (lo + 1)..<hi where times[Int(order[k])] < times[Int(order[k - 1])] { sorted = false; break }
                if sorted { continue }
                identity = false
                // Stable: ties keep position order, which is file order.
                let slice = order[lo..<hi].sorted { a, b in
                    let ta = times[Int(a)], tb = times[Int(b)]
                    return ta != tb ? ta < tb : a < b
                }
                for (k, row) in slice.enumerated() { order[lo + k] = row }
            }
        }
        guard !identity else { return }
        let gather = order
        // Move each column out of `self` so its old buffer is freed as soon as it is gathered: peak memory
        // is the table plus two columns, not two tables. Columns are independent: both cores gather.
        var c = customer, t = ts, e = event, a = amount, nulls = amountNulls, ch = channel, x = extras
        customer = []; ts = []; event = []; amount = []; amountNulls = nil; channel = []; extras = []
        func take<T>(_ column: inout [T]) -> [T] {
            let out = gather.map { column[Int($0)] }
            column = []
            return out
        }
        Parallel.run([
            { c = take(&c); e = take(&e); ch = take(&ch) },
            { t = take(&t); a = take(&a)
              if var flags = nulls { nulls = take(&flags) }
              x = x.map { $0.gathered(gather) } },
        ])
        customer = c; ts = t; event = e; amount = a; amountNulls = nulls; channel = ch; extras = x
    }
}
