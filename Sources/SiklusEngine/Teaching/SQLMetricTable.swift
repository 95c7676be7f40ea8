import SiklusStore

/// `metric …` in SQL, as `MetricTable` and `AggregateScan` compute it: first one row per customer
/// (and group) with their counts, then one row per group, then each metric from those sums.
extension SQLBuilder {
    /// The counts per group the metrics are made of, in the order they are listed.
    private enum Aggregate: CaseIterable {
        case customers, active, events, orders, revenue, purchasers, repeaters, engagement, buyers, churned, daysToPurchase
    }

    mutating func metrics(_ metrics: [Metric], dimensions: [SQLDimension], number: Int, label: String) throws(NoSQLEquivalent) -> SQLResult {
        if metrics == [.stage_share] { return try stageShare(dimensions: dimensions, number: number, label: label) }
        if metrics.contains(.transitions) {
            throw NoSQLEquivalent("transitions (each customer's stage at the end of every period is a running state, not one query step)")
        }
        let spendMetrics = metrics.filter(\.needsSpend)
        let needsGroups = metrics.contains { !$0.needsSpend } || metrics.contains(.cpa)
        let dims = dimensions.map(\.column)
        var sources: [(name: String, isSpend: Bool)] = []
        if needsGroups {
            sources.append((try groups(metrics, dimensions: dimensions, number: number, label: label), false))
        }
        if !spendMetrics.isEmpty {
            sources.append((try spendGroups(dimensions: dimensions, number: number, label: label, first: !needsGroups), true))
            if metrics.contains(.cpa) {
                sources.append((try newCustomers(dimensions: dimensions), false))
            }
        }
        var from = sources[0].name
        for source in sources.dropFirst() {
            // Rows are the groups with customers or events, plus spend rows with spend.
            let join = source.isSpend ? "FULL JOIN" : "LEFT JOIN"
            from += dims.isEmpty ? "\nCROSS JOIN \(source.name)" : "\n\(join) \(source.name) USING (\(dims.joined(separator: ", ")))"
        }
        let coalesceCounts = !spendMetrics.isEmpty && needsGroups
        var columns = dims
        var values: [String] = []
        for metric in metrics {
            var value = try expression(metric, coalesce: coalesceCounts || !needsGroups, dimensions: dimensions)
            if metric == .ltv, let (timeIndex, others) = cumulativeSplit(dimensions) {
                let base = try ltvBase(others.map { dimensions[$0] })
                from += others.isEmpty ? "\nCROSS JOIN \(base)" : "\nLEFT JOIN \(base) USING (\(others.map { dimensions[$0].column }.joined(separator: ", ")))"
                let partition = others.isEmpty ? "" : "PARTITION BY \(others.map { dimensions[$0].column }.joined(separator: ", ")) "
                value = "sum(revenue) OVER (\(partition)ORDER BY \(dimensions[timeIndex].column)) / nullif(base_customers, 0)"
            }
            values.append("\(value) AS \(metric.rawValue)")
            columns.append(metric.rawValue)
        }
        return SQLResult(select: "SELECT \((dims + values).joined(separator: ",\n  "))\nFROM \(from)", columns: columns,
                         order: dimensions.flatMap(\.order), measure: metrics.last?.rawValue)
    }

    /// For cumulative ltv: the event-time dimension and the others (which must be per customer).
    private func cumulativeSplit(_ dimensions: [SQLDimension]) -> (Int, [Int])? {
        guard let time = dimensions.firstIndex(where: { $0.isTime && !$0.isCustomerLevel }) else { return nil }
        return (time, dimensions.indices.filter { $0 != time })
    }

    /// `per_customer` and `groups`; returns the name of `groups`.
    private mutating func groups(_ metrics: [Metric], dimensions: [SQLDimension], number: Int, label: String) throws(NoSQLEquivalent) -> String {
        let needed = Set(metrics.flatMap(Self.aggregates)).union([.customers])
        let eventLevel = dimensions.contains { !$0.isCustomerLevel }
        var perCustomer = ["p.customer_id"] + dimensions.map { "\($0.label($0.isCustomerLevel ? "p" : "e")) AS \($0.column)" }
        var joins = [joinEvents(eventLevel ? "JOIN" : "LEFT JOIN")]
        if !needed.isDisjoint(with: [.active, .events]) { perCustomer.append("count(e.\(names.eventCustomer)) AS n_events") }
        if !needed.isDisjoint(with: [.orders, .purchasers, .repeaters]) || (needed.contains(.daysToPurchase) && eventLevel) {
            perCustomer.append("count(*) FILTER (WHERE \(names.isPurchase("e"))) AS n_orders")
        }
        if needed.contains(.revenue) {
            perCustomer.append("coalesce(sum(\(names.event("e", .amount))) FILTER (WHERE \(names.isPurchase("e"))), 0) AS revenue")
        }
        if needed.contains(.engagement) {
            perCustomer.append(names.isEngagement("e").map { "count(*) FILTER (WHERE \($0)) AS n_engagement" } ?? "0 AS n_engagement")
        }
        if needed.contains(.churned) {
            joins.append("LEFT JOIN \(lifecycle()) AS l ON l.customer_id = p.customer_id")
            perCustomer += ["coalesce(l.bought, false) AS bought", "coalesce(l.churned, false) AS churned"]
        }
        if needed.contains(.daysToPurchase) {
            perCustomer.append("epoch(p.first_purchase - p.first_event) / 86400 AS days_to_purchase")
        }
        let perCustomerName = query.add("per_customer", "\(number). \(label): one row per customer\(eventLevel ? " and group they have events in" : "") with their counts …", """
            SELECT \(perCustomer.joined(separator: ",\n  "))
            FROM \(customers) AS p
            \(joins.joined(separator: "\n"))
            GROUP BY ALL
            """)

        let sum: (String) -> String = dimensions.isEmpty ? { "coalesce(sum(\($0)), 0)" } : { "sum(\($0))" }
        var columns = dimensions.map(\.column)
        for aggregate in Aggregate.allCases where needed.contains(aggregate) {
            switch aggregate {
            case .customers: columns.append("count(*) AS customers")
            case .active: columns.append("count(*) FILTER (WHERE n_events > 0) AS active")
            case .events: columns.append("\(sum("n_events")) AS events")
            case .orders: columns.append("\(sum("n_orders")) AS orders")
            case .revenue: columns.append("\(sum("revenue")) AS revenue")
            case .purchasers: columns.append("count(*) FILTER (WHERE n_orders >= 1) AS purchasers")
            case .repeaters: columns.append("count(*) FILTER (WHERE n_orders >= 2) AS repeaters")
            case .engagement: columns.append("\(sum("n_engagement")) AS engagement")
            case .buyers: columns.append("count(*) FILTER (WHERE bought) AS buyers")
            case .churned: columns.append("count(*) FILTER (WHERE bought AND churned) AS churned")
            case .daysToPurchase:
                columns.append("median(days_to_purchase)\(eventLevel ? " FILTER (WHERE n_orders > 0)" : "") AS days_to_purchase")
            }
        }
        let groupBy = dimensions.isEmpty ? "" : "\nGROUP BY " + dimensions.map(\.column).joined(separator: ", ")
        return query.add("groups", "   … then one row per group", "SELECT \(columns.joined(separator: ",\n  "))\nFROM \(perCustomerName)\(groupBy)")
    }

    /// The group counts a metric is computed from.
    private static func aggregates(_ metric: Metric) -> [Aggregate] {
        switch metric {
        case .customers: [.customers]
        case .events: [.events]
        case .orders: [.orders]
        case .returns: []
        case .revenue: [.revenue]
        case .avg_order: [.revenue, .orders]
        case .orders_per_customer: [.orders, .customers]
        case .repeat_rate: [.repeaters, .purchasers]
        case .conversion_rate: [.purchasers, .customers]
        case .time_to_purchase: [.daysToPurchase]
        case .ltv: [.revenue, .customers]
        case .active: [.active]
        case .engagement: [.engagement, .active]
        case .churn_rate: [.churned, .buyers]
        case .stage_share, .transitions, .impressions, .clicks, .ctr, .spend, .cpa: []
        case .dau, .wau, .mau, .dau_mau: []
        }
    }

    /// The metric from the `groups` / `spend_groups` / `new_customers` columns; `coalesce` when a
    /// side of the join may be missing (a count is then 0, as in Siklus).
    private func expression(_ metric: Metric, coalesce: Bool, dimensions: [SQLDimension]) throws(NoSQLEquivalent) -> String {
        func zero(_ column: String) -> String { coalesce ? "coalesce(\(column), 0)" : column }
        switch metric {
        case .customers: return zero("customers")
        case .events: return zero("events")
        case .orders: return zero("orders")
        case .revenue: return zero("revenue")
        case .avg_order: return "revenue / nullif(orders, 0)"
        case .orders_per_customer: return "orders / nullif(customers, 0)"
        case .repeat_rate: return "repeaters / nullif(purchasers, 0) * 100"
        case .conversion_rate: return "purchasers / nullif(customers, 0) * 100"
        case .time_to_purchase: return "days_to_purchase"
        case .ltv:
            if let (_, others) = cumulativeSplit(dimensions), !others.allSatisfy({ dimensions[$0].isCustomerLevel }) {
                throw NoSQLEquivalent("cumulative ltv split by another event dimension (Siklus rejects it too)")
            }
            return "revenue / nullif(customers, 0)"
        case .active: return zero("active")
        case .engagement: return "engagement / nullif(active, 0)"
        case .churn_rate: return "churned / nullif(buyers, 0) * 100"
        case .impressions: return "coalesce(impressions, 0)"
        case .clicks: return "coalesce(clicks, 0)"
        case .spend: return "coalesce(spend, 0)"
        case .ctr: return "clicks / nullif(impressions, 0) * 100"
        case .cpa: return "coalesce(spend, 0) / nullif(new_customers, 0)"
        case .stage_share, .transitions: throw NoSQLEquivalent(metric.rawValue + " with other metrics")
        case .dau, .wau, .mau, .dau_mau: throw NoSQLEquivalent(metric.rawValue + " in the older translator (the SQL compiler lowers it)")
        case .returns: throw NoSQLEquivalent("order-level metrics (returns)")
        }
    }

    /// `ltv_base`: customers per group of the non-time dimensions, the denominator of cumulative ltv.
    private mutating func ltvBase(_ others: [SQLDimension]) throws(NoSQLEquivalent) -> String {
        if let name = query.shared("ltv_base") { return name }
        let labels = others.map { "\($0.label("p")) AS \($0.column)" }
        let groupBy = others.isEmpty ? "" : "\nGROUP BY ALL"
        return query.add("ltv_base", "   cumulative ltv divides by all the customers of the group, whenever they bought",
                  "SELECT \((labels + ["count(*) AS base_customers"]).joined(separator: ",\n  "))\nFROM \(customers) AS p\(groupBy)", shared: true)
    }
}
