import SiklusPlan

/// `rfm`, `clv`, `clv params`, `clv check`: only the per-customer purchase summary is computed in SQL (as
/// `PurchaseDays` in memory); the scores, segments and model fits are Swift's, over the rows this returns
/// (`SQLCustomerValueRows` in SiklusEngine's remote run). Purchases are the in-scope rows of purchase events
/// that are part of an order (a return's line items are left out), collapsed per calendar day (UTC); day
/// numbers are whole days from as_of's day, so the calibration is day ≤ 0 and the holdout day > 0.
///
/// The rows, ordered by `kind` then `customer_no` (store order):
/// - kind 1, one per customer with a purchase by as_of: `frequency` (repeat days), `recency_days` (last −
///   first purchase day), `age_days` (as_of's day − the first), `monetary` (mean value of the repeat days, 0
///   without one);
/// - kind 2 (only for `clv check`), one per day after as_of on which those customers bought: `frequency` is
///   the day's offset from as_of, `recency_days` how many of them bought that day;
/// - every row carries `as_of_day`, as_of's day as days since 1970-01-01, and `customer_no` (kind 1).
extension SQLLoweringState {
    static let customerValueColumns = ["kind", "customer_id", "frequency", "recency_days", "age_days", "monetary", "as_of_day", "customer_no"]

    /// - Complexity: one grouping of the in-scope purchase rows per (customer, day), one per customer.
    mutating func customerValue(_ value: LogicalQuery.CustomerValue) throws(SQLNotExpressible) -> SQLLoweredQuery {
        guard value.metrics == nil, value.groups.isEmpty else {
            // A connected run lowers the plain rfm, scores it and lowers the groups over the scores (`rfmGroups`).
            throw SQLNotExpressible("rfm with by or metric in one query (its groups read the scores Siklus computes from the summary; connected, Siklus writes them to the engine and runs a second query)")
        }
        let day = SQLExpression.library(.periodDifference(.day), [asOf, .column("ts")])
        let perDay = SQLQuery(SQLSelect([.column("customer_id"), .named(day, "d"), .column("ts"), .column("row_no"),
                                         .named(.cast(.coalesce(.column("amount"), .number(0)), .double), "amount")],
                                        from: .table(events, alias: nil), where: isOrderRow(nil)))
        let days = builder.add("value_days", "customer value: each customer's purchase days (whole days from as_of's day; a return's rows left out) and the day's amount", SQLSelect(
            [.column("customer_id"), .column("d"), .named(inOrder(.column("amount"), by: [.column("ts"), .column("row_no")]), "day_value")],
            from: .subquery(perDay, alias: "x"), groupBy: [.column("customer_id"), .column("d")]))
        let firstDay = SQLExpression.window(.aggregate(.min, .column("d")), SQLWindow(partitionBy: [.column("customer_id")]))
        let calibration = builder.add("value_calibration", "   … up to as_of's day (the calibration), with each customer's first purchase day", SQLSelect(
            [.column("customer_id"), .column("d"), .column("day_value"), .named(firstDay, "first_d")],
            from: .table(days, alias: nil), where: .binary(.column("d"), .lessEqual, .integer(0))))
        let repeats = SQLExpression.binary(.countAll(), .minus, .integer(1))
        let repeatDay = SQLExpression.caseWhen([SQLWhen(.binary(.column("d"), .greater, .column("first_d")), .column("day_value"))], else: .number(0))
        let repeatValue = inOrder(repeatDay, by: [.column("d")])
        let summary = builder.add("value_summary", "   … per customer: repeat days, recency and T in days, mean value of the repeat days", SQLSelect(
            [.column("customer_id"), .named(repeats, "frequency"),
             .named(.binary(.aggregate(.max, .column("d")), .minus, .aggregate(.min, .column("d"))), "recency_days"),
             .named(.unary(.negate, .aggregate(.min, .column("d"))), "age_days"),
             .named(.coalesce(.library(.safeDivide, [repeatValue, repeats]), .number(0)), "monetary")],
            from: .table(calibration, alias: nil), groupBy: [.column("customer_id")]))
        let order = customerOrder()
        let asOfDay = SQLExpression.library(.periodDifference(.day), [.timestamp(0), asOf])
        var parts = [SQLSelect([.named(.integer(1), "kind"), .column("customer_id", table: "s"), .column("frequency"), .column("recency_days"),
                                .column("age_days"), .named(.cast(.column("monetary"), .double), "monetary"), .named(asOfDay, "as_of_day"),
                                .named(.col("o", "customer_no"), "customer_no")],
                               from: .table(summary, alias: "s"),
                               joins: [SQLJoin(.inner, .table(order, alias: "o"), .on(.equal(.col("o", "customer_id"), .col("s", "customer_id"))))])]
        if value.kind == .check {
            parts.append(SQLSelect([.named(.integer(2), "kind"), .named(.cast(.null, .text), "customer_id"), .named(.column("d"), "frequency"),
                                    .named(.countAll(), "recency_days"), .named(.cast(.null, .bigint), "age_days"),
                                    .named(.cast(.null, .double), "monetary"), .named(asOfDay, "as_of_day"), .named(.cast(.null, .bigint), "customer_no")],
                                   from: .table(days, alias: nil),
                                   where: .binary(.binary(.column("d"), .greater, .integer(0)), .and,
                                                  .inQuery(.column("customer_id"), SQLQuery(SQLSelect([.column("customer_id")], from: .table(summary, alias: nil))), negated: false)),
                                   groupBy: [.column("d")]))
        }
        let rows = builder.add("value_rows", "   … one row per customer (kind 1)" + (value.kind == .check ? " and per holdout day with its buyers (kind 2)" : ""),
                               SQLQuery(.unionAll(parts)))
        var lowered = SQLLoweredQuery(
            query: SQLQuery(ctes: builder.ctes, .select(SQLSelect(Self.customerValueColumns.map { .column($0) }, from: .table(rows, alias: nil))),
                            orderBy: [SQLOrderTerm(.column("kind")), SQLOrderTerm(.column("customer_no"))]),
            columns: Self.customerValueColumns,
            reading: .table(units: [.count, .text, .count, .count, .count, .ratio, .count, .count], shape: .table, title: .customerValueSummary))
        lowered.postAfterPivot = query.post
        return lowered
    }

    /// The sum of `value` added in the order of `keys`, as Swift's loop adds it: the same bits on every engine.
    private func inOrder(_ value: SQLExpression, by keys: [SQLExpression]) -> SQLExpression {
        .aggregate(SQLAggregate(.sumInOrder, [value] + keys))
    }
}
