import SiklusPlan

/// `retention`, as `RetentionMatrix`: each customer's period 0 is their anchor's (first purchase when
/// cohorted by it, else signup); cell k counts the cohort's customers active k periods later. The
/// number of columns depends on the data, so the query returns long-form cells and
/// `SQLRetentionPivot` builds the table.
extension SQLLoweringState {
    mutating func retention(_ plan: LogicalQuery.Retention) -> SQLLoweredQuery {
        if !plan.kind.isPlain || plan.activity.isStage { return retentionKinds(plan) }
        let period = self.period(plan.period)
        let anchor = plan.anchorsOnFirstPurchase ? "first_purchase" : "signup"
        let cohortLabel: SQLExpression = cohort == nil ? .text("all") : .column("cohort")
        let anchors = builder.add("anchors", "retention: each customer's anchor (\(anchor)), cohort, and age (whole periods from the anchor to as_of)", SQLSelect(
            [.column("customer_id"), .named(cohortLabel, "cohort"), .named(.column(anchor), "anchor"),
             .named(.library(.periodDifference(period), [.column(anchor), asOf]), "age")],
            from: .table(customers, alias: nil), where: .isNull(.column(anchor), negated: true)))

        // The default as_of ends the day of the latest event, so every event with a time is before it:
        // testing it would make the activity read `last_event_time` too (on Spark a second cached view).
        let upToAsOf: SQLExpression = if case .at = query.asOf { .binary(.col("e", "ts"), .lessEqual, asOf) } else { .isNull(.col("e", "ts"), negated: true) }
        var conditions: [SQLExpression] = [upToAsOf]
        switch plan.activity {
        case .purchase: conditions.append(isOrderRow("e"))
        case .anyEvent: break
        case .event(let name): conditions.append(.equal(.col("e", "event"), .text(name)))
        case .stage: preconditionFailure("stage activity is lowered by retentionKinds")
        }
        let offsets = SQLQuery(SQLSelect([.column("customer_id", table: "a"), .column("cohort", table: "a"),
                                          .named(.library(.periodDifference(period), [.col("a", "anchor"), .col("e", "ts")]), "period")],
                                         from: .table(anchors, alias: "a"),
                                         joins: [SQLJoin(.inner, .table(events, alias: "e"), .on(.equal(.col("e", "customer_id"), .col("a", "customer_id"))))],
                                         where: .and(conditions)))
        let activity = builder.add("activity", "   … the \(plan.period.rawValue)s after it in which they were active (\(plan.activityName)), up to as_of",
                                   SQLSelect(distinct: true, [.column("customer_id"), .column("cohort"), .column("period")],
                                             from: .subquery(offsets, alias: "o"), where: .binary(.column("period"), .greaterEqual, .integer(0))))
        var activeSource = activity
        if plan.unbounded {
            activeSource = builder.add("latest", "   … unbounded: a customer counts in every period up to their latest active one", SQLSelect(
                [.column("customer_id"), .column("cohort"), .named(.aggregate(.max, .column("period")), "period")],
                from: .table(activity, alias: nil), groupBy: [.column("customer_id"), .column("cohort")]))
        }
        func cells(_ kind: Int64, _ period: SQLExpression, from table: String) -> SQLSelect {
            SQLSelect([.named(.integer(kind), "kind"), .column("cohort"), .named(.cast(period, .bigint), "period"), .named(.countAll(), "value")],
                      from: .table(table, alias: nil), groupBy: kind == 1 ? [.column("cohort")] : [.column("cohort"), period])
        }
        let age = SQLExpression.column("age")
        let long = builder.add("retention_cells", "   … long-form cells: 1 cohort sizes, 2 customers per age (periods from anchor to as_of), 3 active customers per period",
                               SQLQuery(.unionAll([cells(1, .null, from: anchors), cells(2, age, from: anchors), cells(3, .column("period"), from: activeSource)])))
        let order = [SQLOrderTerm(.column("kind"))] + (cohort?.order ?? []) + [SQLOrderTerm(.column("period"))]
        let columns = ["kind", "cohort", "period", "value"]
        let title = plan.title
        return SQLLoweredQuery(query: SQLQuery(ctes: builder.ctes, .select(SQLSelect(columns.map { .column($0) }, from: .table(long, alias: nil))), orderBy: order),
                               columns: columns,
                               reading: .retention(SQLRetentionPivot(percent: plan.percent, unbounded: plan.unbounded, horizon: plan.horizon, title: title,
                                                                     spec: plan)))
    }
}
