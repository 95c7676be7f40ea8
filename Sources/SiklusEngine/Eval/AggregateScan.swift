import SiklusLanguage
import SiklusStore

/// Counts and sums per group, from which the count and money metrics are derived.
struct GroupStats: Sendable {
    /// Distinct customers in the group.
    var customers = 0
    /// Customers with at least one in-scope event in the group.
    var active = 0
    var events = 0
    /// Purchase events (with an order column: orders, counted at their first row; returns left out).
    var orders = 0
    /// Net: the amounts of all purchase rows, returns included.
    var revenue = 0.0
    /// Returns (orders with a cancellation id or only negative rows); 0 without an order column.
    var returns = 0
    /// Customers with >= 1 and >= 2 purchase events (orders) in the group.
    var purchasers = 0
    var repeaters = 0
    /// Engagement events.
    var engagement = 0
    /// Customers who purchased by as_of, and those of them churned at as_of.
    var buyers = 0
    var churned = 0

    mutating func add(_ other: GroupStats) {
        customers += other.customers; active += other.active; events += other.events; orders += other.orders
        revenue += other.revenue; returns += other.returns; purchasers += other.purchasers; repeaters += other.repeaters
        engagement += other.engagement; buyers += other.buyers; churned += other.churned
    }
}

/// What `AggregateScan` returns: plain counters per group (kept free of arrays so the hot loop updates
/// them in place), and, only when asked for, the days-to-purchase samples per group.
struct Aggregates: Sendable {
    var stats: [GroupStats]
    var daysToPurchase: [[Double]]

    subscript(g: Int) -> GroupStats { stats[g] }
}

/// One pass over the in-scope customers and their in-scope rows, filling `GroupStats` per group.
///
/// Customers are split across cores, each with its own stats array, summed at the end. Within a
/// customer, rows are a contiguous range of the customer index, so there is no hashing per row
/// unless a dimension depends on the row.
struct AggregateScan {
    struct Needs: Sendable {
        var churn = false
        var daysToPurchase = false
        /// `churn_rate within <window>`: churn judged at first purchase + window, for buyers whose window ended by as_of.
        var churnWindow: Int64?
    }

    static func run(_ scope: Scope, _ keys: GroupKeys, _ context: EvalContext, needs: Needs) throws(Diagnostic) -> Aggregates {
        let store = context.store
        // Local copies of the columns: reading arrays through a class or a closure in the loop would
        // retain and release them on every row.
        let offsets = store.events.offsets, eventCodes = store.events.event, amounts = store.events.amount
        let amountNulls = store.events.amountNulls, mask = scope.rowMask
        let flagsByCode = context.classes.flags
        let firstPurchase = context.facts.firstPurchase, firstEvent = context.facts.firstEvent
        // Empty without an order column: then each purchase row is an order.
        let orderFlags = context.facts.orderFlags, byOrder = !orderFlags.isEmpty
        let state = LifecycleState(context)
        let asOf = context.asOf
        let list = scope.customers
        var timer = PhaseTimer()
        let materialized = keys.materialize(scope, context)
        timer.mark("query: group keys")
        defer { timer.mark("query: aggregate") }
        let customerKeys = materialized.customer, rowKeys = materialized.row
        let hasCustomerKeys = !customerKeys.isEmpty, hasRowKeys = !rowKeys.isEmpty
        let parts = Parallel.ranges(list.count, minimumPerPart: 8192)
        let cancelled = context.isCancelled
        let partials: [Aggregates] = Parallel.map(parts.count) { k in
            let stats = UnsafeMutableBufferPointer<GroupStats>.allocate(capacity: keys.count)
            stats.initialize(repeating: GroupStats())
            defer { stats.deallocate() }
            var days = needs.daysToPurchase ? [[Double]](repeating: [], count: keys.count) : []
            // Groups the current customer touched, with its events and purchases in each.
            var touchedList = TouchedGroups()
            defer { touchedList.deallocate() }
            eventCodes.withUnsafeBufferPointer { eventCodes in
            amounts.withUnsafeBufferPointer { amounts in
            flagsByCode.withUnsafeBufferPointer { flagsByCode in
            rowKeys.withUnsafeBufferPointer { rowKeys in
            customerKeys.withUnsafeBufferPointer { customerKeys in
            for (n, i) in parts[k].enumerated() {
                if n & 0xFFF == 0 && cancelled() { break }
                let c = Int(list[i])
                let base = hasCustomerKeys ? Int(customerKeys[c]) : 0
                var touchedGroups = touchedList.groups, touchedEvents = touchedList.events, touchedPurchases = touchedList.purchases
                var touched = 0
                if !hasRowKeys { touchedGroups[0] = base; touchedEvents[0] = 0; touchedPurchases[0] = 0; touched = 1 }
                var slot = 0
                for r in offsets[c]..<offsets[c + 1] {
                    if let mask, !mask[r] { continue }
                    let code = Int(eventCodes[r])
                    let flags = code >= 0 && code < flagsByCode.count ? flagsByCode[code] : 0
                    if hasRowKeys {
                        let g = base + Int(rowKeys[r])
                        if touched == 0 || touchedGroups[slot] != g {
                            slot = -1
                            for t in 0..<touched where touchedGroups[t] == g { slot = t; break }
                            if slot < 0 {
                                if touched == touchedList.capacity {
                                    touchedList.grow()
                                    (touchedGroups, touchedEvents, touchedPurchases) = (touchedList.groups, touchedList.events, touchedList.purchases)
                                }
                                slot = touched
                                touchedGroups[slot] = g; touchedEvents[slot] = 0; touchedPurchases[slot] = 0
                                touched += 1
                            }
                        }
                    }
                    let g = touchedGroups[slot]
                    touchedEvents[slot] += 1
                    stats[g].events += 1
                    if flags & EventClasses.purchase != 0 {
                        if !byOrder || orderFlags[r] & OrderIndex.startsOrder != 0 {
                            touchedPurchases[slot] += 1
                            stats[g].orders += 1
                        } else if orderFlags[r] & OrderIndex.startsReturn != 0 {
                            stats[g].returns += 1
                        }
                        if !(amountNulls?[r] ?? false) { stats[g].revenue += amounts[r] }
                    }
                    if flags & EventClasses.engagement != 0 { stats[g].engagement += 1 }
                }
                var bought = false, churned = false
                if needs.churn {
                    let moment = ChurnWindow.moment(firstPurchase: firstPurchase[c], window: needs.churnWindow, asOf: asOf)
                    bought = moment != nil
                    churned = moment.map { state.isChurned(Int32(c), at: $0) } ?? false
                }
                let daysFromFirstTouch: Double? = needs.daysToPurchase && firstPurchase[c] != CustomerFacts.none
                    ? Double(firstPurchase[c] - firstEvent[c]) / Double(CivilTime.secondsPerDay) : nil
                for t in 0..<touched {
                    let g = touchedGroups[t]
                    stats[g].customers += 1
                    if touchedEvents[t] > 0 { stats[g].active += 1 }
                    if touchedPurchases[t] > 0 { stats[g].purchasers += 1 }
                    if touchedPurchases[t] > 1 { stats[g].repeaters += 1 }
                    if bought { stats[g].buyers += 1 }
                    if churned { stats[g].churned += 1 }
                    if let d = daysFromFirstTouch, touchedPurchases[t] > 0 || !hasRowKeys { days[g].append(d) }
                }
            }
            }}}}}
            return Aggregates(stats: Array(stats), daysToPurchase: days)
        }
        try context.checkCancelled()
        guard var total = partials.first else {
            return Aggregates(stats: Array(repeating: GroupStats(), count: keys.count), daysToPurchase: needs.daysToPurchase ? Array(repeating: [], count: keys.count) : [])
        }
        for partial in partials.dropFirst() {
            for g in 0..<keys.count where partial.stats[g].customers > 0 || partial.stats[g].events > 0 {
                total.stats[g].add(partial.stats[g])
                if needs.daysToPurchase { total.daysToPurchase[g] += partial.daysToPurchase[g] }
            }
        }
        return total
    }
}

/// Scratch lists of the groups one customer touched (raw buffers: this is the aggregation's inner loop).
struct TouchedGroups {
    private(set) var capacity = 64
    private(set) var groups = UnsafeMutablePointer<Int>.allocate(capacity: 64)
    private(set) var events = UnsafeMutablePointer<Int>.allocate(capacity: 64)
    private(set) var purchases = UnsafeMutablePointer<Int>.allocate(capacity: 64)

    mutating func grow() {
        let next = capacity * 2
        func moved(_ old: UnsafeMutablePointer<Int>) -> UnsafeMutablePointer<Int> {
            let new = UnsafeMutablePointer<Int>.allocate(capacity: next)
            new.moveInitialize(from: old, count: capacity)
            old.deallocate()
            return new
        }
        groups = moved(groups); events = moved(events); purchases = moved(purchases)
        capacity = next
    }

    func deallocate() {
        groups.deallocate(); events.deallocate(); purchases.deallocate()
    }
}
