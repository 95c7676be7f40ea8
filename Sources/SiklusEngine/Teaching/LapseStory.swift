import SiklusLanguage
import SiklusStore

/// Why a customer is lapsed as of as_of, in words: the rule of `LifecycleState.isLapsed` told for one
/// customer, as `ChurnStory` tells churn.
enum LapseStory {
    /// `never bought by as_of; last event visit 2023-01-02, 363 days before as_of, more than churn_after (90
    /// days), so lapsed`.
    static func text(_ customer: ExampleCustomer) -> String {
        let context = customer.context
        let events = context.store.events
        guard let last = customer.allRows.last(where: { events.ts[$0] <= context.asOf }) else { return MessageCatalog.text("example.lapse_no_event") }
        let gap = context.asOf - events.ts[last]
        return MessageCatalog.text("example.lapse_story", ["event": customer.describe(last), "gap": ExampleCustomer.days(gap),
                                                          "churn_after": ExampleCustomer.days(context.settings.churnAfter)])
    }
}
