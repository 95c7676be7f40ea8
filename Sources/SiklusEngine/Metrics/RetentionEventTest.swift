import SiklusStore

/// Which event rows are retention's start or return activity (`purchase`, `any`, an event, a stage), as
/// a test on the row's event code without a closure per row. Returns of an order are never purchase
/// activity; only in-scope rows up to as_of count.
struct RetentionEventTest: @unchecked Sendable {
    private let code: Int32, flags: UInt8, anyEvent: Bool
    private let stage: Stage?
    private let classifier: StageClassifier
    private let returnRows: [UInt8]
    private let classFlags: [UInt8], eventCodes: [Int32], ts: [Int64]
    private let mask: [Bool]?
    private let asOf: Int64

    init(_ activity: RetentionPlan.Activity, scope: Scope, _ context: EvalContext) {
        var stage: Stage?
        switch activity {
        case .purchase: (code, flags, anyEvent) = (-2, EventClasses.purchase, false)
        case .any: (code, flags, anyEvent) = (-2, 0, true)
        case .event(let c): (code, flags, anyEvent) = (c, 0, false)
        case .stage(let s): (code, flags, anyEvent) = (-2, 0, false); stage = s
        }
        self.stage = stage
        classifier = StageClassifier(context)
        returnRows = flags == EventClasses.purchase ? context.facts.orderFlags : []
        classFlags = context.classes.flags
        eventCodes = context.store.events.event
        ts = context.store.events.ts
        mask = scope.rowMask
        asOf = context.asOf
    }

    /// True when row `r` of customer `c` is activity.
    @inline(__always)
    func matches(_ r: Int, of c: Int32) -> Bool {
        if let mask, !mask[r] { return false }
        if let stage { return ts[r] <= asOf && classifier.row(r, of: c, isIn: stage) }
        // The event before the time: most rows are not activity, and their times need not be read.
        let e = eventCodes[r]
        guard anyEvent || e == code || (e >= 0 && classFlags[Int(e)] & flags != 0) else { return false }
        return ts[r] <= asOf && (returnRows.isEmpty || returnRows[r] & OrderIndex.inReturn == 0)
    }
}
