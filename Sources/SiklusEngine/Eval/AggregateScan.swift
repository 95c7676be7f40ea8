import SiklusLanguage
import SiklusStore

/// Counts and sums per group, from which the count and money metrics are derived.
struct GroupStats: Sendable {
    /// Distinct customers in the group.
    var customers = 0
    /// Customers with at least one in-scope event in the group.
    var active = 0
    var events = 0
    /// Purchase events.
    var orders = 0
    var revenue = 0.0
    /// Customers with >= 1 and >= 2 purchase events in the group.
    var purchasers = 0
    var repeaters = 0
    /// Engagement events.
    var engagement = 0
    /// Customers who purchased by as_of, and those of them churned at as_of.
    var buyers = 0
    var churned = 0
    /// Days from first event to first purchase, per purchasing customer (only when asked for).
    var daysToPurchase: [Double] = []

    mutating func add(_ other: GroupStats) {
        customers += other.customers; active += other.active; events += other.events; orders += other.orders
        revenue += other.revenue; purchasers += other.purchasers; repeaters += other.repeaters
        engagement += other.engagement; buyers += other.buyers; churned += other.churned
        daysToPurchase += other.daysToPurchase
    }
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
    }

    static func run(_ scope: Scope, _ keys: GroupKeys, _ context: EvalContext, needs: Needs) throws(Diagnostic) -> [GroupStats] {
        let events = context.store.events
        let classes = context.classes
        let facts = context.facts
        let state = LifecycleState(context)
        let asOf = context.asOf
        let list = scope.customers
        let parts = Parallel.ranges(list.count, minimumPerPart: 8192)
        let cancelled = context.isCancelled
        let partials: [[GroupStats]] = Parallel.map(parts.count) { k in
            var stats = [GroupStats](repeating: GroupStats(), count: keys.count)
            // Groups the current customer touched, with its events and purchases in each.
            var touched: [(group: Int, events: Int, purchases: Int)] = []
            for (n, i) in parts[k].enumerated() {
                if n & 0xFFF == 0 && cancelled() { break }
                let c = list[i]
                let base = keys.customerPart(c)
                touched.removeAll(keepingCapacity: true)
                if !keys.hasEventLevel { touched.append((base, 0, 0)) }
                for r in events.rows(of: c) where scope.includes(r) {
                    let flags = classes[events.event[r]]
                    var slot = 0
                    if keys.hasEventLevel {
                        let g = base + keys.rowPart(c, r)
                        if let found = touched.lastIndex(where: { $0.group == g }) { slot = found } else { touched.append((g, 0, 0)); slot = touched.count - 1 }
                    }
                    let g = touched[slot].group
                    touched[slot].events += 1
                    stats[g].events += 1
                    if flags & EventClasses.purchase != 0 {
                        touched[slot].purchases += 1
                        stats[g].orders += 1
                        if events.hasAmount(r) { stats[g].revenue += events.amount[r] }
                    }
                    if flags & EventClasses.engagement != 0 { stats[g].engagement += 1 }
                }
                var bought = false, churned = false
                if needs.churn {
                    let first = facts.firstPurchase[Int(c)]
                    bought = first != CustomerFacts.none && first <= asOf
                    churned = bought && state.isChurned(c, at: asOf)
                }
                let days: Double? = needs.daysToPurchase && facts.firstPurchase[Int(c)] != CustomerFacts.none
                    ? Double(facts.firstPurchase[Int(c)] - facts.firstEvent[Int(c)]) / Double(CivilTime.secondsPerDay) : nil
                for t in touched {
                    stats[t.group].customers += 1
                    if t.events > 0 { stats[t.group].active += 1 }
                    if t.purchases > 0 { stats[t.group].purchasers += 1 }
                    if t.purchases > 1 { stats[t.group].repeaters += 1 }
                    if bought { stats[t.group].buyers += 1 }
                    if churned { stats[t.group].churned += 1 }
                    if let days, t.purchases > 0 || !keys.hasEventLevel { stats[t.group].daysToPurchase.append(days) }
                }
            }
            return stats
        }
        try context.checkCancelled()
        guard var total = partials.first else { return [GroupStats](repeating: GroupStats(), count: keys.count) }
        for partial in partials.dropFirst() {
            for g in 0..<keys.count where partial[g].customers > 0 || partial[g].events > 0 { total[g].add(partial[g]) }
        }
        return total
    }
}
