import SiklusLanguage
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
        let asOfName = window == nil || moment == nil ? "as_of" : MessageCatalog.text("example.churn.window_moment", ["date": CivilTime.formatDate(asOf)])
        churned = moment.map { LifecycleState(context).isChurned(customer.code, at: $0) } ?? false
        bought = moment != nil
        if window != nil, moment == nil {
            text = firstPurchase == CustomerFacts.none || firstPurchase > context.asOf ? MessageCatalog.text("example.churn.never_bought")
                : MessageCatalog.text("example.churn.window_after_as_of", ["date": CivilTime.formatDate(firstPurchase)])
            return
        }
        let rows = customer.allRows.filter { events.ts[$0] <= asOf }
        guard let last = rows.last else {
            text = MessageCatalog.text("example.churn.no_event", ["moment": asOfName])
            return
        }
        if customer.isChurnEvent(last) {
            text = MessageCatalog.text("example.churn.churn_event", ["event": customer.describe(last)])
            return
        }
        guard bought else {
            text = MessageCatalog.text("example.churn.never_bought_latest", ["event": customer.describe(last)])
            return
        }
        let gap = asOf - events.ts[last]
        let limit = ExampleCustomer.days(context.settings.churnAfter)
        let arguments: KeyValuePairs<String, String> = ["bought": CivilTime.formatDate(firstPurchase), "event": customer.describe(last),
                                                     "gap": ExampleCustomer.days(gap), "moment": asOfName, "limit": limit]
        text = MessageCatalog.text(churned ? "example.churn.churned" : "example.churn.not_churned", arguments)
    }
}
