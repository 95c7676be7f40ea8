import SiklusPlan

/// The per-customer medians (`median_revenue_per_customer`, `median_revenue_per_buyer`,
/// `median_orders_per_buyer`), as `CustomerSamples` and `Statistics.median`: the `per_customer` CTE of the
/// metric step already holds one row per customer (and group) with their `revenue` and `n_orders`, so each
/// is the dialect's median (the mean of the two middle values) of one of them per group, over the buyers
/// (`n_orders >= 1`) or every row.
extension SQLLoweringState {
    /// The `groups` CTE's column of each per-customer median metric, named after it.
    func customerMedians(_ metrics: [Metric]) -> [SQLSelectItem] {
        metrics.compactMap { metric in
            guard case .customerMedian(let sample) = metric.definition else { return nil }
            let value: SQLExpression = sample.countsOrders ? .cast(.column("n_orders"), .double) : .column("revenue")
            let buyers: SQLExpression? = sample.buyersOnly ? .binary(.column("n_orders"), .greaterEqual, .integer(1)) : nil
            return .named(.aggregate(.median, value, where: buyers), metric.rawValue)
        }
    }
}
