import SiklusLanguage
import SiklusPlan

/// A funnel's alternatives, step filters and exclusions in SQL, as `FunnelAnalysis` and
/// `FunnelExclusionAttempts` compute them. A funnel without them lowers exactly as before.
extension SQLLoweringState {
    /// What `funnel_events` reads: the events CTE, or (with step filters) the events with one
    /// `filter_<s>` flag per filtered step, so the conditions read the events' columns unqualified.
    func funnelEventSource(_ plan: LogicalQuery.Funnel) throws(SQLNotExpressible) -> SQLTableReference {
        let filters = plan.steps.enumerated().compactMap { i, step in step.filter.map { (i + 1, $0) } }
        guard !filters.isEmpty else { return .table(events, alias: "e") }
        var items: [SQLSelectItem] = [.all(table: nil)]
        for (s, filter) in filters { items.append(.named(try condition(filter, inEvents: true), "filter_\(s)")) }
        return .subquery(SQLQuery(SQLSelect(items, from: .table(events, alias: nil))), alias: "e")
    }

    /// Whether an event row `e` fills step `i`: any of its matches, and its filter.
    func funnelStepMatch(_ plan: LogicalQuery.Funnel, _ i: Int) -> SQLExpression {
        let matches = plan.matches(i).map(funnelMatch)
        var match = SQLExpression.coalesce(matches.count == 1 ? matches[0] : .or(matches), .boolean(false))
        if plan.steps[i].filter != nil { match = .binary(match, .and, .coalesce(.col("e", "filter_\(i + 1)"), .boolean(false))) }
        return match
    }

    /// `excl_<k>` flags of `funnel_events`, one per exclusion.
    func funnelExclusionItems(_ plan: LogicalQuery.Funnel) -> [SQLSelectItem] {
        plan.exclusions.enumerated().map { k, exclusion in .named(.coalesce(funnelMatch(exclusion.match), .boolean(false)), "excl_\(k + 1)") }
    }

    private func funnelMatch(_ match: LogicalQuery.Funnel.Match) -> SQLExpression {
        switch match {
        case .stage(let stage):
            if let names = stageEventNames(stage) {
                names.isEmpty ? .boolean(false) : .inList(.col("e", "event"), names.map(SQLExpression.text), negated: false)
            } else {
                .equal(.col("e", "stage"), .text(stage.name))
            }
        case .event(let name):
            // Line items: a return matches no step (or exclusion) naming a purchase event.
            .equal(.col("e", "event"), .text(name))
                .and(if: hasOrders && query.stageMap.purchaseEvents.contains(name), .unary(.not, startsReturn("e")))
        }
    }

    /// The events whose stage is `stage` whatever their purchase number, or nil when it depends on it
    /// (purchase, retention) or on line items' orders. Mirrors `staged`'s CASE (purchases and engagement
    /// first, then the journey stages in order), so a step on such a stage reads `event` alone and the
    /// purchase-number window over all events is pruned.
    private func stageEventNames(_ stage: Stage) -> [String]? {
        let order: [Stage] = [.awareness, .education, .consideration, .advocacy, .churn]
        guard !hasOrders, let position = order.firstIndex(of: stage) else { return nil }
        let map = query.stageMap
        var taken = Set(map.purchaseEvents).union(map.events[.retention] ?? [])
        for earlier in order[..<position] { taken.formUnion(map.events[earlier] ?? []) }
        return (map.events[stage] ?? []).filter { !taken.contains($0) }
    }

    /// `spoilt` and `clean_attempts`: the attempts with an exclusion's event strictly between the rows of
    /// its two steps (both reached) are dropped; returns the CTE of the others. `start` names the
    /// attempt's start row (`n1`, or `n0` for any order).
    mutating func withoutSpoiltAttempts(_ plan: LogicalQuery.Funnel, attempts: String, start: String, funnelEvents: String) -> String {
        let spoils = plan.exclusions.enumerated().map { k, exclusion -> SQLExpression in
            let a = SQLExpression.col("a", "n\(exclusion.from + 1)"), b = SQLExpression.col("a", "n\(exclusion.to + 1)")
            let (low, high) = plan.order == .anyOrder ? (SQLExpression.call("least", [a, b]), SQLExpression.call("greatest", [a, b])) : (a, b)
            return .and([.col("x", "excl_\(k + 1)"), .binary(.col("a", "level"), .greaterEqual, .integer(Int64(exclusion.to + 1))),
                         .binary(.col("x", "n"), .greater, low), .binary(.col("x", "n"), .less, high)])
        }
        let spoilt = builder.add("spoilt", "   … attempts with an excluded event between the rows of its two steps", SQLSelect(
            [.column("customer_id", table: "a"), .column(start, table: "a")], from: .table(attempts, alias: "a"),
            joins: [SQLJoin(.inner, .table(funnelEvents, alias: "x"), .on(.and([.equal(.col("x", "customer_id"), .col("a", "customer_id")), .or(spoils)])))],
            groupBy: [.col("a", "customer_id"), .col("a", start)]))
        return builder.add("clean_attempts", "   … the attempts that count: those with no excluded event", SQLSelect(
            [.all(table: "a")], from: .table(attempts, alias: "a"),
            joins: [SQLJoin(.left, .table(spoilt, alias: "s"), .on(.and([.equal(.col("s", "customer_id"), .col("a", "customer_id")),
                                                                        .equal(.col("s", start), .col("a", start))])))],
            where: .isNull(.col("s", "customer_id"), negated: false)))
    }
}

extension SQLLoweringState {
    /// `funnel … | dropped N`: the customers whose best attempt reaches exactly step N.
    mutating func scopeFunnelDropOff(_ plan: LogicalQuery.Funnel, step n: Int) throws(SQLNotExpressible) {
        let best = try funnelBest(plan)
        let dropped = SQLQuery(SQLSelect([.column("customer_id")], from: .table(best, alias: nil), where: .equal(.column("level"), .integer(Int64(n)))))
        customers = builder.add("customers_dropped", "dropped \(n): the customers whose furthest step is \(n)", SQLSelect(
            [.all(table: nil)], from: .table(customers, alias: nil), where: .inQuery(.column("customer_id"), dropped, negated: false)))
    }
}

/// `funnel … quantiles`: `p25_days`, `p75_days`, `p90_days` (continuous quantiles, as
/// `Statistics.quantile`) and `mean_days` beside the median.
extension SQLLoweringState {
    static let funnelTimeQuantileNames = ["p25_days", "p75_days", "p90_days", "mean_days"]
    private static let funnelQuantiles: [Double] = [0.25, 0.75, 0.9]

    /// The aggregates of step `s` in the `reached` CTE: `p25_<s>`, `p75_<s>`, `p90_<s>`, `mean_<s>`.
    func funnelTimeQuantiles(_ days: SQLExpression, where reached: SQLExpression, step s: Int) -> [SQLSelectItem] {
        Self.funnelQuantiles.map { p in .named(.aggregate(.quantile(p), days, where: reached), "p\(Int((p * 100).rounded()))_\(s)") }
            + [.named(.aggregate(.avg, days, where: reached), "mean_\(s)")]
    }

    /// The values of step `s`'s quantile columns (`funnelTimeQuantileNames`) read from `reached` as `table`
    /// (NULL for step 1, as `median_days`).
    func funnelTimeQuantileValues(step s: Int, table: String) -> [SQLExpression] {
        let sources = Self.funnelQuantiles.map { "p\(Int(($0 * 100).rounded()))_\(s)" } + ["mean_\(s)"]
        return sources.map { s == 1 ? .cast(.null, .double) : .col(table, $0) }
    }
}

/// `funnel … | histogram`: the engine counts customers per conversion time (seconds from the first step
/// to the last of the counted attempt; any order: from the earliest step to the latest); Swift bins them
/// as in memory (`FunnelHistogramTable`); `sort`, `top` and `limit` then apply to the bins (`postAfterPivot`).
extension SQLLoweringState {
    mutating func funnelConversionTimes(_ plan: LogicalQuery.Funnel, best: String) throws(SQLNotExpressible) -> SQLResultShape {
        let n = plan.steps.count
        let times = (1...n).map { SQLExpression.library(.epochSeconds, [.column("t\($0)")]) }
        let seconds: SQLExpression = plan.order == .anyOrder
            ? .binary(.call("greatest", times), .minus, .call("least", times))
            : .binary(times[n - 1], .minus, times[0])
        let converted = builder.add("conversion_times", "   … the converting customers' seconds from the first step to the last", SQLSelect(
            [.named(.cast(seconds, .bigint), "seconds")], from: .table(best, alias: nil), where: .equal(.column("level"), .integer(Int64(n)))))
        let select = SQLSelect([.column("seconds"), .named(.countAll(), "customers")], from: .table(converted, alias: nil), groupBy: [.column("seconds")])
        return SQLResultShape(select: SQLQuery(select), columns: ["seconds", "customers"], order: [SQLOrderTerm(.column("seconds"))],
                              reading: .funnelHistogram(title: FunnelHistogramTable.title(plan)))
    }
}

extension SQLLoweredQuery {
    /// The histogram of (seconds, customers) rows.
    static func funnelHistogram(_ rows: SQLRows, title: ResultTitle) throws(SQLResultError) -> ResultTable {
        guard rows.columns.count == 2 else { throw SQLResultError("the engine returned \(rows.columns.count) columns, expected 2") }
        func integers(_ values: SQLColumnValues) throws(SQLResultError) -> [Int64] {
            switch values {
            case .integer(let v): return v.map { $0 ?? 0 }
            case .number(let v): return v.map { Int64(($0 ?? 0).rounded()) }
            default: throw SQLResultError("a \(values.type.rawValue) column where conversion seconds were expected")
            }
        }
        let seconds = try integers(rows.columns[0].values), customers = try integers(rows.columns[1].values)
        return FunnelHistogramTable.table(zip(seconds, customers).map { (seconds: $0, customers: $1) }, title: title)
    }
}
