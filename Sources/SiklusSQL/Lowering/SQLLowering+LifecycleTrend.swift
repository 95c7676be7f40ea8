import SiklusLanguage
import SiklusPlan

/// `lifecycle`, as `LifecycleTrendTable`: each customer's distinct active periods (in-scope events at or
/// before as_of that count as activity); an active period is new when it holds the customer's signup,
/// returning when the period before is active too, else resurrecting; a period after an active one that
/// is not active is dormant, up to the last period (as_of's, or a `where ts` bound's). Every group with an
/// active customer gets every period from the first active one to the last.
extension SQLLoweringState {
    mutating func lifecycleTrend(_ plan: LogicalQuery.LifecycleTrend, dimensions: [SQLDimensionLowering]) throws(SQLNotExpressible) -> SQLResultShape {
        guard dimensions.allSatisfy(\.isCustomerLevel) else {
            throw SQLNotExpressible("lifecycle split by an event dimension (Siklus rejects it too)")
        }
        let unit = plan.period, dims = dimensions.map(\.name)
        var conditions: [SQLExpression] = [.binary(.col("e", "ts"), .lessEqual, asOf)]
        switch plan.activity {
        case .purchase: conditions.append(isPurchase("e"))
        case .anyEvent: break
        case .event(let name): conditions.append(.equal(.col("e", "event"), .text(name)))
        case .stage: throw SQLNotExpressible("lifecycle on a stage (the binder only gives events; Siklus rejects it too)")
        }
        let active = builder.add("lifecycle_active", "lifecycle: each customer's active \(unit.rawValue)s (\(plan.activityName), up to as_of), numbered from 1970, and their signup's", SQLSelect(
            distinct: true, trendGroupItems(dimensions) + [.column("customer_id", table: "e"), .named(trendPeriodNumber(unit, .col("e", "ts")), "period_no"),
                                                           .named(trendPeriodNumber(unit, .col("p", "signup")), "new_no")],
            from: .table(events, alias: "e"),
            joins: [SQLJoin(.inner, .table(customers, alias: "p"), .on(.equal(.col("p", "customer_id"), .col("e", "customer_id"))))],
            where: .and(conditions)))
        let range = builder.add("lifecycle_range", "   … the periods listed: from the first active one to as_of's (or the `where ts` bound's)", SQLSelect(
            [.named(.aggregate(.min, .column("period_no")), "first_p"), .named(trendPeriodNumber(unit, trendLastSecond(plan.bounds)), "last_p")],
            from: .table(active, alias: nil)))
        func neighbour(_ step: Int64) -> SQLJoin {
            SQLJoin(.left, .table(active, alias: "b"), .on(.and([.equal(.col("b", "customer_id"), .col("a", "customer_id")),
                                                                 .equal(.col("b", "period_no"), .binary(.col("a", "period_no"), .plus, .integer(step)))])))
        }
        let kind = SQLExpression.caseWhen([SQLWhen(.equal(.col("a", "period_no"), .col("a", "new_no")), .integer(0)),
                                           SQLWhen(.isNull(.col("b", "customer_id"), negated: true), .integer(1))], else: .integer(2))
        let classified = SQLSelect(dims.map { .column($0, table: "a") } + [.column("period_no", table: "a"), .named(kind, "kind")],
                                   from: .table(active, alias: "a"), joins: [neighbour(-1)])
        let dormant = SQLSelect(dims.map { .column($0, table: "a") } + [.named(.binary(.col("a", "period_no"), .plus, .integer(1)), "period_no"), .named(.integer(3), "kind")],
                                from: .table(active, alias: "a"), joins: [neighbour(1), SQLJoin(.cross, .table(range, alias: "r"))],
                                where: .and([.isNull(.col("b", "customer_id"), negated: false),
                                             .binary(.binary(.col("a", "period_no"), .plus, .integer(1)), .lessEqual, .col("r", "last_p"))]))
        let kinds = builder.add("lifecycle_kinds", "   … each active period: 0 new (holds the signup), 1 returning (the period before is active), 2 resurrecting; "
                                + "3 dormant: the period after an active one, when not active", SQLQuery(.unionAll([classified, dormant])))
        let names = ["new", "returning", "resurrecting", "dormant"]
        let counts = builder.add("lifecycle_counts", "   … counted per group and period", SQLSelect(
            dims.map { .column($0) } + [.column("period_no")] + names.enumerated().map { .named(.countAll(where: .equal(.column("kind"), .integer(Int64($0.offset)))), $0.element) },
            from: .table(kinds, alias: nil), groupBy: (dims + ["period_no"]).map { .column($0) }))
        let periods = builder.add("lifecycle_periods", "   … every period from the first to the last", trendSeries(from: range, as: "period_no"))
        let groups = builder.add("lifecycle_groups", "   … every group with an active customer", trendGroups(dims, of: active))
        func count(_ name: String) -> SQLExpression { .coalesce(.col("c", name), .integer(0)) }
        let select = SQLSelect(
            dims.map { .column($0) } + [.named(trendPeriodLabel(unit, .column("period_no")), "period")]
                + names.dropLast().map { .named(count($0), $0) }
                + [.named(.unary(.negate, count("dormant")), "dormant"),
                   .named(.safeDivide(.binary(count("new"), .plus, count("resurrecting")), count("dormant")), "pulse"), .column("period_no")],
            from: .table(periods, alias: nil),
            joins: [SQLJoin(.cross, .table(groups, alias: nil)), SQLJoin(.left, .table(counts, alias: "c"), .using(dims + ["period_no"]))])
        return SQLResultShape(select: SQLQuery(select), columns: dims + ["period"] + names + ["pulse", "period_no"],
                              order: dimensions.flatMap(\.order) + [SQLOrderTerm(.column("period_no"))], hidden: ["period_no"], measure: "pulse",
                              textColumns: Set(dims + ["period"]),
                              reading: .table(units: dims.map { _ in .text } + [.text, .count, .count, .count, .count, .ratio], shape: .lifecycle,
                                              title: .lifecycle(period: unit, activity: plan.activity)))
    }
}
