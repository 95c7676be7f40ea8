import SiklusPlan

/// `metric …`, as `MetricTable` and `AggregateScan` compute it: one row per customer (and group) with
/// their counts, then one row per group, then each metric from those sums.
extension SQLLoweringState {
    /// The counts per group the metrics are made of, in the order they are listed.
    private enum Aggregate: CaseIterable {
        case customers, active, events, orders, revenue, purchasers, repeaters, engagement, buyers, churned, daysToPurchase, returns
        /// The per-customer medians (`customerMedians`), over `per_customer`'s `revenue` and `n_orders`.
        case customerMedians
    }

    mutating func metrics(_ metrics: [Metric], dimensions: [SQLDimensionLowering]) throws(SQLNotExpressible) -> SQLResultShape {
        if metrics == [.stage_share] { return try stageShare(dimensions: dimensions) }
        if metrics == [.transitions] { return try transitions(dimensions: dimensions) }
        for metric in metrics {
            switch metric {
            case .stage_share: throw SQLNotExpressible("stage_share with other metrics (Siklus rejects it too)")
            case .transitions: throw SQLNotExpressible("transitions with other metrics (Siklus rejects it too)")
            default: break
            }
        }
        let measures = metrics.flatMap(\.definition.measures)
        let spendMetrics = metrics.filter { $0.definition.measures.contains(where: \.readsSpend) }
        // Rows are the groups with customers or events (plus spend rows), so cpa needs them too.
        let needsGroups = metrics.contains { !spendMetrics.contains($0) } || measures.contains(.newPayingCustomers)
        let dims = dimensions.map(\.name)
        var sources: [(name: String, isSpend: Bool)] = []
        if needsGroups { sources.append((try groups(metrics, dimensions: dimensions), false)) }
        if !spendMetrics.isEmpty {
            sources.append((try spendGroups(dimensions: dimensions), true))
            if measures.contains(.newPayingCustomers) { sources.append((try newCustomers(dimensions: dimensions), false)) }
        }
        if metrics.contains(where: \.definition.readsActiveUsers) { sources.append((activeUsers(metrics, dimensions: dimensions), false)) }
        if metrics.contains(where: \.definition.isMedian) { sources.append((orderMedians(metrics, dimensions: dimensions), false)) }
        var joins: [SQLJoin] = []
        for source in sources.dropFirst() {
            // Rows are the groups with customers or events, plus spend rows with spend.
            joins.append(dims.isEmpty ? SQLJoin(.cross, .table(source.name, alias: nil))
                                      : SQLJoin(source.isSpend ? .full : .left, .table(source.name, alias: nil), .using(dims)))
        }
        let coalesceCounts = !spendMetrics.isEmpty
        var items: [SQLSelectItem] = dims.map { .column($0) }
        for metric in metrics {
            var value = expression(metric, coalesce: coalesceCounts)
            if case .runningRatio = metric.definition, let time = dimensions.firstIndex(where: { $0.kind == .time && !$0.isCustomerLevel }) {
                let others = dimensions.indices.filter { $0 != time }.map { dimensions[$0] }
                guard others.allSatisfy(\.isCustomerLevel) else {
                    throw SQLNotExpressible("cumulative ltv split by another event dimension (Siklus rejects it too)")
                }
                let base = ltvBase(others)
                if builder.sharedName("ltv_joined") == nil {
                    joins.append(others.isEmpty ? SQLJoin(.cross, .table(base, alias: nil)) : SQLJoin(.left, .table(base, alias: nil), .using(others.map(\.name))))
                }
                let window = SQLWindow(partitionBy: others.map { .column($0.name) }, orderBy: [SQLOrderTerm(.column(dimensions[time].name), isText: true)])
                value = .safeDivide(.window(.aggregate(.sum, .column("revenue")), window), .column("base_customers"))
            }
            items.append(.named(value, metric.rawValue))
        }
        let select = SQLQuery(SQLSelect(items, from: .table(sources[0].name, alias: nil), joins: joins))
        return SQLResultShape(select: select, columns: dims + metrics.map(\.rawValue), order: dimensions.flatMap(\.order), measure: metrics.last?.rawValue,
                              textColumns: Set(dims), reading: .table(units: dims.map { _ in .text } + metrics.map(\.unit),
                                                                       shape: dimensions.contains { $0.kind == .time && !$0.isCustomerLevel && !$0.isCohort } ? .series : .table))
    }

    /// `per_customer` and `groups`; returns the name of `groups`.
    private mutating func groups(_ metrics: [Metric], dimensions: [SQLDimensionLowering]) throws(SQLNotExpressible) -> String {
        let needed = Set(metrics.flatMap(Self.aggregates)).union([.customers])
        let eventLevel = dimensions.contains { !$0.isCustomerLevel }
        let labels = dimensions.map { $0.label($0.isCustomerLevel ? "p" : "e") }
        let rows = perCustomerRows(dimensions: dimensions, readsCustomerFacts: !needed.isDisjoint(with: [.churned, .daysToPurchase]))
        let customer = if case .eventsAlone = rows { "e" } else { "p" }
        var items: [SQLSelectItem] = [.column("customer_id", table: customer)] + zip(labels, dimensions).map { .named($0, $1.name) }
        var groupBy: [SQLExpression] = [.col(customer, "customer_id")] + labels
        var joins = [SQLJoin(eventLevel ? .inner : .left, .table(events, alias: "e"), .on(.equal(.col("e", "customer_id"), .col("p", "customer_id"))))]
        if !needed.isDisjoint(with: [.active, .events]) { items.append(.named(.aggregate(.count, .col("e", "customer_id")), "n_events")) }
        if !needed.isDisjoint(with: [.orders, .purchasers, .repeaters]) || (needed.contains(.daysToPurchase) && eventLevel) {
            items.append(.named(.countAll(where: startsOrder("e")), "n_orders"))
        }
        if needed.contains(.revenue) {
            items.append(.named(.coalesce(.aggregate(.sum, .col("e", "amount"), where: isPurchase("e")), .integer(0)), "revenue"))
        }
        if needed.contains(.returns) { items.append(.named(.countAll(where: startsReturn("e")), "n_returns")) }
        if needed.contains(.engagement) {
            items.append(.named(isEngagement("e").map { .countAll(where: $0) } ?? .integer(0), "n_engagement"))
        }
        if needed.contains(.churned) {
            let states = query.metricOptions.churnWindow == nil ? lifecycle() : lifecycleWithin(query.metricOptions.churnWindow ?? 0)
            joins.append(SQLJoin(.left, .table(states, alias: "l"), .on(.equal(.col("l", "customer_id"), .col("p", "customer_id")))))
            let bought = SQLExpression.coalesce(.col("l", "bought"), .boolean(false)), churned = SQLExpression.coalesce(.col("l", "churned"), .boolean(false))
            items += [.named(bought, "bought"), .named(churned, "churned")]
            groupBy += [bought, churned]
        }
        if needed.contains(.daysToPurchase) {
            let days = SQLExpression.binary(.binary(.library(.epochSeconds, [.col("p", "first_purchase")]), .minus,
                                                    .library(.epochSeconds, [.col("p", "first_event")])), .divide, .number(86_400))
            items.append(.named(days, "days_to_purchase"))
            groupBy.append(days)
        }
        let select: SQLSelect
        switch rows {
        case .joined: select = SQLSelect(items, from: .table(customers, alias: "p"), joins: joins, groupBy: groupBy)
        case .eventsAlone(let filter): select = SQLSelect(items, from: .table(events, alias: "e"), where: filter, groupBy: groupBy)
        }
        let perCustomer = builder.add("per_customer", "the metric step: one row per customer\(eventLevel ? " and group they have events in" : "") with their counts",
                                      select)

        let sum: (String) -> SQLExpression = { column in
            dimensions.isEmpty ? .coalesce(.aggregate(.sum, .column(column)), .integer(0)) : .aggregate(.sum, .column(column))
        }
        var columns: [SQLSelectItem] = dimensions.map { .column($0.name) }
        for aggregate in Aggregate.allCases where needed.contains(aggregate) {
            switch aggregate {
            case .customers: columns.append(.named(.countAll(), "customers"))
            case .active: columns.append(.named(.countAll(where: .binary(.column("n_events"), .greater, .integer(0))), "active"))
            case .events: columns.append(.named(sum("n_events"), "events"))
            case .orders: columns.append(.named(sum("n_orders"), "orders"))
            case .revenue: columns.append(.named(sum("revenue"), "revenue"))
            case .purchasers: columns.append(.named(.countAll(where: .binary(.column("n_orders"), .greaterEqual, .integer(1))), "purchasers"))
            case .repeaters: columns.append(.named(.countAll(where: .binary(.column("n_orders"), .greaterEqual, .integer(2))), "repeaters"))
            case .engagement: columns.append(.named(sum("n_engagement"), "engagement"))
            case .returns: columns.append(.named(sum("n_returns"), "returns"))
            case .buyers: columns.append(.named(.countAll(where: .column("bought")), "buyers"))
            case .churned: columns.append(.named(.countAll(where: .binary(.column("bought"), .and, .column("churned"))), "churned"))
            case .daysToPurchase:
                let filter: SQLExpression? = eventLevel ? .binary(.column("n_orders"), .greater, .integer(0)) : nil
                columns.append(.named(.aggregate(.median, .column("days_to_purchase"), where: filter), "days_to_purchase"))
            case .customerMedians: columns += customerMedians(metrics)
            }
        }
        return builder.add("groups", "   … then one row per group", SQLSelect(columns, from: .table(perCustomer, alias: nil),
                                                                             groupBy: dimensions.map { .column($0.name) }))
    }

    /// The group counts a metric is computed from, read from its definition (`Metric.definition`).
    private static func aggregates(_ metric: Metric) -> [Aggregate] {
        if metric.definition == .medianDaysToFirstPurchase { return [.daysToPurchase] }
        if case .customerMedian = metric.definition { return [.orders, .revenue, .customerMedians] }
        return metric.definition.measures.compactMap { measure in
            switch measure {
            case .customers: .customers
            case .active: .active
            case .events: .events
            case .orders: .orders
            case .revenue: .revenue
            case .purchasers: .purchasers
            case .repeaters: .repeaters
            case .engagementEvents: .engagement
            case .buyersByAsOf: .buyers
            case .churnedByAsOf: .churned
            case .returns: .returns
            case .impressions, .clicks, .spend, .newPayingCustomers, .opens, .delivered: nil
            }
        }
    }

    /// The column of `groups`, `spend_groups` or `new_customers` holding a measure.
    private static func column(_ measure: MetricMeasure) -> String {
        switch measure {
        case .engagementEvents: "engagement"
        case .buyersByAsOf: "buyers"
        case .churnedByAsOf: "churned"
        case .newPayingCustomers: "new_customers"
        default: measure.rawValue
        }
    }

    /// The metric from its definition over the group columns: ratios as doubles, NULL when the
    /// denominator is 0; a measure is 0 where a side of the join has no row (`coalesce`; spend always).
    private func expression(_ metric: Metric, coalesce: Bool) -> SQLExpression {
        func value(_ measure: MetricMeasure) -> SQLExpression {
            let column = SQLExpression.column(Self.column(measure))
            return coalesce || measure.readsSpend ? .coalesce(column, .integer(0)) : column
        }
        switch metric.definition {
        case .measure(let m): return value(m)
        case .ratio(let a, let b, let percent):
            let ratio = SQLExpression.safeDivide(value(a), value(b))
            return percent ? .binary(ratio, .times, .integer(100)) : ratio
        case .runningRatio(let a, let b): return .safeDivide(value(a), value(b))
        case .medianDaysToFirstPurchase: return .column("days_to_purchase")
        case .meanActives, .dailyOverMonthlyActives, .median, .customerMedian: return .column(metric.rawValue)
        case .ownTable: preconditionFailure("\(metric.rawValue) is lowered as its own table")
        }
    }

    /// `ltv_base`: customers per group of the non-time dimensions, the denominator of cumulative ltv.
    private mutating func ltvBase(_ others: [SQLDimensionLowering]) -> String {
        if let name = builder.sharedName("ltv_base") { return name }
        let labels = others.map { $0.label("p") }
        return builder.add("ltv_base", "cumulative ltv divides by all the customers of the group, whenever they bought", SQLSelect(
            zip(labels, others).map { .named($0, $1.name) } + [.named(.countAll(), "base_customers")],
            from: .table(customers, alias: "p"), groupBy: labels), sharedAs: "ltv_base")
    }
}
