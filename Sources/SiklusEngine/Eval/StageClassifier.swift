import SiklusStore

/// Which stage an event row belongs to, given the stage map and each customer's first purchase.
struct StageClassifier: @unchecked Sendable {
    let events: EventTable
    let classes: EventClasses
    let firstPurchaseRow: [Int32]
    /// `OrderIndex` flags per row, empty without an order column.
    let orderFlags: [UInt8]

    init(_ context: EvalContext) {
        events = context.store.events
        classes = context.classes
        firstPurchaseRow = context.facts.firstPurchaseRow
        orderFlags = context.facts.orderFlags
    }

    /// Whether purchase row `r` is (part of) the customer's first purchase: the first purchase row, or
    /// with an order column every row of the first order. Nil for a row of a return, which is in no stage.
    @inline(__always)
    func isFirstPurchase(customer c: Int32, row r: Int) -> Bool? {
        if orderFlags.isEmpty { return Int32(r) == firstPurchaseRow[Int(c)] }
        let f = orderFlags[r]
        if f & OrderIndex.inReturn != 0 { return nil }
        return f & OrderIndex.inFirstOrder != 0
    }

    /// The row's stage, or nil for events in no stage.
    @inline(__always)
    func stage(customer c: Int32, row r: Int) -> Stage? {
        let flags = classes[events.event[r]]
        if flags == 0 { return nil }
        if flags & EventClasses.purchase != 0 {
            guard let first = isFirstPurchase(customer: c, row: r) else { return nil }
            return first ? .purchase : .retention
        }
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
        case .purchase: return flags & EventClasses.purchase != 0 && isFirstPurchase(customer: c, row: r) == true
        case .retention:
            return flags & EventClasses.engagement != 0 || (flags & EventClasses.purchase != 0 && isFirstPurchase(customer: c, row: r) == false)
        default: return flags & EventClasses.bit(stage) != 0
        }
    }
}
