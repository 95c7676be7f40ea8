import SiklusPlan

/// `retention` with kind options (`start`, `recurring`, `rolling`, `brackets`, `min_events`, `value`,
/// `| detail`), as `RetentionMatrix`: entries (customer, anchor) with their cohort and age, each
/// entry's activity runs per period offset, and long-form sums that `SQLRetentionPivot` builds the
/// table from. Today's retention keeps its own lowering (`retention(_:)`).
extension SQLLoweringState {
    /// The condition for a row of `alias` to be `activity` (nil: any event).
    func retentionMatch(_ activity: LogicalQuery.Retention.Activity, _ alias: String) -> SQLExpression? {
        switch activity {
        case .purchase: isPurchase(alias)
        case .anyEvent: nil
        case .event(let name): .equal(.col(alias, "event"), .text(name))
        case .stage(let stage): .coalesce(.equal(.col(alias, "stage"), .text(stage.name)), .boolean(false))
        }
    }

    mutating func retentionKinds(_ plan: LogicalQuery.Retention) -> SQLLoweredQuery {
        let period = self.period(plan.period)
        let kind = plan.kind
        let rolling = kind.rolling ? LogicalQuery.Retention.rollingLength(plan.period) : nil
        let epoch = { (x: SQLExpression) in SQLExpression.library(.epochSeconds, [x]) }
        // Whole rolling windows from `from` to `to` (to ≥ from).
        let windows = { (from: SQLExpression, to: SQLExpression, length: Int64) in
            SQLExpression.cast(.call("floor", [.binary(.binary(epoch(to), .minus, epoch(from)), .divide, .number(Double(length)))]), .bigint)
        }

        // Entries: (customer, anchor) with the cohort label and, for ordering start cohorts, the anchor's time.
        let entries: String
        if let start = kind.start {
            var conditions: [SQLExpression] = [.binary(.col("e", "ts"), .lessEqual, asOf)]
            if let match = retentionMatch(start, "e") { conditions.append(match) }
            let starts = SQLSelect([.column("customer_id", table: "e"), .named(.col("e", "ts"), "ts"),
                                    .named(.library(.periodStart(period), [.col("e", "ts")]), "start_period")],
                                   from: .table(events, alias: "e"), where: .and(conditions))
            let group: [SQLExpression] = kind.recurring ? [.column("customer_id"), .column("start_period")] : [.column("customer_id")]
            let anchorsCTE = builder.add("start_events", "retention: each customer's \(kind.recurring ? "first start event in every period with one" : "first start event") (\(LogicalQuery.Retention.name(of: start))), up to as_of",
                                         SQLSelect([.column("customer_id"), .named(.aggregate(.min, .column("ts")), "anchor")],
                                                   from: .subquery(SQLQuery(starts), alias: "s"), groupBy: group))
            entries = builder.add("entries", "   … the cohort is the anchor's \(plan.period.rawValue)", SQLSelect(
                [.column("customer_id"), .named(.library(.periodLabel(period), [.column("anchor")]), "cohort"), .column("anchor"),
                 .named(.cast(epoch(.column("anchor")), .bigint), "anchor_order")],
                from: .table(anchorsCTE, alias: nil)))
        } else {
            let anchor = plan.anchorsOnFirstPurchase ? "first_purchase" : "signup"
            let cohortLabel: SQLExpression = cohort == nil ? .text("all") : .column("cohort")
            entries = builder.add("entries", "retention: each customer's anchor (\(anchor)) and cohort", SQLSelect(
                [.column("customer_id"), .named(cohortLabel, "cohort"), .named(.column(anchor), "anchor"), .named(.cast(.null, .bigint), "anchor_order")],
                from: .table(customers, alias: nil), where: .isNull(.column(anchor), negated: true)))
        }
        let age: SQLExpression = if let rolling {
            .caseWhen([SQLWhen(.binary(asOf, .greaterEqual, .column("anchor")), windows(.column("anchor"), asOf, rolling))], else: .integer(-1))
        } else {
            .library(.periodDifference(period), [.column("anchor"), asOf])
        }
        let aged = builder.add("entry_ages", "   … and its age: whole \(rolling == nil ? "periods" : "rolling windows") from the anchor to as_of",
                               SQLSelect([.all(table: nil), .named(age, "age")], from: .table(entries, alias: nil)))

        // Activity runs: per entry and period offset, the return events and their amount.
        let offset: SQLExpression = rolling.map { windows(.col("a", "anchor"), .col("e", "ts"), $0) }
            ?? .library(.periodDifference(period), [.col("a", "anchor"), .col("e", "ts")])
        var conditions: [SQLExpression] = [.binary(.col("e", "ts"), .lessEqual, asOf)]
        if let match = retentionMatch(plan.activity, "e") { conditions.append(match) }
        conditions.append(rolling == nil ? .binary(offset, .greaterEqual, .integer(0)) : .binary(.col("e", "ts"), .greaterEqual, .col("a", "anchor")))
        let runs = builder.add("runs", "   … per entry and period offset, its return events (\(plan.activityName)) and their amount, up to as_of"
                               + (kind.minEvents > 1 ? "; periods with at least \(kind.minEvents)" : ""), SQLSelect(
            [.column("customer_id", table: "a"), .column("anchor", table: "a"), .column("cohort", table: "a"), .named(offset, "period"),
             .named(.countAll(), "n"), .named(.aggregate(.sum, .coalesce(.col("e", "amount"), .number(0))), "v")],
            from: .table(entries, alias: "a"),
            joins: [SQLJoin(.inner, .table(events, alias: "e"), .on(.equal(.col("e", "customer_id"), .col("a", "customer_id"))))],
            where: .and(conditions),
            groupBy: [.col("a", "customer_id"), .col("a", "anchor"), .col("a", "cohort"), offset],
            having: kind.minEvents > 1 ? .binary(.countAll(), .greaterEqual, .integer(Int64(kind.minEvents))) : nil))

        // The column of an offset: itself, or with brackets the bracket holding it (past the last: the count).
        let column: SQLExpression
        if let brackets = kind.brackets {
            let layout = RetentionColumns(maxAge: nil, horizon: nil, brackets: brackets)
            column = .caseWhen((0..<layout.count).map { SQLWhen(.binary(.column("period"), .lessEqual, .integer(Int64(layout.ends[$0]))), .integer(Int64($0))) },
                               else: .integer(Int64(layout.count)))
        } else {
            column = .column("period")
        }
        let double = { (x: SQLExpression) in SQLExpression.cast(x, .double) }
        let active: SQLSelect
        switch kind.value {
        case .customers where plan.unbounded:
            let latest = builder.add("latest", "   … unbounded: each entry counts in every column up to its latest active one", SQLSelect(
                [.column("cohort"), .named(.aggregate(.max, column), "period")], from: .table(runs, alias: nil),
                groupBy: [.column("customer_id"), .column("anchor"), .column("cohort")]))
            active = SQLSelect([.named(.integer(3), "kind"), .column("cohort"), .named(.cast(.column("period"), .bigint), "period"), .named(double(.countAll()), "value")],
                               from: .table(latest, alias: nil), groupBy: [.column("cohort"), .column("period")])
        case .customers:
            let marked = builder.add("active_columns", "   … the columns in which each entry was active", SQLSelect(
                distinct: true, [.column("customer_id"), .column("anchor"), .column("cohort"), .named(column, "period")], from: .table(runs, alias: nil)))
            active = SQLSelect([.named(.integer(3), "kind"), .column("cohort"), .named(.cast(.column("period"), .bigint), "period"), .named(double(.countAll()), "value")],
                               from: .table(marked, alias: nil), groupBy: [.column("cohort"), .column("period")])
        case .orders, .revenue:
            let sum: SQLExpression = .aggregate(.sum, .column(kind.value == .orders ? "n" : "v"))
            active = SQLSelect([.named(.integer(3), "kind"), .column("cohort"), .named(.cast(column, .bigint), "period"), .named(double(sum), "value")],
                               from: .table(runs, alias: nil), groupBy: [.column("cohort"), column])
        }
        var parts = [
            SQLSelect([.named(.integer(1), "kind"), .column("cohort"), .named(.aggregate(.min, .column("anchor_order")), "period"), .named(double(.countAll()), "value")],
                      from: .table(aged, alias: nil), groupBy: [.column("cohort")]),
            SQLSelect([.named(.integer(2), "kind"), .column("cohort"), .named(.cast(.column("age"), .bigint), "period"), .named(double(.countAll()), "value")],
                      from: .table(aged, alias: nil), groupBy: [.column("cohort"), .column("age")]),
            active,
        ]
        if kind.value != .customers {
            // The base of a value table: each entry's period-0 sum, by age.
            let own = SQLExpression.column(kind.value == .orders ? "n" : "v", table: "r")
            parts.append(SQLSelect([.named(.integer(4), "kind"), .column("cohort", table: "g"), .named(.cast(.col("g", "age"), .bigint), "period"),
                                    .named(double(.aggregate(.sum, own)), "value")],
                                   from: .table(aged, alias: "g"),
                                   joins: [SQLJoin(.inner, .table(runs, alias: "r"), .on(.and([.equal(.col("r", "customer_id"), .col("g", "customer_id")),
                                                                                                .equal(.col("r", "anchor"), .col("g", "anchor")),
                                                                                                .equal(.col("r", "period"), .integer(0))])))],
                                   groupBy: [.col("g", "cohort"), .col("g", "age")]))
        }
        let long = builder.add("retention_cells", "   … long-form sums: 1 entries per cohort, 2 entries per age, 3 per column, 4 the period-0 base per age",
                               SQLQuery(.unionAll(parts)))
        let order = [SQLOrderTerm(.column("kind"))] + (kind.start == nil ? (cohort?.order ?? []) : [SQLOrderTerm(.column("period"))])
            + [SQLOrderTerm(.column("period"))]
        let columns = ["kind", "cohort", "period", "value"]
        var pivot = SQLRetentionPivot(percent: plan.percent, unbounded: plan.unbounded, horizon: plan.horizon, title: plan.title)
        pivot.spec = plan
        return SQLLoweredQuery(query: SQLQuery(ctes: builder.ctes, .select(SQLSelect(columns.map { .column($0) }, from: .table(long, alias: nil))), orderBy: order),
                               columns: columns, reading: .retention(pivot))
    }
}
