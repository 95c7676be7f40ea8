/// Every metric Siklus computes, with its unit, exact formula, structure (`definition`) and an example: the
/// one place `help metric`, `explain`, docs/LANGUAGE.md, the in-memory evaluator and the SQL compiler take
/// their definitions from.
public enum Metric: String, Sendable, CaseIterable {
    case customers, events, orders, revenue, returns
    case avg_order, orders_per_customer, repeat_rate, conversion_rate, time_to_purchase, ltv
    case active, engagement, churn_rate
    case dau, wau, mau, dau_mau
    case stage_share, transitions
    case impressions, clicks, ctr, spend, cpa
    case cpc, orders_per_buyer, median_order, days_between_orders, open_rate
    case median_revenue_per_customer, median_revenue_per_buyer, median_orders_per_buyer

    /// The result unit of the metric's column.
    public var unit: ValueUnit {
        switch self {
        case .customers, .events, .orders, .returns, .active, .impressions, .clicks: .count
        case .revenue, .avg_order, .ltv, .spend, .cpa: .money
        case .repeat_rate, .conversion_rate, .churn_rate, .ctr, .stage_share: .percent
        case .orders_per_customer, .engagement: .ratio
        case .dau, .wau, .mau: .ratio
        case .dau_mau: .percent
        case .time_to_purchase: .days
        case .transitions: .count
        case .cpc, .median_order: .money
        case .orders_per_buyer: .ratio
        case .days_between_orders: .days
        case .open_rate: .percent
        case .median_revenue_per_customer, .median_revenue_per_buyer: .money
        case .median_orders_per_buyer: .ratio
        }
    }

    /// Reads the spend table (one of its measures does).
    package var needsSpend: Bool { definition.measures.contains(where: \.readsSpend) }

    /// Produces a table of its own shape, so it must be the only metric of its step.
    package var hasOwnShape: Bool { definition == .ownTable }

    /// One line: what the metric answers.
    public var summary: String {
        switch self {
        case .customers: "customers in scope"
        case .events: "events in scope"
        case .orders: "purchase events in scope"
        case .revenue: "money from purchases in scope"
        case .returns: "returned or cancelled orders in scope (line-item data)"
        case .avg_order: "average order value"
        case .orders_per_customer: "purchase frequency: orders per customer"
        case .repeat_rate: "share of buyers who bought again"
        case .conversion_rate: "share of customers who bought"
        case .time_to_purchase: "median days from first touch to first purchase"
        case .ltv: "revenue per customer (lifetime value so far)"
        case .active: "customers with at least one event in scope"
        case .engagement: "engagement events per active customer"
        case .churn_rate: "share of buyers who have churned"
        case .dau: "daily active customers, on average"
        case .wau: "weekly active customers, on average"
        case .mau: "monthly active customers, on average"
        case .dau_mau: "stickiness ratio: average daily actives over the month's actives"
        case .stage_share: "where customers are now: share in each lifecycle stage"
        case .transitions: "how customers move between stages from one period to the next"
        case .impressions: "ad impressions bought"
        case .clicks: "ad clicks"
        case .ctr: "click-through rate of ads"
        case .spend: "marketing spend"
        case .cpa: "cost per acquisition: spend per new paying customer"
        case .cpc: "cost per click: spend per ad click"
        case .orders_per_buyer: "orders per customer who bought"
        case .median_order: "median order value (the middle order, which a few large orders do not pull up)"
        case .days_between_orders: "median days between a customer's consecutive orders"
        case .open_rate: "email open rate: opens per email delivered"
        case .median_revenue_per_customer: "median revenue per customer: the middle customer's revenue, non-buyers counting as 0 (ltv's median)"
        case .median_revenue_per_buyer: "median revenue per buyer: what the middle buyer spent, which a few big spenders do not pull up"
        case .median_orders_per_buyer: "median orders per buyer: how many times the middle buyer bought"
        }
    }

    /// The exact formula, in words (scope = the customers and events left after the source, `stage` and `where`).
    public var formula: String {
        switch self {
        case .customers: "count of distinct customers in scope (for event-level groups such as `by month`: customers with an event in the group)"
        case .events: "count of events in scope"
        case .orders: "count of purchase events in scope"
        case .revenue: "sum of amount over purchase events in scope (missing amounts count as 0)"
        case .returns: "with an order column, count of returns in scope: orders whose id is C followed by digits while every other id is all digits (cancellations), or whose rows all have a negative amount; 0 without an order column"
        case .avg_order: "revenue / orders"
        case .orders_per_customer: "orders / customers"
        case .repeat_rate: "customers with >= 2 purchase events in scope / customers with >= 1, as %"
        case .conversion_rate: "customers with >= 1 purchase event in scope / customers in scope, as %"
        case .time_to_purchase: "median over customers who purchased of (first purchase time - first event time), in days; uses each customer's whole history; grouped by a column of the events, a buyer counts in each group holding one of their purchases in scope"
        case .ltv: "revenue / customers; with a time dimension (`by month`), cumulative revenue up to each period / the customers of its group"
        case .active: "customers with >= 1 event in scope"
        case .engagement: "engagement events (the retention stage's non-purchase events: email_open, login, app_open) in scope / active customers"
        case .churn_rate: "customers churned as of as_of / customers who purchased by as_of, as %; churned = latest activity is a churn event (cancel, unsubscribe) or no event for churn_after after purchasing"
        case .dau: "customers with >= 1 event in scope on a day, summed over the days of the active range / the number of those days; the active range runs from a `where ts >=` bound (else the first day with an event) to as_of (or a `where ts <` bound), within the group's period under a time dimension; empty when no customer of the group is active in it"
        case .wau: "as dau, per week (set week_start): customers with >= 1 event in scope in a week, summed over the weeks of the active range / the number of those weeks"
        case .mau: "as dau, per month: customers with >= 1 event in scope in a month, summed over the months of the active range / the number of those months"
        case .dau_mau: "mean over the months of the active range in which the group has active customers of (customers active on a day, summed over the days of that month in the range / those days) / customers active in that month, as %"
        case .stage_share: "customers whose current stage (as of as_of: churn, else lapsed for those who never bought and have shown no event for churn_after, else the furthest stage reached) is each stage / customers with a stage, as %"
        case .transitions: "for each pair of consecutive periods (set period), customers in stage A at the end of p and in stage B at the end of p+1"
        case .impressions: "sum of spend.impressions in the group's period and channel"
        case .clicks: "sum of spend.clicks in the group's period and channel"
        case .ctr: "clicks / impressions, as %"
        case .spend: "sum of spend.spend in the group's period and channel"
        case .cpa: "spend / customers in scope whose first purchase falls in the period (the spend table's span without a time dimension), per acquisition channel (customers.channel, else the channel of the first event)"
        case .cpc: "spend / clicks, both from the spend table in the group's period and channel"
        case .orders_per_buyer: "orders / customers with >= 1 purchase event in scope"
        case .median_order: "median over purchase events in scope of amount (missing amounts count as 0; for an even count the mean of the two middle values); refused with an order column"
        case .days_between_orders: "median over every pair of consecutive purchase events of a customer, both in scope, of the days between them (pooled over customers: a customer with more orders adds more gaps); grouped by a column of the events, a gap counts in the group of its later purchase"
        case .open_rate: "opens / delivered, both from the spend table (email campaigns) in the group's period and channel, as %"
        case .median_revenue_per_customer: "median over customers in scope of their revenue in scope (sum of amount over their purchase events in scope; a customer who did not buy counts as 0, as in ltv = revenue / customers; for an even count the mean of the two middle values); grouped by a column of the events, over the customers with an event in the group, of their revenue in the group"
        case .median_revenue_per_buyer: "median over customers with >= 1 purchase event in scope of their revenue in scope (sum of amount over their purchase events in scope; for an even count the mean of the two middle values); grouped by a column of the events, over the customers with a purchase event in the group, of their revenue in the group"
        case .median_orders_per_buyer: "median over customers with >= 1 purchase event in scope of their purchase events in scope (as orders_per_buyer; for an even count the mean of the two middle values); grouped by a column of the events, of their purchase events in the group"
        }
    }

    /// The formula when the events have an order column (line items), for the metrics whose meaning
    /// changes then; nil for the others (their `formula` holds either way).
    public var orderFormula: String? {
        switch self {
        case .orders: "count of orders in scope: distinct (customer, order id) among purchase rows, returns left out, each counted at its earliest row"
        case .revenue: "sum of amount over purchase rows in scope (missing amounts count as 0): net, a return's negative rows included"
        case .repeat_rate: "customers with >= 2 orders in scope / customers with >= 1, as %"
        case .conversion_rate: "customers with >= 1 order in scope / customers in scope, as %"
        case .orders_per_buyer: "orders / customers with >= 1 order in scope"
        case .days_between_orders: "median over every pair of consecutive orders of a customer, both in scope, of the days between their first rows (pooled over customers); grouped by a column of the events, a gap counts in the group of its later order"
        case .median_revenue_per_customer: "median over customers in scope of their net revenue in scope (sum of amount over their purchase rows in scope, a return's negative rows included; a customer with no order counts as 0 or their returns' negative sum; for an even count the mean of the two middle values); grouped by a column of the events, over the customers with an event in the group"
        case .median_revenue_per_buyer: "median over customers with >= 1 order in scope of their net revenue in scope (sum of amount over their purchase rows in scope, a return's negative rows included; for an even count the mean of the two middle values); grouped by a column of the events, over the customers with an order in the group"
        case .median_orders_per_buyer: "median over customers with >= 1 order in scope of their orders in scope (for an even count the mean of the two middle values); grouped by a column of the events, of their orders in the group"
        default: nil
        }
    }

    /// The formula that applies to the loaded data: `orderFormula` when the events have an order column.
    public func formula(orderLevel: Bool) -> String { orderLevel ? orderFormula ?? formula : formula }

    /// An example query.
    public var example: String {
        switch self {
        case .customers: "cohort signup=2022-09 | stage purchase | metric customers"
        case .events: "events | by stage | metric events, customers"
        case .orders, .revenue: "events | by month | metric orders, revenue"
        case .returns: "events | by month | metric orders, returns, revenue"
        case .avg_order: "cohort signup=2022-09 | stage retention | metric avg_order"
        case .orders_per_customer: "cohort by signup period quarter | metric orders_per_customer"
        case .repeat_rate: "cohort by channel | metric repeat_rate"
        case .conversion_rate: "cohort by channel | metric conversion_rate"
        case .time_to_purchase: "cohort by channel | metric time_to_purchase"
        case .ltv: "cohort signup=2022-09 | by month | metric ltv"
        case .active, .engagement: "events | by month | metric active, engagement"
        case .churn_rate: "cohort by signup period quarter | metric churn_rate"
        case .dau, .wau, .mau, .dau_mau: "events | by month | metric dau, wau, mau, dau_mau"
        case .stage_share: "cohort | metric stage_share"
        case .transitions: "cohort | metric transitions"
        case .impressions, .clicks, .ctr: "events | by channel | metric impressions, clicks, ctr"
        case .spend, .cpa: "events | by month, channel | metric spend, cpa"
        case .cpc: "events | by channel | metric spend, clicks, cpc"
        case .orders_per_buyer: "cohort by channel | metric orders_per_customer, orders_per_buyer"
        case .median_order: "cohort by channel | metric avg_order, median_order"
        case .days_between_orders: "cohort by signup period quarter | metric days_between_orders"
        case .open_rate: "events | where channel = email | by month | metric open_rate"
        case .median_revenue_per_customer, .median_revenue_per_buyer: "cohort by channel | metric ltv, median_revenue_per_customer, median_revenue_per_buyer"
        case .median_orders_per_buyer: "cohort by channel | metric orders_per_buyer, median_orders_per_buyer"
        }
    }

    /// True when the formula reads the events' amount column, itself (`revenue`: "sum of amount …") or
    /// through a metric it names (`avg_order`: "revenue / orders"): such a metric is meaningless without
    /// amounts (0.00 would look like a real answer). Derived from `formula`, so the catalog stays the one
    /// place that defines what a metric reads. Only money metrics count: `returns` mentions amounts (a
    /// return may be an order whose rows are all negative) but still counts cancellations without them.
    package var readsAmount: Bool { Self.amountReaders.contains(self) }

    private static let amountReaders: Set<Metric> = Set(allCases.filter { $0.unit == .money && readsAmount($0, visiting: []) })

    private static func readsAmount(_ metric: Metric, visiting: Set<Metric>) -> Bool {
        let words = metric.formula.split { !($0.isLetter || $0 == "_" || $0 == ".") }.map { String($0) }
        if words.contains("amount") { return true }
        return words.compactMap(Metric.init(rawValue:)).contains { named in
            named != metric && !visiting.contains(named) && readsAmount(named, visiting: visiting.union([metric]))
        }
    }

    /// Metric names, for completion and "did you mean".
    public static var names: [String] { allCases.map(\.rawValue) }
}
