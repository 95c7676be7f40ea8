import SiklusPlan

/// The median metrics (`median_order`, `days_between_orders`), as `OrderSamples` and `Statistics.median`:
/// one row per in-scope order (the row an order is counted at) with its groups, its amount and the days since
/// the customer's previous in-scope order, then the median per group (the dialect's median: the mean of the
/// two middle values).
extension SQLLoweringState {
    /// The `order_medians` CTE: the dimensions' columns and one column per median metric, named after it.
    mutating func orderMedians(_ metrics: [Metric], dimensions: [SQLDimensionLowering]) -> String {
        let dims = dimensions.map(\.name)
        let labels = dimensions.map { $0.label($0.isCustomerLevel ? "p" : "e") }
        let byTime = SQLWindow(partitionBy: [.col("e", "customer_id")], orderBy: [SQLOrderTerm(.col("e", "ts")), SQLOrderTerm(.col("e", "row_no"))])
        let previous = SQLExpression.window(.call("lag", [.col("e", "ts")]), byTime)
        let gap = SQLExpression.binary(.binary(.library(.epochSeconds, [.col("e", "ts")]), .minus, .library(.epochSeconds, [previous])), .divide, .number(86_400))
        var items: [SQLSelectItem] = zip(labels, dimensions).map { .named($0, $1.name) }
        var medians: [SQLSelectItem] = dims.map { .column($0) }
        for metric in metrics {
            guard case .median(let sample) = metric.definition else { continue }
            let value: SQLExpression = switch sample {
            case .orderValue: .coalesce(.col("e", "amount"), .integer(0))
            case .daysBetweenOrders: gap
            }
            items.append(.named(value, "v_" + metric.rawValue))
            // NULL for a customer's first order: no gap yet.
            medians.append(.named(.aggregate(.median, .column("v_" + metric.rawValue), where: .isNull(.column("v_" + metric.rawValue), negated: true)), metric.rawValue))
        }
        let rows = builder.add("order_samples", "median metrics: each in-scope order with its groups, amount and days since the customer's previous in-scope order", SQLSelect(
            items, from: .table(events, alias: "e"),
            joins: [SQLJoin(.inner, .table(customers, alias: "p"), .on(.equal(.col("p", "customer_id"), .col("e", "customer_id"))))],
            where: startsOrder("e")))
        return builder.add("order_medians", "   … the median of each per group", SQLSelect(medians, from: .table(rows, alias: nil), groupBy: dims.map { .column($0) }))
    }
}
