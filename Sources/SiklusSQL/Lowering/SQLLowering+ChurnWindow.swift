import SiklusPlan

/// `churn_rate within <window>`, as `ChurnWindow` and `LifecycleState.isChurned`: each buyer judged at their
/// first purchase + window instead of as_of, and in the base only when that moment is at or before as_of.
extension SQLLoweringState {
    /// The `lifecycle_within` CTE: `customer_id`, `bought` (first purchase + window <= as_of) and `churned` at
    /// that moment (the latest event by then, by time then file order, is a churn event, or the latest is more
    /// than churn_after before it). The same columns as `lifecycle()`, so the metric step reads either.
    mutating func lifecycleWithin(_ window: Int64) -> String {
        let staged = staged()
        let firsts = SQLQuery(SQLSelect([.column("customer_id"), .named(.aggregate(.min, .column("ts")), "first_purchase")],
                                        from: .table(staged, alias: nil), where: .equal(.column("purchase_no"), .integer(1)), groupBy: [.column("customer_id")]))
        let moment = SQLExpression.binary(.col("f", "first_purchase"), .plus, .library(.interval(seconds: window), []))
        let isChurn = SQLExpression.coalesce(.equal(.col("s", "stage"), .text("churn")), .boolean(false))
        let latestIsChurn = SQLExpression.aggregate(SQLAggregate(.firstByTime, [isChurn, .unary(.negate, .library(.epochSeconds, [.col("s", "ts")])),
                                                                                .unary(.negate, .col("s", "row_no"))]))
        let inner = SQLQuery(SQLSelect([
            .column("customer_id", table: "s"), .named(.aggregate(.min, moment), "moment"),
            .named(latestIsChurn, "latest_is_churn"), .named(.aggregate(.max, .col("s", "ts")), "last_event"),
        ], from: .table(staged, alias: "s"), joins: [SQLJoin(.inner, .subquery(firsts, alias: "f"), .on(.equal(.col("f", "customer_id"), .col("s", "customer_id"))))],
           where: .binary(.col("s", "ts"), .lessEqual, moment), groupBy: [.col("s", "customer_id")]))
        let silent = SQLExpression.binary(.column("last_event"), .less, .binary(.column("moment"), .minus, .library(.interval(seconds: query.settings.churnAfter), [])))
        return builder.add("lifecycle_within", "churn_rate within a window: each buyer's state at first purchase + window, in the base when that is by as_of",
                           SQLSelect([.column("customer_id"), .named(.binary(.column("latest_is_churn"), .or, silent), "churned"),
                                      .named(.binary(.column("moment"), .lessEqual, asOf), "bought")],
                                     from: .subquery(inner, alias: "w")))
    }
}
