import SiklusStore

/// Per-customer facts every lifecycle question needs, computed once per store and stage map in one
/// linear scan of the customer index (on all cores) and then read by array index.
struct CustomerFacts: Sendable {
    static let none: Int64 = .min

    /// First and last event time, or `none`.
    var firstEvent: [Int64]
    var lastEvent: [Int64]
    /// Row of the first purchase event (with an order column: the first row of the first order), or -1.
    var firstPurchaseRow: [Int32]
    /// Time of the first purchase, or `none`.
    var firstPurchase: [Int64]
    /// Number of purchase events (with an order column: orders, returns left out).
    var purchases: [Int32]
    /// `OrderIndex` flags per event row when the events have an order column; empty otherwise, so scans
    /// without one pay nothing and count each purchase row as an order.
    var orderFlags: [UInt8]
    /// Returns in the whole store (0 without an order column).
    var returns: Int
    /// `customers.signup` when that column is loaded and has a value, else the first event; or `none`.
    var signup: [Int64]
    /// `customers.channel` when loaded and present, else the channel of the customer's first event; -1 if none.
    var acquisitionChannel: [Int32]

    init(store: Store, classes: EventClasses) {
        let n = store.customerIDs.count
        let events = store.events
        let signupColumn = store.customers.column(for: .signup)
        let channelColumn = store.customers.column(for: .channel)
        var firstEvent = [Int64](repeating: Self.none, count: n), lastEvent = firstEvent, firstPurchase = firstEvent, signup = firstEvent
        var firstPurchaseRow = [Int32](repeating: -1, count: n), acquisition = firstPurchaseRow
        var purchases = [Int32](repeating: 0, count: n)
        let orders = events.orderCodes.map { codes in
            OrderIndex(events: events, codes: codes, strings: store.strings,
                       isPurchase: classes.flags.map { $0 & EventClasses.purchase != 0 })
        }
        let orderFlags = orders?.rowFlags ?? []

        let parts = Parallel.ranges(n)
        firstEvent.withUnsafeMutableBufferPointer { firstEvent in
        lastEvent.withUnsafeMutableBufferPointer { lastEvent in
        firstPurchase.withUnsafeMutableBufferPointer { firstPurchase in
        signup.withUnsafeMutableBufferPointer { signup in
        firstPurchaseRow.withUnsafeMutableBufferPointer { firstPurchaseRow in
        acquisition.withUnsafeMutableBufferPointer { acquisition in
        purchases.withUnsafeMutableBufferPointer { purchases in
            let out = SendableBox((firstEvent, lastEvent, firstPurchase, signup, firstPurchaseRow, acquisition, purchases))
            Parallel.forEach(parts) { range in
                let (firstEvent, lastEvent, firstPurchase, signup, firstPurchaseRow, acquisition, purchases) = out.value
                for c in range {
                    let rows = events.rows(of: Int32(c))
                    if !rows.isEmpty {
                        firstEvent[c] = events.ts[rows.lowerBound]
                        lastEvent[c] = events.ts[rows.upperBound - 1]
                        var count: Int32 = 0
                        if orderFlags.isEmpty {
                            for r in rows where classes[events.event[r]] & EventClasses.purchase != 0 {
                                if count == 0 { firstPurchaseRow[c] = Int32(r); firstPurchase[c] = events.ts[r] }
                                count += 1
                            }
                        } else {
                            // Orders are counted at their first row, in time order: the first is the first order's.
                            for r in rows where orderFlags[r] & OrderIndex.startsOrder != 0 {
                                if count == 0 { firstPurchaseRow[c] = Int32(r); firstPurchase[c] = events.ts[r] }
                                count += 1
                            }
                        }
                        purchases[c] = count
                    }
                    if let column = signupColumn, case .int64(let values) = column.data, c < values.count, !column.isNull(c) {
                        signup[c] = values[c]
                    } else {
                        signup[c] = firstEvent[c]
                    }
                    if let column = channelColumn, case .code(let codes) = column.data, c < codes.count, codes[c] >= 0 {
                        acquisition[c] = codes[c]
                    } else if let r = rows.first(where: { events.channel[$0] >= 0 }) {
                        acquisition[c] = events.channel[r]
                    }
                }
            }
        }}}}}}}
        self.firstEvent = firstEvent
        self.lastEvent = lastEvent
        self.firstPurchase = firstPurchase
        self.firstPurchaseRow = firstPurchaseRow
        self.purchases = purchases
        self.orderFlags = orderFlags
        self.returns = orders?.returns ?? 0
        self.signup = signup
        self.acquisitionChannel = acquisition
    }
}
