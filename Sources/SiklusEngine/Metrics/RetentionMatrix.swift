import SiklusLanguage
import SiklusStore

/// `retention`: cohort × period-offset matrix.
///
/// A customer's period 0 is the calendar period of their anchor: first purchase when cohorted by
/// `first_purchase`, else signup. Cell k counts distinct cohort customers active (by default: with a
/// purchase) in period 0 + k; with `unbounded`, active in period k or any later one. Cells of periods
/// after as_of are empty.
enum RetentionMatrix {
    static let maxColumns = 10_000

    static func build(_ plan: RetentionPlan, scope: Scope, _ context: EvalContext) throws(Diagnostic) -> ResultTable {
        let events = context.store.events, classes = context.classes, facts = context.facts
        let table = context.periodTable(plan.period)
        let lastPeriod = table.calendar.index(context.asOf)
        let grouping = scope.grouping
        let cohortCount = grouping?.labels.count ?? 1
        let anchors = plan.anchorOnFirstPurchase ? facts.firstPurchase : facts.signup
        let asOf = context.asOf

        // The widest matrix the data allows: from the earliest anchor to as_of.
        var earliest = Int64.max
        for c in scope.customers where anchors[Int(c)] != CustomerFacts.none { earliest = min(earliest, table.index(anchors[Int(c)])) }
        let width = earliest == .max ? 1 : Int(max(0, lastPeriod - earliest)) + 1
        let columns = min(width, (plan.horizon ?? Int.max - 1) + 1)
        guard columns <= Self.maxColumns else {
            throw Diagnostic("the retention table would have \(columns) columns; at most \(Self.maxColumns)", at: nil,
                             hints: ["use a longer period, a horizon (retention horizon 24), or an earlier as_of"])
        }

        // What counts as activity, as a test on the event code (no closure per row).
        let activeCode: Int32, activeFlags: UInt8, anyEvent: Bool
        switch plan.activity {
        case .purchase: (activeCode, activeFlags, anyEvent) = (-2, EventClasses.purchase, false)
        case .any: (activeCode, activeFlags, anyEvent) = (-2, 0, true)
        case .event(let code): (activeCode, activeFlags, anyEvent) = (code, 0, false)
        }
        let flags = classes.flags, eventCodes = events.event, ts = events.ts, offsets = events.offsets, mask = scope.rowMask
        let cohortKeys = grouping.map { GroupKeys([$0])!.materialize(scope, context).customer } ?? []

        struct Partial { var cells: [Int]; var sizes: [Int]; var firstAnchor: [Int64] }
        let list = scope.customers
        let parts = Parallel.ranges(list.count, minimumPerPart: 8192)
        let partials: [Partial] = Parallel.map(parts.count) { k in
            var p = Partial(cells: Array(repeating: 0, count: cohortCount * columns), sizes: Array(repeating: 0, count: cohortCount),
                            firstAnchor: Array(repeating: .max, count: cohortCount))
            var seen = [Bool](repeating: false, count: columns)
            var marked: [Int] = []
            for i in parts[k] {
                let c = list[i]
                let anchorTime = anchors[Int(c)]
                guard anchorTime != CustomerFacts.none else { continue }
                let cohort = cohortKeys.isEmpty ? 0 : Int(cohortKeys[Int(c)])
                let anchor = table.index(anchorTime)
                p.sizes[cohort] += 1
                p.firstAnchor[cohort] = min(p.firstAnchor[cohort], anchor)
                var latest = -1
                for r in offsets[Int(c)]..<offsets[Int(c) + 1] {
                    if let mask, !mask[r] { continue }
                    let code = eventCodes[r]
                    guard anyEvent || code == activeCode || (code >= 0 && flags[Int(code)] & activeFlags != 0), ts[r] <= asOf else { continue }
                    let offset = Int(table.index(ts[r]) - anchor)
                    guard offset >= 0, offset < columns else { continue }
                    latest = max(latest, offset)
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
                            firstAnchor: Array(repeating: .max, count: cohortCount))
        for p in partials {
            for i in total.cells.indices { total.cells[i] += p.cells[i] }
            for g in 0..<cohortCount { total.sizes[g] += p.sizes[g]; total.firstAnchor[g] = min(total.firstAnchor[g], p.firstAnchor[g]) }
        }

        let cohorts = (0..<cohortCount).filter { total.sizes[$0] > 0 }
        var result = [
            ResultColumn(name: "cohort", unit: .text, values: .text(cohorts.map { grouping?.labels[$0] ?? "all" })),
            ResultColumn(name: "customers", unit: .count, values: .integer(cohorts.map { Int64(total.sizes[$0]) })),
        ]
        for offset in 0..<columns {
            let available = cohorts.map { total.firstAnchor[$0] + Int64(offset) <= lastPeriod }
            if plan.percent {
                result.append(ResultColumn(name: String(offset), unit: .percent, values: .number(zip(cohorts, available).map { g, ok in
                    ok ? Double(total.cells[g * columns + offset]) / Double(total.sizes[g]) * 100 : nil
                })))
            } else {
                result.append(ResultColumn(name: String(offset), unit: .count, values: .integer(zip(cohorts, available).map { g, ok in
                    ok ? Int64(total.cells[g * columns + offset]) : nil
                })))
            }
        }
        return ResultTable(columns: result, shape: .retention,
                           title: "retention by \(plan.period.rawValue), active = \(plan.activityName)\(plan.unbounded ? " (unbounded)" : "")")
    }
}
