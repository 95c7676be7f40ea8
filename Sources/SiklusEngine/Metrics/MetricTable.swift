import SiklusLanguage
import SiklusStore

/// Builds the result of `metric …`: one row per non-empty group, label columns then one column per metric.
enum MetricTable {
    static func build(_ metrics: [Metric], scope: Scope, dimensions: [Dimension], _ context: EvalContext, span: SourceSpan?,
                      spendScope: [SpendFilter.Step] = [], activeRange: ActiveUsersRange? = nil,
                      options: LogicalMetricOptions = LogicalMetricOptions()) throws(Diagnostic) -> ResultTable {
        if metrics == [.stage_share] { return try StageShare.build(scope: scope, dimensions: allDimensions(scope, dimensions), context, span: span) }
        if metrics == [.transitions] { return try StageTransitions.build(scope: scope, context, span: span, percent: options.transitionsPercent) }
        let dims = allDimensions(scope, dimensions)
        guard let keys = GroupKeys(dims) else {
            throw Diagnostic("too many groups: the dimensions multiply to more than \(GroupKeys.limit)", at: span, hints: ["group by fewer or coarser dimensions"])
        }
        let customerMetrics = metrics.filter { !$0.needsSpend }
        let spendMetrics = metrics.filter(\.needsSpend)
        var needs = AggregateScan.Needs(churn: metrics.contains(.churn_rate), daysToPurchase: metrics.contains(.time_to_purchase))
        needs.churnWindow = options.churnWindow
        let stats = customerMetrics.isEmpty && !metrics.contains(.cpa) ? nil : try AggregateScan.run(scope, keys, context, needs: needs)
        let spendFilter = spendMetrics.isEmpty ? SpendFilter() : SpendFilter.compile(spendScope, context)
        // An empty cohort has no spend of its own: showing every channel's spend would answer another question.
        let noCustomers = scope.customers.isEmpty && !spendFilter.unnarrowed.isEmpty
        let spend = spendMetrics.isEmpty ? nil : try SpendScan.run(scope, keys, context, metricSpan: span, filter: spendFilter, noRows: noCustomers)

        // Rows: groups with customers, events or spend, in key order (time chronologically).
        let groups = (0..<keys.count).filter { g in
            (stats.map { $0.stats[g].customers > 0 || $0.stats[g].events > 0 } ?? false)
                || (spend.map { $0[g].spend != 0 || $0[g].impressions != 0 || $0[g].clicks != 0 } ?? false)
        }
        let rows = dims.isEmpty ? [0] : groups
        var columns = dims.enumerated().map { i, d in
            ResultColumn(name: d.name, unit: .text, values: .text(rows.map { keys.labels($0)[i] }))
        }
        let cumulative = metrics.contains(.ltv) ? try ltvCustomers(dims, scope: scope, context, span: span) : nil
        let activeUsers = try activeRange.map { range throws(Diagnostic) in try ActiveUsers.values(metrics, scope: scope, keys: keys, context, range: range) } ?? [:]
        for metric in metrics {
            var medians: [Double?]?
            if case .median(let sample) = metric.definition {
                let samples = try OrderSamples.collect(sample, scope: scope, keys: keys, context)
                medians = samples.map { Statistics.median($0) }
            }
            if case .customerMedian(let sample) = metric.definition {
                medians = try CustomerSamples.collect(sample, scope: scope, keys: keys, context).map { Statistics.median($0) }
            }
            let column = (activeUsers[metric] ?? medians).map { values in ColumnValues.number(rows.map { values[$0] }) }
                ?? values(metric, rows: rows, keys: keys, stats: stats, spend: spend, cumulative: cumulative)
            try checkFinite(column, metric, rows: rows, keys: keys, span: span)
            columns.append(ResultColumn(name: metric.rawValue, unit: metric.unit, values: column))
        }
        let isSeries = dims.contains { $0.period != nil && !$0.isCustomerLevel }
        var notes: [String] = []
        if noCustomers {
            notes.append(MessageCatalog.text("note.no_customer_no_spend"))
        } else if !spendFilter.unnarrowed.isEmpty, spendMetrics != [.cpa] {
            notes.append(spendNote(spendFilter.unnarrowed))
        }
        if metrics.contains(.cpa) && !noCustomers && leavesOutBuyers(scope, context) { notes.append(cpaCaveat) }
        return ResultTable(columns: columns, shape: isSeries ? .series : .table, notes: notes)
    }

    /// Sums beyond the range of a Double become infinite (and ratios of them NaN); printing them as
    /// `inf` or JSON `null` would pass off an overflow as a value, so the metric is refused instead.
    private static func checkFinite(_ column: ColumnValues, _ metric: Metric, rows: [Int], keys: GroupKeys, span: SourceSpan?) throws(Diagnostic) {
        guard case .number(let values) = column, let i = values.firstIndex(where: { $0.map { !$0.isFinite } ?? false }) else { return }
        let group = keys.dimensions.isEmpty ? "" : " for " + keys.labels(rows[i]).joined(separator: ", ")
        let source = metric.needsSpend ? "spend values" : "amounts"
        throw Diagnostic("\(metric.rawValue) is too large to compute\(group): its sum of \(source) exceeds the largest number (about 1.8e308)",
                         at: span, hints: ["look for stray huge values, e.g. events | where amount > 1e300 | by customer | metric orders"])
    }

    /// Said under a `cpa` computed for some of the customers: spend is recorded per day and channel only.
    static var cpaCaveat: String { MessageCatalog.text("note.cpa_caveat") }

    /// Said under spend metrics whose scope steps could not narrow the spend table.
    static func spendNote(_ steps: [String]) -> String {
        // The steps are printed from the tree, where dates carry their precision (`2022-09 (month)`).
        let written = steps.map { $0.replacing(/\s\((month|day|quarter|timestamp)\)/, with: "") }
        let shown = written.prefix(3).map { "`\($0)`" }.joined(separator: ", ") + (steps.count > 3 ? " …" : "")
        return MessageCatalog.text("note.spend_not_narrowed", ["steps": shown])
    }

    /// True when some customer who ever bought is out of scope (a cohort filter), so `cpa`'s denominator
    /// is a subset while its spend is not.
    static func leavesOutBuyers(_ scope: Scope, _ context: EvalContext) -> Bool {
        let firstPurchase = context.facts.firstPurchase
        let inScope = scope.customers.reduce(0) { $0 + (firstPurchase[Int($1)] != CustomerFacts.none ? 1 : 0) }
        return inScope < firstPurchase.reduce(0) { $0 + ($1 != CustomerFacts.none ? 1 : 0) }
    }

    /// The cohort grouping (as `cohort`) followed by the `by` dimensions.
    static func allDimensions(_ scope: Scope, _ dimensions: [Dimension]) -> [Dimension] {
        (scope.grouping.map { [$0] } ?? []) + dimensions
    }

    private static func values(_ metric: Metric, rows: [Int], keys: GroupKeys, stats aggregates: Aggregates?, spend: [SpendStats]?,
                               cumulative: LTVBase?) -> ColumnValues {
        func ratio(_ a: Double, _ b: Double, percent: Bool = false) -> Double? { b == 0 ? nil : a / b * (percent ? 100 : 1) }
        let s = aggregates?.stats ?? [], p = spend ?? []
        func number(_ f: (Int) -> Double?) -> ColumnValues { .number(rows.map(f)) }
        /// A measure of group `g`, read from the scan's counters or the spend scan's sums.
        func measure(_ m: MetricMeasure, _ g: Int) -> Double {
            switch m {
            case .customers: Double(s[g].customers)
            case .active: Double(s[g].active)
            case .events: Double(s[g].events)
            case .orders: Double(s[g].orders)
            case .returns: Double(s[g].returns)
            case .revenue: s[g].revenue
            case .purchasers: Double(s[g].purchasers)
            case .repeaters: Double(s[g].repeaters)
            case .engagementEvents: Double(s[g].engagement)
            case .buyersByAsOf: Double(s[g].buyers)
            case .churnedByAsOf: Double(s[g].churned)
            case .impressions: p[g].impressions
            case .clicks: p[g].clicks
            case .spend: p[g].spend
            case .newPayingCustomers: Double(p[g].newCustomers)
            case .opens: p[g].opens
            case .delivered: p[g].delivered
            }
        }
        switch metric.definition {
        case .measure(let m):
            // Counts are whole numbers; money stays a number.
            guard metric.unit == .count else { return number { measure(m, $0) } }
            if !m.readsSpend && s.isEmpty { return .integer(rows.map { _ in 0 }) }
            return .integer(rows.map { Int64(measure(m, $0)) })
        case .ratio(let a, let b, let percent):
            return number { ratio(measure(a, $0), measure(b, $0), percent: percent) }
        case .runningRatio(let a, let b):
            guard let cumulative else { return number { ratio(measure(a, $0), measure(b, $0)) } }
            let running = cumulative.runningRevenue(stats: s, keys: keys)
            return number { g in cumulative.value(g, running: running, keys: keys) }
        case .medianDaysToFirstPurchase:
            return number { Statistics.median(aggregates?.daysToPurchase[$0] ?? []) }
        case .ownTable, .meanActives, .dailyOverMonthlyActives, .median, .customerMedian:
            return .number(rows.map { _ in nil })
        }
    }

    /// With a time dimension, ltv is cumulative revenue over the customers of the group without time.
    private static func ltvCustomers(_ dims: [Dimension], scope: Scope, _ context: EvalContext, span: SourceSpan?) throws(Diagnostic) -> LTVBase? {
        guard let timeIndex = dims.firstIndex(where: { $0.period != nil && !$0.isCustomerLevel }) else { return nil }
        let others = dims.indices.filter { $0 != timeIndex }
        guard others.allSatisfy({ dims[$0].isCustomerLevel }) else {
            throw Diagnostic("cumulative ltv over time can be split further only by customer dimensions (cohort, channel, country…)", at: span)
        }
        guard let keys = GroupKeys(others.map { dims[$0] }) else { return nil }
        let base = try AggregateScan.run(scope, keys, context, needs: .init())
        return LTVBase(timeIndex: timeIndex, others: others, customers: base.stats.map(\.customers), keys: keys)
    }
}

/// Customer counts for cumulative ltv, per group of the non-time dimensions.
struct LTVBase {
    let timeIndex: Int
    let others: [Int]
    let customers: [Int]
    let keys: GroupKeys

    /// Revenue of each group summed over its period and every earlier one, by group number: one pass in
    /// group order, since the group one period earlier is `multiplier(timeIndex)` smaller.
    /// - Complexity: O(groups) (a sum per row over earlier periods was O(groups × periods)).
    func runningRevenue(stats: [GroupStats], keys full: GroupKeys) -> [Double] {
        let step = full.multiplier(timeIndex), periods = full.dimensions[timeIndex].labels.count
        var running = [Double](repeating: 0, count: full.count)
        for g in 0..<full.count {
            running[g] = stats[g].revenue + ((g / step) % periods > 0 ? running[g - step] : 0)
        }
        return running
    }

    /// Cumulative revenue up to group `g`'s period / customers of its non-time group.
    func value(_ g: Int, running: [Double], keys full: GroupKeys) -> Double? {
        let parts = full.parts(g)
        let base = customers[keys.key(parts: others.map { parts[$0] })]
        guard base > 0 else { return nil }
        return running[g] / Double(base)
    }
}
