import SiklusLanguage
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
            guard !orders.isEmpty else { return MessageCatalog.text("example.buyer_none") }
            return MessageCatalog.text("example.orders_per_buyer", ["orders": ExampleCustomer.count(orders.count, "order"), "list": customer.list(orders), "count": String(orders.count)])
        case .median_order:
            guard !orders.isEmpty else { return MessageCatalog.text("example.median_none") }
            let values = orders.map { events.hasAmount($0) ? ExampleCustomer.money(events.amount[$0]) : "0.00 " + MessageCatalog.text("example.no_amount") }
            return MessageCatalog.text("example.median_order", ["values": ExampleCustomer.count(orders.count, "order value")])
                + values.prefix(6).joined(separator: ", ") + (values.count > 6 ? ExampleCustomer.more(values.count - 6) : "")
        case .days_between_orders:
            guard orders.count >= 2 else { return MessageCatalog.text("example.gaps_none", ["orders": ExampleCustomer.count(orders.count, "order")]) }
            let gaps = zip(orders, orders.dropFirst()).map { ExampleCustomer.days(events.ts[$1] - events.ts[$0]) }
            return MessageCatalog.text("example.gaps", ["orders": ExampleCustomer.count(orders.count, "order"), "list": customer.list(orders), "gaps": ExampleCustomer.count(gaps.count, "gap")])
                + gaps.prefix(6).joined(separator: ", ") + (gaps.count > 6 ? ExampleCustomer.more(gaps.count - 6) : "")
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
        if sample.buyersOnly && orders.isEmpty { return MessageCatalog.text("example.buyer_none") }
        let revenue = ExampleCustomer.money(customer.revenue(customer.rows(in: scope)))
        let value = sample.countsOrders ? String(orders.count) : revenue
        let list = MessageCatalog.text("example.median_list." + (sample.buyersOnly ? "buyers" : "customers") + (sample.countsOrders ? "_orders" : "_revenues"))
        return MessageCatalog.text("example.customer_median", ["orders": ExampleCustomer.count(orders.count, "order"), "revenue": revenue, "value": value, "list": list])
    }
}
