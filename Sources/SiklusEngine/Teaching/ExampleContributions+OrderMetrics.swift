import SiklusStore

/// The worked example's line for the order metrics of issue 15 (`orders_per_buyer`, `median_order`,
/// `days_between_orders`, and the per-customer medians): what the customer adds to the samples or counts of their group.
extension ExampleContributions {
    func orderMetricContribution(_ metric: Metric) -> String? {
        let rows = customer.rows(in: scope)
        let orders = rows.filter(customer.isOrder)
        let events = customer.context.store.events
        switch metric {
        case .orders_per_buyer:
            guard !orders.isEmpty else { return "no purchase in scope → not a buyer, adds nothing" }
            return "\(ExampleCustomer.count(orders.count, "order")) (\(customer.list(orders))) → adds \(orders.count) to orders and 1 to buyers"
        case .median_order:
            guard !orders.isEmpty else { return "no purchase in scope → adds no order value" }
            let values = orders.map { events.hasAmount($0) ? ExampleCustomer.money(events.amount[$0]) : "0.00 (no amount)" }
            return "adds \(ExampleCustomer.count(orders.count, "order value")) to the group's list, whose middle value is the median: "
                + values.prefix(6).joined(separator: ", ") + (values.count > 6 ? " and \(values.count - 6) more" : "")
        case .days_between_orders:
            guard orders.count >= 2 else { return "\(ExampleCustomer.count(orders.count, "order")) in scope → no gap between orders, adds nothing" }
            let gaps = zip(orders, orders.dropFirst()).map { ExampleCustomer.days(events.ts[$1] - events.ts[$0]) }
            return "\(ExampleCustomer.count(orders.count, "order")) in scope (\(customer.list(orders))) → adds \(ExampleCustomer.count(gaps.count, "gap")) to the group's list: "
                + gaps.prefix(6).joined(separator: ", ") + (gaps.count > 6 ? " and \(gaps.count - 6) more" : "")
        case .median_revenue_per_customer, .median_revenue_per_buyer, .median_orders_per_buyer:
            return customerMedianContribution(metric, orders: orders)
        default:
            return nil
        }
    }
}

extension ExampleContributions {
    /// The one value the customer adds to a per-customer median's list (`CustomerSamples`), or why none.
    private func customerMedianContribution(_ metric: Metric, orders: [Int]) -> String {
        guard case .customerMedian(let sample) = metric.definition else { return "" }
        if sample.buyersOnly && orders.isEmpty { return "no purchase in scope → not a buyer, adds nothing" }
        let revenue = ExampleCustomer.money(customer.revenue(customer.rows(in: scope)))
        let value = sample.countsOrders ? String(orders.count) : revenue
        let whose = sample.buyersOnly ? "buyers'" : "customers' (a customer who did not buy adds 0)"
        return "\(ExampleCustomer.count(orders.count, "order")) worth \(revenue) in scope → adds \(value) to the group's list of \(whose) "
            + (sample.countsOrders ? "order counts" : "revenues") + ", whose middle value is the median"
    }
}
