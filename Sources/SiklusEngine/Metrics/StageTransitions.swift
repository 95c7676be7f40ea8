import SiklusLanguage
import SiklusStore

/// `metric transitions`: customers in stage A at the end of period p and in stage B at the end of p + 1,
/// summed over every pair of consecutive periods (`set period`) from each customer's first event to as_of.
enum StageTransitions {
    static let maxPeriods: Int64 = 10_000

    /// `percent`: each row as shares of its moves (`TransitionShares`), under an `entered` row.
    static func build(scope: Scope, _ context: EvalContext, span: SourceSpan?, percent: Bool = false) throws(Diagnostic) -> ResultTable {
        let events = context.store.events, facts = context.facts
        let classifier = StageClassifier(context), classes = context.classes
        let calendar = context.calendar(context.settings.period)
        let table = context.periodTable(context.settings.period)
        let asOf = context.asOf, churnAfter = context.settings.churnAfter
        let lastPeriod = table.index(asOf)
        // Inactivity churn goes on after the last event, so periods run to as_of; but not without limit:
        // each customer is walked period by period, so the span is checked before any work.
        if let first = SpanWitness.earliest(among: scope.customers, { facts.firstEvent[$0] }) {
            let (periods, overflow) = lastPeriod.subtractingReportingOverflow(table.index(facts.firstEvent[Int(first)]))
            if overflow || periods > Self.maxPeriods {
                let unit = context.settings.period.rawValue
                throw Diagnostic("transitions would span \(overflow ? "too many" : String(periods)) \(unit)s; at most \(Self.maxPeriods): "
                                 + "they run from \(SpanWitness.customer(first, context))'s first event on \(CivilTime.formatDate(facts.firstEvent[Int(first)])) "
                                 + "to \(SpanWitness.asOf(context, among: scope.customers))",
                                 at: span, hints: SpanWitness.hints)
            }
        }
        let n = Stage.allCases.count
        let list = scope.customers
        let parts = Parallel.ranges(list.count, minimumPerPart: 8192)
        // counts[from * n + to], then the `entered` row: each customer's first stage, at the first period with one.
        let partials: [[Int]] = Parallel.map(parts.count) { k in
            var counts = [Int](repeating: 0, count: n * n + n)
            for i in parts[k] {
                let c = list[i]
                let rows = events.rows(of: c)
                guard !rows.isEmpty, facts.firstEvent[Int(c)] <= asOf else { continue }
                var r = rows.lowerBound
                var furthest: Stage?
                var lastActivity = Int64.min, latestIsChurn = false
                var purchased = false
                var previous: Stage?
                var entered = false
                var p = table.index(facts.firstEvent[Int(c)])
                while p <= lastPeriod {
                    // The state at the end of period p (or at as_of for the last one).
                    let end = min(calendar.start(p + 1) - 1, asOf)
                    while r < rows.upperBound, events.ts[r] <= end {
                        let flags = classes[events.event[r]]
                        // The same rule as LifecycleState.isChurned: the latest row decides, ties by file order.
                        latestIsChurn = flags & EventClasses.churn != 0
                        if !latestIsChurn {
                            lastActivity = events.ts[r]
                            // A return's rows (line-item data) are no purchase, as in LifecycleState's first purchase.
                            if flags & EventClasses.purchase != 0, classifier.isFirstPurchase(customer: c, row: r) != nil { purchased = true }
                            if let s = classifier.stage(customer: c, row: r), s != .churn, furthest == nil || s > furthest! { furthest = s }
                        }
                        r += 1
                    }
                    let churned = latestIsChurn || (purchased && lastActivity != .min && end - lastActivity > churnAfter)
                    // Lapsed as `LifecycleState.isLapsed`: a prospect with a stage, silent for longer than churn_after.
                    let lapsed = !churned && !purchased && furthest != nil && end - lastActivity > churnAfter
                    let stage = churned ? Stage.churn : lapsed ? Stage.lapsed : furthest
                    if let previous, let stage { counts[previous.rawValue * n + stage.rawValue] += 1 }
                    if !entered, let stage { counts[n * n + stage.rawValue] += 1; entered = true }
                    previous = stage
                    p += 1
                }
            }
            return counts
        }
        try context.checkCancelled()
        var counts = [Int](repeating: 0, count: n * n + n)
        for p in partials { for i in counts.indices { counts[i] += p[i] } }
        if percent { return TransitionShares.table(counts: counts, period: context.settings.period) }
        var columns = [ResultColumn(name: "from", unit: .text, values: .text(Stage.allCases.map(\.name)))]
        for to in Stage.allCases {
            columns.append(ResultColumn(name: to.name, unit: .count, values: .integer(Stage.allCases.map { Int64(counts[$0.rawValue * n + to.rawValue]) })))
        }
        return ResultTable(columns: columns, shape: .transitions,
                           title: .transitions(period: context.settings.period))
    }
}
