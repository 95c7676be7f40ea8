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

    /// `window`: `churn_rate within <window>`, judged at first purchase + window (in the base only when that is by as_of).
    init(customer: ExampleCustomer, window: Int64? = nil) {
        let context = customer.context
        let events = context.store.events
        let firstPurchase = context.facts.firstPurchase[Int(customer.code)]
        let moment = ChurnWindow.moment(firstPurchase: firstPurchase, window: window, asOf: context.asOf)
        // The moment the verdict is taken at, and its name in the text.
        let asOf = moment ?? context.asOf
        let asOfName = window == nil || moment == nil ? "as_of" : "first purchase + window (\(CivilTime.formatDate(asOf)))"
        churned = moment.map { LifecycleState(context).isChurned(customer.code, at: $0) } ?? false
        bought = moment != nil
        if window != nil, moment == nil {
            text = firstPurchase == CustomerFacts.none || firstPurchase > context.asOf ? "never bought by as_of, so not counted"
                : "bought \(CivilTime.formatDate(firstPurchase)), and first purchase + window ends after as_of, so not counted"
            return
        }
        let rows = customer.allRows.filter { events.ts[$0] <= asOf }
        guard let last = rows.last else {
            text = "no event by \(asOfName), so not churned"
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
        let since = "bought \(CivilTime.formatDate(firstPurchase)); last event \(customer.describe(last)), \(ExampleCustomer.days(gap)) before \(asOfName)"
        text = since + (churned ? ", more than churn_after (\(limit)), so churned" : ", within churn_after (\(limit)), so not churned")
    }
}
