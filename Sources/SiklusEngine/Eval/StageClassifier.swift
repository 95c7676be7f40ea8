import SiklusStore

/// Which stage an event row belongs to, given the stage map and each customer's first purchase.
struct StageClassifier: @unchecked Sendable {
    let events: EventTable
    let classes: EventClasses
    let firstPurchaseRow: [Int32]

    init(_ context: EvalContext) {
        events = context.store.events
        classes = context.classes
        firstPurchaseRow = context.facts.firstPurchaseRow
    }

    /// The row's stage, or nil for events in no stage.
    @inline(__always)
    func stage(customer c: Int32, row r: Int) -> Stage? {
        let flags = classes[events.event[r]]
        if flags == 0 { return nil }
        if flags & EventClasses.purchase != 0 { return Int32(r) == firstPurchaseRow[Int(c)] ? .purchase : .retention }
        if flags & EventClasses.engagement != 0 { return .retention }
        if flags & EventClasses.awareness != 0 { return .awareness }
        if flags & EventClasses.education != 0 { return .education }
        if flags & EventClasses.consideration != 0 { return .consideration }
        if flags & EventClasses.advocacy != 0 { return .advocacy }
        return .churn
    }

    /// True when row `r` of customer `c` is in `stage`.
    @inline(__always)
    func row(_ r: Int, of c: Int32, isIn stage: Stage) -> Bool {
        let flags = classes[events.event[r]]
        switch stage {
        case .purchase: return Int32(r) == firstPurchaseRow[Int(c)]
        case .retention:
            return flags & EventClasses.engagement != 0 || (flags & EventClasses.purchase != 0 && Int32(r) != firstPurchaseRow[Int(c)])
        default: return flags & EventClasses.bit(stage) != 0
        }
    }
}
