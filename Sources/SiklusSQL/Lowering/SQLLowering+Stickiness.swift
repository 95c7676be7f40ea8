import SiklusLanguage
import SiklusPlan
import SiklusTime

/// `stickiness`, as `StickinessTable`: the range runs from a `where ts >= …` bound (else the first day with
/// an event) to as_of (or a `where ts < …` bound, if earlier); each customer's distinct active periods in it
/// are counted, and per group, for n = 1 … the periods in the range, the customers active in exactly n
/// (`customers`) and in at least n (`cumulative`, a running sum from the largest n down).
extension SQLLoweringState {
    mutating func stickiness(_ plan: LogicalQuery.Stickiness, dimensions: [SQLDimensionLowering]) throws(SQLNotExpressible) -> SQLResultShape {
        guard dimensions.allSatisfy(\.isCustomerLevel) else {
            throw SQLNotExpressible("stickiness split by an event dimension (Siklus rejects it too)")
        }
        let unit = plan.period, dims = dimensions.map(\.name)
        let start: SQLExpression = plan.bounds.start.map(SQLExpression.timestamp) ?? .library(.periodStart(.day), [.subquery(SQLQuery(SQLSelect(
            [.named(.aggregate(.min, .column(tables.eventTime)), "ts")], from: .table(tables.events, alias: nil))))])
        let range = builder.add("stickiness_range", "stickiness: the range's \(unit.rawValue)s, from \(plan.bounds.start == nil ? "the first day with an event" : "the `where ts` bound") "
                                + "to as_of (or the `where ts` bound), numbered from 1970", SQLSelect(
            [.named(trendPeriodNumber(unit, start), "first_p"), .named(trendPeriodNumber(unit, trendLastSecond(plan.bounds)), "last_p")]))
        let number = trendPeriodNumber(unit, .col("e", "ts"))
        let active = builder.add("stickiness_active", "   … each customer's number of active \(unit.rawValue)s in the range", SQLSelect(
            trendGroupItems(dimensions) + [.column("customer_id", table: "e"), .named(.aggregate(SQLAggregate(.count, [number], distinct: true)), "k")],
            from: .table(events, alias: "e"),
            joins: [SQLJoin(.inner, .table(customers, alias: "p"), .on(.equal(.col("p", "customer_id"), .col("e", "customer_id")))),
                    SQLJoin(.cross, .table(range, alias: "r"))],
            where: .and([.binary(.col("e", "ts"), .lessEqual, asOf), .binary(number, .greaterEqual, .col("r", "first_p")),
                         .binary(number, .lessEqual, .col("r", "last_p"))]),
            groupBy: dimensions.map { $0.label("p") } + [.col("e", "customer_id")]))
        let histogram = builder.add("stickiness_histogram", "   … customers per group and number of active periods", SQLSelect(
            dims.map { .column($0) } + [.column("k"), .named(.countAll(), "exactly")], from: .table(active, alias: nil),
            groupBy: (dims + ["k"]).map { .column($0) }))
        // n = 1 … last - first + 1: the series of period numbers in the range, counted from its first.
        let counts = SQLSelect([.named(.binary(.binary(.col("s", "period_no"), .minus, .col("r", "first_p")), .plus, .integer(1)), "k")],
                               from: .subquery(SQLQuery(trendSeries(from: range, as: "period_no")), alias: "s"),
                               joins: [SQLJoin(.cross, .table(range, alias: "r"))])
        let ns = builder.add("stickiness_n", "   … n = 1 … the periods in the range", counts)
        let groups = builder.add("stickiness_groups", "   … every group with an active customer", trendGroups(dims, of: active))
        let exactly = SQLExpression.coalesce(.col("h", "exactly"), .integer(0))
        let cumulative = SQLExpression.window(.aggregate(.sum, exactly), SQLWindow(partitionBy: dims.map { .column($0) },
                                                                                    orderBy: [SQLOrderTerm(.column("k"), descending: true)]))
        let select = SQLSelect(dims.map { .column($0) } + [.named(.column("k"), "n"), .named(exactly, "customers"), .named(cumulative, "cumulative")],
                               from: .table(ns, alias: nil),
                               joins: [SQLJoin(.cross, .table(groups, alias: nil)), SQLJoin(.left, .table(histogram, alias: "h"), .using(dims + ["k"]))])
        return SQLResultShape(select: SQLQuery(select), columns: dims + ["n", "customers", "cumulative"],
                              order: dimensions.flatMap(\.order) + [SQLOrderTerm(.column("n"))], measure: "cumulative", textColumns: Set(dims),
                              reading: .table(units: dims.map { _ in .text } + [.count, .count, .count], shape: .table, title: .stickiness(period: unit)))
    }
}
