import SiklusLanguage
import SiklusStore

/// `retention`: cohort × period-offset matrix.
///
/// A customer's period 0 is the calendar period of their anchor: first purchase when cohorted by
/// `first_purchase`, else signup. Cell k counts distinct cohort customers active (by default: with a
/// purchase) in period 0 + k; with `unbounded`, active in period k or any later one (up to as_of, also
/// past the horizon: `horizon N` cuts columns, never activity). A cell is empty
/// when no customer of the cohort has reached period 0 + k by as_of, and as a percentage it is taken
/// of those who have: customers whose period 0 is later could not have been active then yet, and would
/// otherwise pull down the later columns of cohorts whose customers start in different periods.
enum RetentionMatrix {
    /// Period 0 and up to the longest horizon the parser accepts.
    static let maxColumns = Int(StepLimits.horizon) + 1
    /// The most cells (cohorts × periods) a retention table may have: its counters are allocated per cell.
    static let maxCells = 10_000_000

    static func build(_ plan: RetentionPlan, scope: Scope, _ context: EvalContext) throws(Diagnostic) -> ResultTable {
        let events = context.store.events, classes = context.classes, facts = context.facts
        let table = context.periodTable(plan.period)
        let lastPeriod = table.calendar.index(context.asOf)
        let grouping = scope.grouping
        let cohortCount = grouping?.labels.count ?? 1
        let anchors = plan.anchorOnFirstPurchase ? facts.firstPurchase : facts.signup
        let asOf = context.asOf

        // The widest matrix the data allows: from the earliest anchor to as_of. Checked before anything
        // is allocated: one far-off anchor (a signup in 1900) would otherwise ask for gigabytes.
        let earliestCustomer = SpanWitness.earliest(anchors, among: scope.customers)
        let earliest = earliestCustomer.map { table.index(anchors[Int($0)]) }
        let width = earliest.map { Int(max(0, lastPeriod - $0)) + 1 } ?? 1
        let columns = min(width, (plan.horizon ?? Int.max - 1) + 1)
        let (cells, overflow) = cohortCount.multipliedReportingOverflow(by: columns)
        if columns > Self.maxColumns || overflow || cells > Self.maxCells {
            var message = "the retention table would have \(cohortCount - 1) cohorts × \(columns) \(plan.period.rawValue)s; at most "
                + "\(Self.maxColumns) \(plan.period.rawValue)s and \(Self.maxCells) cells"
            if let c = earliestCustomer, columns > 1 {
                let anchor = plan.anchorOnFirstPurchase ? "first bought" : "signed up"
                message += ": the \(plan.period.rawValue)s run from \(SpanWitness.customer(c, context)), who \(anchor) "
                    + "\(CivilTime.formatDate(anchors[Int(c)])), to \(SpanWitness.asOf(context, among: scope.customers))"
            }
            if let grouping, cohortCount > 2 {
                message += "; the cohorts run from \(grouping.labels[0]) to \(grouping.labels[cohortCount - 2])"
            }
            throw Diagnostic(message, at: plan.span, hints: SpanWitness.hints)
        }

        // What counts as activity, as a test on the event code (no closure per row).
        let activeCode: Int32, activeFlags: UInt8, anyEvent: Bool
        switch plan.activity {
        case .purchase: (activeCode, activeFlags, anyEvent) = (-2, EventClasses.purchase, false)
        case .any: (activeCode, activeFlags, anyEvent) = (-2, 0, true)
        case .event(let code): (activeCode, activeFlags, anyEvent) = (code, 0, false)
        }
        let flags = classes.flags, eventCodes = events.event, ts = events.ts, offsets = events.offsets, mask = scope.rowMask
        // With an order column a return is no purchase: its rows are not purchase activity.
        let returnRows: [UInt8] = activeFlags == EventClasses.purchase ? facts.orderFlags : []
        var cohortKeys: [Int32] = []
        if let grouping {
            guard let keys = GroupKeys([grouping]) else {
                throw Diagnostic("too many cohorts: more than \(GroupKeys.limit)", at: plan.span, hints: ["use a longer cohort period"])
            }
            cohortKeys = keys.materialize(scope, context).customer
        }

        // `reached[cohort * columns + k]`: customers whose period 0 is k periods before as_of's (the last
        // column also takes those further back), summed from the right into "reached period k" below.
        struct Partial { var cells: [Int]; var sizes: [Int]; var reached: [Int] }
        let list = scope.customers
        let parts = Parallel.ranges(list.count, minimumPerPart: 8192)
        let partials: [Partial] = Parallel.map(parts.count) { k in
            var p = Partial(cells: Array(repeating: 0, count: cohortCount * columns), sizes: Array(repeating: 0, count: cohortCount),
                            reached: Array(repeating: 0, count: cohortCount * columns))
            var seen = [Bool](repeating: false, count: columns)
            var marked: [Int] = []
            for i in parts[k] {
                let c = list[i]
                let anchorTime = anchors[Int(c)]
                guard anchorTime != CustomerFacts.none else { continue }
                let cohort = cohortKeys.isEmpty ? 0 : Int(cohortKeys[Int(c)])
                let anchor = table.index(anchorTime)
                p.sizes[cohort] += 1
                if anchor <= lastPeriod { p.reached[cohort * columns + Int(min(lastPeriod - anchor, Int64(columns - 1)))] += 1 }
                var latest = -1
                for r in offsets[Int(c)]..<offsets[Int(c) + 1] {
                    if let mask, !mask[r] { continue }
                    let code = eventCodes[r]
                    guard anyEvent || code == activeCode || (code >= 0 && flags[Int(code)] & activeFlags != 0), ts[r] <= asOf else { continue }
                    if !returnRows.isEmpty, returnRows[r] & OrderIndex.inReturn != 0 { continue }
                    let offset = Int(table.index(ts[r]) - anchor)
                    guard offset >= 0 else { continue }
                    // Unbounded: activity past the horizon still means "active in the last column or later",
                    // so `horizon N` shows the first N+1 columns of the unbounded table.
                    latest = max(latest, min(offset, columns - 1))
                    guard offset < columns else { continue }
                    if !seen[offset] { seen[offset] = true; marked.append(offset) }
                }
                if plan.unbounded {
                    if latest >= 0 { for offset in 0...latest { p.cells[cohort * columns + offset] += 1 } }
                } else {
                    for offset in marked { p.cells[cohort * columns + offset] += 1 }
                }
                for offset in marked { seen[offset] = false }
                marked.removeAll(keepingCapacity: true)
            }
            return p
        }
        try context.checkCancelled()
        var total = Partial(cells: Array(repeating: 0, count: cohortCount * columns), sizes: Array(repeating: 0, count: cohortCount),
                            reached: Array(repeating: 0, count: cohortCount * columns))
        for p in partials {
            for i in total.cells.indices { total.cells[i] += p.cells[i]; total.reached[i] += p.reached[i] }
            for g in 0..<cohortCount { total.sizes[g] += p.sizes[g] }
        }
        // Customers who had reached period k by as_of.
        for g in 0..<cohortCount {
            for k in stride(from: columns - 2, through: 0, by: -1) { total.reached[g * columns + k] += total.reached[g * columns + k + 1] }
        }

        let cohorts = (0..<cohortCount).filter { total.sizes[$0] > 0 }
        var result = [
            ResultColumn(name: "cohort", unit: .text, values: .text(cohorts.map { grouping?.labels[$0] ?? "all" })),
            ResultColumn(name: "customers", unit: .count, values: .integer(cohorts.map { Int64(total.sizes[$0]) })),
        ]
        for offset in 0..<columns {
            let reached = cohorts.map { total.reached[$0 * columns + offset] }
            if plan.percent {
                result.append(ResultColumn(name: String(offset), unit: .percent, values: .number(zip(cohorts, reached).map { g, n in
                    n > 0 ? Double(total.cells[g * columns + offset]) / Double(n) * 100 : nil
                })))
            } else {
                result.append(ResultColumn(name: String(offset), unit: .count, values: .integer(zip(cohorts, reached).map { g, n in
                    n > 0 ? Int64(total.cells[g * columns + offset]) : nil
                })))
            }
        }
        return ResultTable(columns: result, shape: .retention,
                           title: "retention by \(plan.period.rawValue), active = \(plan.activityName)\(plan.unbounded ? " (unbounded)" : "")")
    }
}
