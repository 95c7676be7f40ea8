import SiklusLanguage
import SiklusStore

/// `stickiness`: how many customers were active in exactly n of the periods of the scope's time range
/// (`customers`) and in at least n (`cumulative`), for n = 1 … the number of periods, as PostHog's
/// stickiness. The range runs from a `where ts >= …` bound (else the first day with an event) to the earlier of
/// as_of and a `where ts < …` bound; a partly covered period counts as a period. Activity is any in-scope event.
enum StickinessTable {
    static func build(_ plan: LogicalQuery.Stickiness, scope: Scope, dimensions: [Dimension], _ context: EvalContext) throws(Diagnostic) -> ResultTable {
        let groups = MetricTable.allDimensions(scope, dimensions)
        precondition(groups.allSatisfy(\.isCustomerLevel), "the binder splits stickiness by customer attributes only")
        guard let keys = GroupKeys(groups) else {
            throw Diagnostic("too many groups for stickiness: the dimensions multiply to more than \(GroupKeys.limit)", at: plan.span,
                             hints: ["group by fewer or coarser dimensions"])
        }
        let activity = ActivityPeriods(.any, unit: plan.period, scope: scope, context)
        guard let start = plan.bounds.start ?? context.dataStart.map({ CivilTime.day(of: $0) * CivilTime.secondsPerDay }) else {
            return table([], keys: keys, groups: groups, periods: 0, plan)
        }
        let lastSecond = plan.bounds.lastSecond(asOf: context.asOf)
        let first = activity.index(start), last = activity.index(lastSecond)
        guard start <= lastSecond, first <= last else { return table([], keys: keys, groups: groups, periods: 0, plan) }
        let (span, overflow) = last.subtractingReportingOverflow(first)
        let periods = overflow ? Int.max : Int(span) + 1
        let (cells, cellOverflow) = periods.multipliedReportingOverflow(by: keys.count)
        if periods > LogicalQuery.Stickiness.maxPeriods || cellOverflow || cells > LogicalQuery.Stickiness.maxCells {
            throw Diagnostic("the time range holds \(periods) \(plan.period.rawValue)s (\(CivilTime.formatDate(start)) to "
                             + "\(CivilTime.formatDate(lastSecond))) × \(keys.count) groups; stickiness counts at most "
                             + "\(LogicalQuery.Stickiness.maxPeriods) periods and \(LogicalQuery.Stickiness.maxCells) cells", at: plan.span,
                             hints: ["use a longer period, or narrow the time with `where ts >= …`"])
        }
        let customerKeys = keys.materialize(scope, context).customer
        let list = scope.customers
        let parts = Parallel.ranges(list.count, minimumPerPart: 8192)
        // histogram[g * (periods + 1) + k]: customers of group g active in exactly k periods of the range.
        let partials: [[Int]] = Parallel.map(parts.count) { k in
            var histogram = [Int](repeating: 0, count: keys.count * (periods + 1))
            var active: [Int64] = []
            for i in parts[k] {
                let c = list[i]
                activity.collect(c, into: &active)
                let n = active.lazy.filter { $0 >= first && $0 <= last }.count
                guard n > 0 else { continue }
                histogram[(customerKeys.isEmpty ? 0 : Int(customerKeys[Int(c)])) * (periods + 1) + n] += 1
            }
            return histogram
        }
        try context.checkCancelled()
        var histogram = [Int](repeating: 0, count: keys.count * (periods + 1))
        for p in partials { for i in histogram.indices { histogram[i] += p[i] } }
        return table(histogram, keys: keys, groups: groups, periods: periods, plan)
    }

    /// For each group with an active customer, one row per n = 1 … periods.
    private static func table(_ histogram: [Int], keys: GroupKeys, groups: [Dimension], periods: Int, _ plan: LogicalQuery.Stickiness) -> ResultTable {
        let width = periods + 1
        var labelColumns = groups.map { ($0.name, [String]()) }
        var n: [Int64] = [], customers: [Int64] = [], cumulative: [Int64] = []
        for g in 0..<keys.count where periods > 0 && (1...periods).contains(where: { histogram[g * width + $0] > 0 }) {
            let labels = keys.labels(g)
            var atLeast = (1...periods).reduce(0) { $0 + histogram[g * width + $1] }
            for k in 1...periods {
                for d in labelColumns.indices { labelColumns[d].1.append(labels[d]) }
                n.append(Int64(k))
                customers.append(Int64(histogram[g * width + k]))
                cumulative.append(Int64(atLeast))
                atLeast -= histogram[g * width + k]
            }
        }
        let columns = labelColumns.map { ResultColumn(name: $0.0, unit: .text, values: .text($0.1)) } + [
            ResultColumn(name: "n", unit: .count, values: .integer(n)),
            ResultColumn(name: "customers", unit: .count, values: .integer(customers)),
            ResultColumn(name: "cumulative", unit: .count, values: .integer(cumulative)),
        ]
        return ResultTable(columns: columns, shape: .table, title: .stickiness(period: plan.period))
    }
}
