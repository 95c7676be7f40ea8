import SiklusStore

/// The worked example's line for the order metrics of issue 15 (`orders_per_buyer`, `median_order`,
/// `days_between_orders`): what the customer adds to the samples or counts of their group.
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
        default:
            return nil
        }
    }
}
