import SiklusLanguage

/// `lapsed` is a status of customers, not a set of events: a prospect who never bought and went silent.
///
/// At a moment T a customer is lapsed when they are not churned (their latest event up to T is no churn
/// event), have no purchase by T, have a staged event by T (else they have no stage at all), and their latest
/// event is more than `churn_after` before T: the inactivity rule of churn, for those who never bought. A new
/// event ends it (they are back in their furthest stage). So a step, a current stage and a transition can be
/// `lapsed`, while the places that match events (a funnel step, retention's `on`/`start`, `by stage`, a stage
/// edit) refuse it.
extension Stage {
    /// False for `lapsed`, the one stage no event belongs to.
    public var hasEvents: Bool { self != .lapsed }

    /// Throws at `span` when the stage has no events (`lapsed`), for the places that match events by stage.
    package func checkHasEvents(at span: SourceSpan?) throws(Diagnostic) {
        guard !hasEvents else { return }
        throw Diagnostic(MessageCatalog.text("stage.lapsed_no_events"), at: span, hints: [MessageCatalog.text("stage.lapsed_no_events_hint")])
    }
}
