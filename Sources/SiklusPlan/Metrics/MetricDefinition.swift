import SiklusLanguage

/// A per-group quantity the metrics are built from: what each backend counts or sums over the scope.
public enum MetricMeasure: String, Hashable, Sendable, CaseIterable {
    /// Distinct customers in scope (for event-level groups: with an event in the group).
    case customers
    /// Customers with at least one event in scope.
    case active
    /// Event rows in scope.
    case events
    /// Purchase events in scope (with an order column: orders, counted at their first row, returns left out).
    case orders
    /// Returns in scope (order column only; 0 without one).
    case returns
    /// Sum of amount over purchase rows in scope (missing amounts count as 0).
    case revenue
    /// Customers with at least one purchase (order) in scope.
    case purchasers
    /// Customers with at least two purchases (orders) in scope.
    case repeaters
    /// Engagement events (the retention stage's non-purchase events) in scope.
    case engagementEvents
    /// Customers who purchased by as_of.
    case buyersByAsOf
    /// Of those, the customers churned as of as_of.
    case churnedByAsOf
    /// spend.impressions in the group's period and channel.
    case impressions
    /// spend.clicks in the group's period and channel.
    case clicks
    /// spend.spend in the group's period and channel.
    case spend
    /// spend.opens and spend.delivered (email campaigns) in the group's period and channel.
    case opens, delivered
    /// Customers in scope whose first purchase falls in the group's period (the spend table's span without a
    /// time dimension), by acquisition channel.
    case newPayingCustomers

    /// True for the measures read from the spend table.
    public var readsSpend: Bool { [.impressions, .clicks, .spend, .newPayingCustomers, .opens, .delivered].contains(self) }
}

/// How a metric's value is computed from measures: the structure every backend follows (the in-memory
/// evaluator, the SQL compiler) while `Metric.formula` says the same in words for `help` and `explain`.
public enum MetricDefinition: Hashable, Sendable {
    /// The measure itself.
    case measure(MetricMeasure)
    /// numerator / denominator per group, null when the denominator is 0, × 100 when `percent`.
    case ratio(MetricMeasure, over: MetricMeasure, percent: Bool)
    /// numerator / denominator, where with a time dimension the numerator runs (cumulates) over the periods up
    /// to each group's (`ltv`); without one, a plain ratio.
    case runningRatio(MetricMeasure, over: MetricMeasure)
    /// The median over buyers of the days from first event to first purchase (`time_to_purchase`).
    case medianDaysToFirstPurchase
    /// A table of its own shape (`stage_share`, `transitions`).
    case ownTable
    /// Distinct (customer, period) pairs with an event in scope inside the group's active range / the periods of
    /// that range (`dau`, `wau`, `mau`); see `ActiveUsers`.
    case meanActives(PeriodUnit)
    /// The mean over the months of the range with active customers of (mean daily actives in the month / the
    /// month's actives) × 100 (`dau_mau`).
    case dailyOverMonthlyActives
    /// The median of one value per order or per pair of consecutive orders (`median_order`,
    /// `days_between_orders`); the mean of the two middle values for an even count, null when empty.
    case median(OrderSample)
    /// The median over customers of one total per customer and group (`median_revenue_per_customer`,
    /// `median_revenue_per_buyer`, `median_orders_per_buyer`): the customers `customers` (or `purchasers`)
    /// counts, each with the revenue (or orders) `revenue` (`orders`) sums; the same median as `median`.
    case customerMedian(CustomerSample)

    /// The measures it reads.
    public var measures: [MetricMeasure] {
        switch self {
        case .measure(let m): [m]
        case .ratio(let a, let b, _), .runningRatio(let a, let b): [a, b]
        case .medianDaysToFirstPurchase, .ownTable, .meanActives, .dailyOverMonthlyActives, .median, .customerMedian: []
        }
    }
}

extension MetricDefinition {
    /// True for the median metrics (`median_order`, `days_between_orders`), computed from per-order samples.
    public var isMedian: Bool {
        if case .median = self { true } else { false }
    }

    /// True for the active-user metrics (`dau` … `dau_mau`), computed from active (customer, period) pairs.
    public var readsActiveUsers: Bool {
        switch self {
        case .meanActives, .dailyOverMonthlyActives: true
        default: false
        }
    }
}

extension Metric {
    /// The metric's structure (see `MetricDefinition`); `formula` is its wording.
    public var definition: MetricDefinition {
        switch self {
        case .customers: .measure(.customers)
        case .events: .measure(.events)
        case .orders: .measure(.orders)
        case .revenue: .measure(.revenue)
        case .returns: .measure(.returns)
        case .active: .measure(.active)
        case .impressions: .measure(.impressions)
        case .clicks: .measure(.clicks)
        case .spend: .measure(.spend)
        case .avg_order: .ratio(.revenue, over: .orders, percent: false)
        case .orders_per_customer: .ratio(.orders, over: .customers, percent: false)
        case .repeat_rate: .ratio(.repeaters, over: .purchasers, percent: true)
        case .conversion_rate: .ratio(.purchasers, over: .customers, percent: true)
        case .engagement: .ratio(.engagementEvents, over: .active, percent: false)
        case .churn_rate: .ratio(.churnedByAsOf, over: .buyersByAsOf, percent: true)
        case .ctr: .ratio(.clicks, over: .impressions, percent: true)
        case .cpa: .ratio(.spend, over: .newPayingCustomers, percent: false)
        case .ltv: .runningRatio(.revenue, over: .customers)
        case .time_to_purchase: .medianDaysToFirstPurchase
        case .stage_share, .transitions: .ownTable
        case .dau: .meanActives(.day)
        case .wau: .meanActives(.week)
        case .mau: .meanActives(.month)
        case .dau_mau: .dailyOverMonthlyActives
        case .cpc: .ratio(.spend, over: .clicks, percent: false)
        case .orders_per_buyer: .ratio(.orders, over: .purchasers, percent: false)
        case .median_order: .median(.orderValue)
        case .days_between_orders: .median(.daysBetweenOrders)
        case .open_rate: .ratio(.opens, over: .delivered, percent: true)
        case .median_revenue_per_customer: .customerMedian(.revenuePerCustomer)
        case .median_revenue_per_buyer: .customerMedian(.revenuePerBuyer)
        case .median_orders_per_buyer: .customerMedian(.ordersPerBuyer)
        }
    }
}

/// The values a median metric takes the middle of (`MetricDefinition.median`).
public enum OrderSample: String, Hashable, Sendable {
    /// One per purchase event in scope: its amount, a missing amount counting as 0 (`median_order`).
    case orderValue
    /// One per pair of consecutive orders of a customer, both in scope: the days from the earlier to the
    /// later (their first rows), in the group of the later (`days_between_orders`).
    case daysBetweenOrders
}

/// The value per customer a per-customer median takes the middle of (`MetricDefinition.customerMedian`).
public enum CustomerSample: String, Hashable, Sendable, CaseIterable {
    /// Their revenue in scope, for every customer `customers` counts: one who did not buy adds 0, as in
    /// `ltv` (revenue / customers), so the pair `ltv`, `median_revenue_per_customer` compares like with like.
    case revenuePerCustomer
    /// Their revenue in scope, for the customers with an order in scope (`purchasers`).
    case revenuePerBuyer
    /// Their orders in scope, for the customers with an order in scope (as `orders_per_buyer`).
    case ordersPerBuyer

    /// True when only the customers with an order in scope (in the group) add a value.
    public var buyersOnly: Bool { self != .revenuePerCustomer }
    /// True when the value is the customer's orders, else their revenue.
    public var countsOrders: Bool { self == .ordersPerBuyer }
}
