import SiklusStore

/// A customer's lifecycle state at a moment: the furthest stage reached, or churn.
///
/// Churned means either the customer's latest activity is a churn event (cancel, unsubscribe), or the
/// customer has purchased and then shown no (non-churn) event for `churn_after`.
struct LifecycleState: @unchecked Sendable {
    let events: EventTable
    let classifier: StageClassifier
    let classes: EventClasses
    let facts: CustomerFacts
    let churnAfter: Int64

    init(_ context: EvalContext) {
        events = context.store.events
        classifier = StageClassifier(context)
        classes = context.classes
        facts = context.facts
        churnAfter = context.settings.churnAfter
    }

    /// Index after the last row of customer `c` at or before `moment`.
    @inline(__always)
    func end(of c: Int32, at moment: Int64) -> Int {
        let rows = events.rows(of: c)
        if rows.isEmpty || events.ts[rows.upperBound - 1] <= moment { return rows.upperBound }
        var lo = rows.lowerBound, hi = rows.upperBound
        while lo < hi {
            let mid = (lo + hi) / 2
            if events.ts[mid] <= moment { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Whether customer `c` is churned at `moment`: their latest event (by time, then file order) is a churn
    /// event, or they have purchased and their latest event is more than `churn_after` old.
    func isChurned(_ c: Int32, at moment: Int64) -> Bool {
        guard let last = latestRow(of: c, at: moment) else { return false }
        if classes[events.event[last]] & EventClasses.churn != 0 { return true }
        let purchased = facts.firstPurchase[Int(c)] != CustomerFacts.none && facts.firstPurchase[Int(c)] <= moment
        return purchased && moment - events.ts[last] > churnAfter
    }

    /// The customer's stage at `moment`: churn, else lapsed (`isLapsed`), else the furthest journey stage of
    /// any event so far; nil when the customer has no staged event yet.
    func stage(_ c: Int32, at moment: Int64) -> Stage? {
        if isChurned(c, at: moment) { return .churn }
        var best: Stage?
        for r in events.rows(of: c).lowerBound..<end(of: c, at: moment) {
            guard let s = classifier.stage(customer: c, row: r), s != .churn else { continue }
            if best == nil || s > best! { best = s; if s == .advocacy { break } }
        }
        if best != nil, isLapsed(c, at: moment) { return .lapsed }
        return best
    }
}
