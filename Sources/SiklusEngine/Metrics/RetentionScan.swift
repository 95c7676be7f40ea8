import SiklusStore

/// One customer's part of a retention table: their entries (anchors) and, per entry, what each period
/// column adds. An entry is the default anchor (signup, or first purchase under `cohort by
/// first_purchase`), the first start event (`start`), or each calendar period with a start event
/// (`recurring`). Period k of an entry is the calendar period anchor + k, or with `rolling` the window
/// [anchor time + k·L, + L).
struct RetentionScan: @unchecked Sendable {
    struct Entry { var period: Int64; var time: Int64 }
    /// A run of activity rows with the same key (a calendar period, or a rolling offset).
    struct Active { var key: Int64; var count: Int; var value: Double }

    let activity: RetentionEventTest
    let start: RetentionEventTest?
    let hasStart: Bool
    let recurring: Bool
    let rollingLength: Int64?
    let table: PeriodTable
    let anchors: [Int64]
    let lastPeriod: Int64
    let asOf: Int64
    let ts: [Int64], amount: [Double], amountNulls: [Bool]?, offsets: [Int]
    /// With an order column, a purchase row counts as an event only when it starts its order.
    let orderFlags: [UInt8]
    let purchaseFlags: [UInt8], eventCodes: [Int32]
    /// Per customer, the row of the first purchase (`CustomerFacts.firstPurchaseRow`).
    let firstPurchaseRows: [Int32]

    init(_ plan: RetentionPlan, scope: Scope, _ context: EvalContext) {
        let events = context.store.events
        activity = RetentionEventTest(plan.activity, scope: scope, context)
        start = plan.start.map { RetentionEventTest($0, scope: scope, context) }
        hasStart = plan.start != nil
        recurring = plan.spec.kind.recurring
        rollingLength = plan.spec.kind.rolling ? LogicalQuery.Retention.rollingLength(plan.period) : nil
        table = context.periodTable(plan.period)
        anchors = plan.anchorOnFirstPurchase ? context.facts.firstPurchase : context.facts.signup
        lastPeriod = table.calendar.index(context.asOf)
        asOf = context.asOf
        (ts, amount, amountNulls, offsets) = (events.ts, events.amount, events.amountNulls, events.offsets)
        orderFlags = context.facts.orderFlags
        purchaseFlags = context.classes.flags
        eventCodes = events.event
        firstPurchaseRows = context.facts.firstPurchaseRow
    }

    /// The customer's entries, in time order.
    func entries(of c: Int32, into out: inout [Entry]) {
        // Called per customer: no call when already empty, and no copy of `start` (a struct of arrays) by
        // binding it unless there is one.
        if !out.isEmpty { out.removeAll(keepingCapacity: true) }
        if !hasStart {
            let anchor = anchors[Int(c)]
            if anchor != CustomerFacts.none { out.append(Entry(period: table.index(anchor), time: anchor)) }
            return
        }
        guard let start else { return }
        for r in offsets[Int(c)]..<offsets[Int(c) + 1] where start.matches(r, of: c) {
            let period = table.index(ts[r])
            if out.last?.period != period { out.append(Entry(period: period, time: ts[r])) }
            if !recurring { return }
        }
    }

    /// Periods from the entry's period 0 to as_of's (rolling: whole windows from its time to as_of); negative
    /// when as_of is before it.
    func age(_ entry: Entry) -> Int64 {
        guard let length = rollingLength else { return lastPeriod - entry.period }
        let (span, overflow) = asOf.subtractingReportingOverflow(entry.time)
        if overflow { return asOf < entry.time ? -1 : Int64.max }
        return span >= 0 ? span / length : -1
    }

    /// The customer's activity by calendar period, or (rolling) by offset from `entry`'s time; keys ascend.
    func activity(of c: Int32, from entry: Entry?, into out: inout [Active]) {
        if !out.isEmpty { out.removeAll(keepingCapacity: true) }
        for r in offsets[Int(c)]..<offsets[Int(c) + 1] where activity.matches(r, of: c) {
            let key: Int64
            if let length = rollingLength, let entry {
                let (span, overflow) = ts[r].subtractingReportingOverflow(entry.time)
                guard !overflow, span >= 0 else { continue }
                key = span / length
            } else {
                key = table.index(ts[r])
            }
            let counts = counts(r), value = amount(r)
            if out.last?.key == key {
                out[out.count - 1].count += counts ? 1 : 0
                out[out.count - 1].value += value
            } else {
                out.append(Active(key: key, count: counts ? 1 : 0, value: value))
            }
        }
    }

    /// Whether activity row `r` counts as an event: with an order column, a purchase row only when it starts its order.
    @inline(__always)
    func counts(_ r: Int) -> Bool {
        orderFlags.isEmpty || eventCodes[r] < 0 || purchaseFlags[Int(eventCodes[r])] & EventClasses.purchase == 0
            || orderFlags[r] & OrderIndex.startsOrder != 0
    }

    /// The amount of row `r` (0 when it has none).
    @inline(__always)
    func amount(_ r: Int) -> Double {
        amount.isEmpty || amountNulls?[r] == true ? 0 : amount[r]
    }

    /// The period offset of an activity run for `entry`.
    @inline(__always)
    func offset(_ active: Active, from entry: Entry) -> Int64 {
        rollingLength == nil ? active.key - entry.period : active.key
    }
}
