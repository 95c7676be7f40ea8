import SiklusLanguage
import SiklusPlan

/// `dau`, `wau`, `mau` and `dau_mau`, as `ActiveUsers`: the in-scope events of the active range
/// (`ActiveUsersRange`) with their groups; per group its range (cut to the group's period under each
/// event-time dimension, found from its earliest row), the distinct (customer, period) pairs per unit, and for
/// `dau_mau` the months' day pairs and actives. A group with no active customer in its range gets NULL.
extension SQLLoweringState {
    /// The `active_users` CTE: the dimensions' columns and one column per active-user metric, named after it.
    mutating func activeUsers(_ metrics: [Metric], dimensions: [SQLDimensionLowering]) -> String {
        let range = ActiveUsersRange(query)
        let dims = dimensions.map(\.name)
        let start: SQLExpression = range.bounds.start.map(SQLExpression.timestamp) ?? .library(.periodStart(.day), [.subquery(SQLQuery(SQLSelect(
            [.named(.aggregate(.min, .column(tables.eventTime)), "ts")], from: .table(tables.events, alias: nil))))])
        let last = trendLastSecond(range.bounds)
        let labels = dimensions.map { $0.label($0.isCustomerLevel ? "p" : "e") }
        let rows = builder.add("active_rows", "active users: the in-scope events of the active range (a `where ts` bound or the first day with an event, to as_of or the bound), with their groups", SQLSelect(
            zip(labels, dimensions).map { .named($0, $1.name) } + [.column("customer_id", table: "e"), .column("ts", table: "e")],
            from: .table(events, alias: "e"),
            joins: [SQLJoin(.inner, .table(customers, alias: "p"), .on(.equal(.col("p", "customer_id"), .col("e", "customer_id"))))],
            where: .and([.binary(.col("e", "ts"), .greaterEqual, start), .binary(.col("e", "ts"), .lessEqual, last)])))

        // A group's range: the scope's, cut to its period under each dimension on event time.
        var lows = [start], highs = [last]
        for dimension in range.eventTimeDimensions {
            let period = self.period(dimension.unit)
            let first = SQLExpression.library(.periodStart(period), [.aggregate(.min, .column("ts"))])
            lows.append(first)
            highs.append(.binary(.library(.periodStart(period), [.binary(first, .plus, .library(.interval(seconds: Self.pastOnePeriod(dimension.unit)), []))]),
                                 .minus, .library(.interval(seconds: 1), [])))
        }
        // Without dimensions there is no time dimension either: DISTINCT makes the one row.
        let spans = builder.add("active_spans", "   … each group's range (within its period under a time dimension)", SQLSelect(
            distinct: dims.isEmpty, dims.map { .column($0) } + [.named(lows.count == 1 ? lows[0] : .call("greatest", lows), "lo"), .named(highs.count == 1 ? highs[0] : .call("least", highs), "hi")],
            from: .table(rows, alias: nil), groupBy: dims.map { .column($0) }))

        var items: [SQLSelectItem] = dims.map { .column($0, table: "s") }
        // Without dimensions `metric` cross-joins this table: it must keep its one row even with no active customer.
        var joins: [SQLJoin] = dims.isEmpty ? [SQLJoin(.left, .table(spans, alias: "s"), .on(.boolean(true)))] : []
        func join(_ table: String, _ alias: String) -> SQLJoin {
            dims.isEmpty ? SQLJoin(.left, .table(table, alias: alias), .on(.boolean(true)))
                         : SQLJoin(.left, .table(table, alias: alias), .on(.and(dims.map { .equal(.col(alias, $0), .col("s", $0)) })))
        }
        for metric in metrics where metric.definition.readsActiveUsers {
            switch metric.definition {
            case .meanActives(let unit):
                let alias = "pairs_\(unit.rawValue)"
                if !joins.contains(where: { if case .table(_, let a) = $0.table { a == alias } else { false } }) {
                    let distinct = SQLQuery(SQLSelect(distinct: true, dims.map { .column($0) } + [.column("customer_id"), .named(trendPeriodNumber(unit, .column("ts")), "period_no")],
                                                      from: .table(rows, alias: nil)))
                    let pairs = builder.add("active_\(unit.rawValue)s", "   … distinct (customer, \(unit.rawValue)) pairs per group: the sum over its \(unit.rawValue)s of the customers active in each", SQLSelect(
                        dims.map { .column($0) } + [.named(.countAll(), "pairs")], from: .subquery(distinct, alias: "d"), groupBy: dims.map { .column($0) }))
                    joins.append(join(pairs, alias))
                }
                let periods = SQLExpression.binary(.library(.periodDifference(period(unit)), [.col("s", "lo"), .col("s", "hi")]), .plus, .integer(1))
                items.append(.named(.caseWhen([SQLWhen(.binary(.col(alias, "pairs"), .greater, .integer(0)), .safeDivide(.col(alias, "pairs"), periods))], else: nil),
                                    metric.rawValue))
            default:
                joins.append(join(dailyOverMonthly(rows, spans: spans, dims: dims), "dau_mau"))
                items.append(.named(.col("dau_mau", "dau_mau"), metric.rawValue))
            }
        }
        let from: SQLTableReference = dims.isEmpty ? .subquery(SQLQuery(SQLSelect([.named(.integer(1), "one")])), alias: "one") : .table(spans, alias: "s")
        return builder.add("active_users", "   … the active-user metrics per group", SQLSelect(items, from: from, joins: joins))
    }

    /// `dau_mau` per group: the mean over its months with actives of (day pairs / days of the month in its range) / actives, × 100.
    private mutating func dailyOverMonthly(_ rows: String, spans: String, dims: [String]) -> String {
        let distinct = SQLQuery(SQLSelect(distinct: true, dims.map { .column($0) } + [
            .column("customer_id"), .named(.library(.periodStart(.month), [.column("ts")]), "month_start"), .named(.library(.periodStart(.day), [.column("ts")]), "day_start"),
        ], from: .table(rows, alias: nil)))
        let months = builder.add("active_months", "   … per group and month: customers active in it, and their (customer, day) pairs", SQLSelect(
            dims.map { .column($0) } + [.column("month_start"), .named(.aggregate(SQLAggregate(.count, [.column("customer_id")], distinct: true)), "customers"),
                                        .named(.countAll(), "day_pairs")],
            from: .subquery(distinct, alias: "d"), groupBy: (dims + ["month_start"]).map { .column($0) }))
        let monthEnd = SQLExpression.binary(.library(.periodStart(.month), [.binary(.col("m", "month_start"), .plus, .library(.interval(seconds: 32 * 86_400), []))]),
                                            .minus, .library(.interval(seconds: 1), []))
        let days = SQLExpression.binary(.library(.periodDifference(.day), [.call("greatest", [.col("s", "lo"), .col("m", "month_start")]),
                                                                          .call("least", [.col("s", "hi"), monthEnd])]), .plus, .integer(1))
        let ratio = SQLExpression.safeDivide(.safeDivide(.col("m", "day_pairs"), days), .col("m", "customers"))
        return builder.add("active_dau_mau", "   … dau_mau: the mean over the months of (mean daily actives / the month's actives), as %", SQLSelect(
            dims.map { .column($0, table: "m") } + [.named(.binary(.aggregate(.avg, ratio), .times, .integer(100)), "dau_mau")],
            from: .table(months, alias: "m"),
            joins: [dims.isEmpty ? SQLJoin(.cross, .table(spans, alias: "s")) : SQLJoin(.inner, .table(spans, alias: "s"), .on(.and(dims.map { .equal(.col("s", $0), .col("m", $0)) })))],
            groupBy: dims.map { .col("m", $0) }))
    }

    /// Seconds that take a period's first moment into the next period (and not past it).
    static func pastOnePeriod(_ unit: PeriodUnit) -> Int64 {
        let day: Int64 = 86_400
        return switch unit {
        case .day: day
        case .week: 7 * day
        case .month: 32 * day
        case .quarter: 93 * day
        case .year: 367 * day
        }
    }
}
