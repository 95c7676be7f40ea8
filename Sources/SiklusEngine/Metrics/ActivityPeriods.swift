import SiklusLanguage
import SiklusStore

/// Each customer's active periods for `lifecycle` and `stickiness`: the distinct periods of their in-scope
/// rows at or before as_of that count as activity (any event, purchases — a return's rows excepted — or one
/// event), in ascending order. One test on the event code per row, no closure.
struct ActivityPeriods: @unchecked Sendable {
    private let anyEvent: Bool
    private let code: Int32
    private let flags: UInt8
    private let classFlags: [UInt8]
    private let returnRows: [UInt8]
    private let events: EventTable
    private let rowMask: [Bool]?
    private let asOf: Int64
    private let table: PeriodTable

    init(_ activity: RetentionPlan.Activity, unit: PeriodUnit, scope: Scope, _ context: EvalContext) {
        switch activity {
        case .purchase: (anyEvent, code, flags) = (false, -2, EventClasses.purchase)
        case .any: (anyEvent, code, flags) = (true, -2, 0)
        case .event(let c): (anyEvent, code, flags) = (false, c, 0)
        case .stage: preconditionFailure("lifecycle and stickiness bind `on` to purchase, any or an event, never a stage")
        }
        classFlags = context.classes.flags
        returnRows = flags == EventClasses.purchase ? context.facts.orderFlags : []
        events = context.store.events
        rowMask = scope.rowMask
        asOf = context.asOf
        table = context.periodTable(unit)
    }

    /// The period number of a time.
    func index(_ t: Int64) -> Int64 { table.index(t) }

    /// Replaces `periods` with customer `c`'s active periods, ascending and distinct.
    /// - Complexity: O(the customer's rows).
    func collect(_ c: Int32, into periods: inout [Int64]) {
        periods.removeAll(keepingCapacity: true)
        let ts = events.ts, codes = events.event
        for r in events.rows(of: c) {
            if let rowMask, !rowMask[r] { continue }
            guard ts[r] <= asOf else { break }
            let e = codes[r]
            guard anyEvent || e == code || (e >= 0 && classFlags[Int(e)] & flags != 0) else { continue }
            if !returnRows.isEmpty, returnRows[r] & OrderIndex.inReturn != 0 { continue }
            let p = table.index(ts[r])
            if periods.last != p { periods.append(p) }
        }
    }
}
