import SiklusStore

/// Whether a customer is churned as of as_of, and why, in words: the rule of `LifecycleState.isChurned`
/// told for one customer.
struct ChurnStory {
    /// The engine's verdict.
    let churned: Bool
    /// True when the customer had bought by as_of (only buyers count in `churn_rate`).
    let bought: Bool
    /// Why, ending in the verdict: `bought 2022-02-02; last event login 2023-01-02, 363 days before
    /// as_of, more than churn_after (90 days), so churned`.
    let text: String

    init(customer: ExampleCustomer) {
        let context = customer.context
        let asOf = context.asOf, events = context.store.events
        let firstPurchase = context.facts.firstPurchase[Int(customer.code)]
        churned = LifecycleState(context).isChurned(customer.code, at: asOf)
        bought = firstPurchase != CustomerFacts.none && firstPurchase <= asOf
        let rows = customer.allRows.filter { events.ts[$0] <= asOf }
        guard let last = rows.last else {
            text = "no event by as_of, so not churned"
            return
        }
        if customer.isChurnEvent(last) {
            text = "latest event \(customer.describe(last)) is a churn event, so churned"
            return
        }
        guard bought else {
            text = "never bought, latest event \(customer.describe(last)), so not churned"
            return
        }
        let gap = asOf - events.ts[last]
        let limit = ExampleCustomer.days(context.settings.churnAfter)
        let since = "bought \(CivilTime.formatDate(firstPurchase)); last event \(customer.describe(last)), \(ExampleCustomer.days(gap)) before as_of"
        text = since + (churned ? ", more than churn_after (\(limit)), so churned" : ", within churn_after (\(limit)), so not churned")
    }
}
