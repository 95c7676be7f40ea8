import SiklusLanguage
import SiklusPlan

/// `funnel … by week`: one row per entry period (then customer group) with `entered`, `step_2` … and
/// `conversion`, as `FunnelTrends`, over the split rows of `funnelSplit` (the entry row's period label).
extension SQLLoweringState {
    mutating func funnelTrendRows(_ plan: LogicalQuery.Funnel, period: SQLDimensionLowering, dimensions: [SQLDimensionLowering],
                                  best: String) -> SQLResultShape {
        let n = plan.steps.count
        let groups = [period] + dimensions
        let labels = groups.map { $0.label("p") }
        let counts = (0..<n).map { LogicalQuery.Funnel.trendCountColumn($0) }
        let columns: [SQLSelectItem] = zip(labels, groups).map { .named($0, $1.name) } + counts.enumerated().map { s, name in
            .named(.countAll(where: .binary(.col("b", "level"), .greaterEqual, .integer(Int64(s + 1)))), name)
        }
        let trend = builder.add("trend_counts", "   … counted per entry period: customers entering and reaching at least each step", SQLSelect(
            columns, from: .table(best, alias: "b"),
            joins: [SQLJoin(.inner, .table(customers, alias: "p"), .on(.equal(.col("p", "customer_id"), .col("b", "customer_id"))))], groupBy: labels))
        let names = groups.map(\.name)
        let conversion = SQLExpression.binary(.safeDivide(.column(counts[n - 1]), .column(counts[0])), .times, .integer(100))
        let select = SQLSelect(names.map { .column($0) } + counts.map { .column($0) } + [.named(conversion, "conversion")], from: .table(trend, alias: nil))
        return SQLResultShape(select: SQLQuery(select), columns: names + counts + ["conversion"], order: groups.flatMap(\.order),
                              measure: "conversion", textColumns: Set(names),
                              reading: .table(units: names.map { _ in .text } + counts.map { _ in .count } + [.percent], shape: .series,
                                              title: LogicalQuery.Funnel.trendsTitle(window: plan.window, order: plan.order, period: period.name)))
    }
}
