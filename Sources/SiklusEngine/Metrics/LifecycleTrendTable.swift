import SiklusLanguage
import SiklusStore

/// `lifecycle`: per period, the customers active in it split into new (the period holds their signup, else
/// their first event), returning (also active the period before) and resurrecting (the others), and the
/// customers dormant in it (active the period before, not in it), as PostHog's lifecycle. Periods run from
/// the first active one to as_of's (or the end of a `where ts …` bound, if earlier); each group (`by` a
/// customer attribute) with an active customer gets every period.
enum LifecycleTrendTable {
    /// The counters of one group and period: new, returning, resurrecting, dormant.
    private static let kinds = 4

    static func build(_ plan: LifecycleTrendPlan, scope: Scope, dimensions: [Dimension], _ context: EvalContext) throws(Diagnostic) -> ResultTable {
        let trend = plan.trend
        let groups = MetricTable.allDimensions(scope, dimensions)
        precondition(groups.allSatisfy(\.isCustomerLevel), "the binder splits lifecycle by customer attributes only")
        guard let keys = GroupKeys(groups) else {
            throw Diagnostic("too many groups for a lifecycle: the dimensions multiply to more than \(GroupKeys.limit)", at: trend.span,
                             hints: ["group by fewer or coarser dimensions"])
        }
        let activity = ActivityPeriods(plan.activity, unit: trend.period, scope: scope, context)
        let last = activity.index(trend.bounds.lastSecond(asOf: context.asOf))
        let list = scope.customers
        let parts = Parallel.ranges(list.count, minimumPerPart: 8192)

        // Pass 1: the first active period, so counters are sized (and refused) before anything is allocated.
        let firsts: [Int64] = Parallel.map(parts.count) { k in
            var periods: [Int64] = [], first = Int64.max
            for i in parts[k] {
                activity.collect(list[i], into: &periods)
                if let p = periods.first { first = min(first, p) }
            }
            return first
        }
        guard let first = firsts.min(), first <= last else { return table([], keys: keys, groups: groups, first: 0, periods: 0, trend, context) }
        let (span, overflow) = last.subtractingReportingOverflow(first)
        let periods = overflow ? Int.max : Int(span) + 1
        let (cells, cellOverflow) = periods.multipliedReportingOverflow(by: keys.count)
        if periods > LogicalQuery.LifecycleTrend.maxPeriods || cellOverflow || cells > LogicalQuery.LifecycleTrend.maxCells {
            let calendar = context.calendar(trend.period)
            throw Diagnostic("the lifecycle table would have \(periods) \(trend.period.rawValue)s (\(calendar.label(first)) to "
                             + "\(calendar.label(last))) × \(keys.count) groups; at most \(LogicalQuery.LifecycleTrend.maxPeriods) periods "
                             + "and \(LogicalQuery.LifecycleTrend.maxCells) cells", at: trend.span,
                             hints: ["use a longer period, narrow the time with `where ts >= …`, or group by fewer values"])
        }
        try context.checkCancelled()

        // Pass 2: classify each customer's active periods; a gap after an active period is a dormant one.
        let customerKeys = keys.materialize(scope, context).customer
        let signup = context.facts.signup
        let partials: [[Int]] = Parallel.map(parts.count) { k in
            var counts = [Int](repeating: 0, count: keys.count * periods * kinds)
            var active: [Int64] = []
            for i in parts[k] {
                let c = list[i]
                activity.collect(c, into: &active)
                guard !active.isEmpty else { continue }
                let base = (customerKeys.isEmpty ? 0 : Int(customerKeys[Int(c)])) * periods
                let newPeriod = signup[Int(c)] == CustomerFacts.none ? nil : activity.index(signup[Int(c)])
                for (j, p) in active.enumerated() {
                    let kind = p == newPeriod ? 0 : (j > 0 && active[j - 1] == p - 1 ? 1 : 2)
                    counts[(base + Int(p - first)) * kinds + kind] += 1
                    let continues = j + 1 < active.count && active[j + 1] == p + 1
                    if !continues && p < last { counts[(base + Int(p + 1 - first)) * kinds + 3] += 1 }
                }
            }
            return counts
        }
        try context.checkCancelled()
        var counts = [Int](repeating: 0, count: keys.count * periods * kinds)
        for p in partials { for i in counts.indices { counts[i] += p[i] } }
        return table(counts, keys: keys, groups: groups, first: first, periods: periods, trend, context)
    }

    /// The result: for each group with an active customer, one row per period.
    private static func table(_ counts: [Int], keys: GroupKeys, groups: [Dimension], first: Int64, periods: Int,
                              _ trend: LogicalQuery.LifecycleTrend, _ context: EvalContext) -> ResultTable {
        let calendar = context.calendar(trend.period)
        let activeGroups = periods == 0 ? [] : (0..<keys.count).filter { g in
            (0..<periods).contains { p in (0..<3).contains { counts[((g * periods) + p) * kinds + $0] > 0 } }
        }
        var labelColumns = groups.map { ($0.name, [String]()) }
        var period: [String] = [], values = [[Int64]](repeating: [], count: kinds), pulse: [Double?] = []
        for g in activeGroups {
            let labels = keys.labels(g)
            for p in 0..<periods {
                for d in labelColumns.indices { labelColumns[d].1.append(labels[d]) }
                period.append(calendar.label(first + Int64(p)))
                let cell = ((g * periods) + p) * kinds
                for kind in 0..<kinds { values[kind].append(Int64(counts[cell + kind]) * (kind == 3 ? -1 : 1)) }
                let dormant = counts[cell + 3]
                pulse.append(dormant == 0 ? nil : Double(counts[cell] + counts[cell + 2]) / Double(dormant))
            }
        }
        let columns = labelColumns.map { ResultColumn(name: $0.0, unit: .text, values: .text($0.1)) } + [
            ResultColumn(name: "period", unit: .text, values: .text(period)),
            ResultColumn(name: "new", unit: .count, values: .integer(values[0])),
            ResultColumn(name: "returning", unit: .count, values: .integer(values[1])),
            ResultColumn(name: "resurrecting", unit: .count, values: .integer(values[2])),
            ResultColumn(name: "dormant", unit: .count, values: .integer(values[3])),
            ResultColumn(name: "pulse", unit: .ratio, values: .number(pulse)),
        ]
        return ResultTable(columns: columns, shape: .lifecycle, title: title(trend))
    }

    /// `lifecycle by month, active = any event`.
    static func title(_ trend: LogicalQuery.LifecycleTrend) -> ResultTitle { .lifecycle(period: trend.period, activity: trend.activity) }
}

/// `lifecycle`, with its activity's event resolved to a code.
struct LifecycleTrendPlan {
    var trend: LogicalQuery.LifecycleTrend
    var activity: RetentionPlan.Activity
}
