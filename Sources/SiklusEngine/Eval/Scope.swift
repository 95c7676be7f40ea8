import SiklusLanguage
import SiklusStore

/// What a pipeline is looking at after its source and its `stage`/`where` steps: a set of customers
/// and, when narrowed, which of their event rows count.
struct Scope: @unchecked Sendable {
    /// In-scope customer codes, ascending.
    var customers: [Int32]
    /// `rowMask[r]` is true when event row `r` is in scope; nil means every row of an in-scope customer.
    var rowMask: [Bool]?
    /// The cohort grouping of a `cohort by …` source.
    var grouping: Dimension?

    @inline(__always)
    func includes(_ row: Int) -> Bool { rowMask?[row] ?? true }

    /// Every customer (`cohort` with no filter) or those passing the cohort filters.
    static func cohort(_ filter: Predicate?, _ context: EvalContext) -> Scope {
        let n = context.customerCount
        guard let filter else { return Scope(customers: (0..<Int32(n)).map { $0 }) }
        let parts = Parallel.balancedRanges(n)
        let kept = Parallel.map(parts.count) { k in
            var kept: [Int32] = []
            if let bounds = filter.customerTimes {
                for c in parts[k] where bounds.contains(c) { kept.append(Int32(c)) }
            } else {
                for c in parts[k] where filter.test(Int32(c), -1) { kept.append(Int32(c)) }
            }
            return kept
        }
        return Scope(customers: kept.flatMap { $0 })
    }

    /// Customers with at least one event (`events`).
    static func allEvents(_ context: EvalContext) -> Scope {
        let events = context.store.events
        return Scope(customers: (0..<Int32(context.customerCount)).filter { !events.rows(of: $0).isEmpty })
    }

    /// Keeps rows passing `keepRow` and the customers that still have one. Customers are split across cores;
    /// each writes only its own rows of the mask.
    mutating func narrowRows(_ context: EvalContext, _ keepRow: @escaping (Int32, Int) -> Bool) {
        let events = context.store.events
        var mask = [Bool](repeating: false, count: events.count)
        let old = rowMask
        let list = customers
        let parts = Parallel.ranges(list.count, minimumPerPart: 2048)
        let kept: [[Int32]] = mask.withUnsafeMutableBufferPointer { buffer in
            let out = SendableBox(buffer)
            return Parallel.map(parts.count) { k in
                var kept: [Int32] = []
                for i in parts[k] {
                    let c = list[i]
                    var any = false
                    for r in events.rows(of: c) where (old?[r] ?? true) && keepRow(c, r) {
                        out.value[r] = true
                        any = true
                    }
                    if any { kept.append(c) }
                }
                return kept
            }
        }
        customers = kept.flatMap { $0 }
        rowMask = mask
    }

    /// Keeps customers passing `keep` (their rows stay as they were).
    mutating func narrowCustomers(_ keep: (Int32) -> Bool) {
        customers = customers.filter(keep)
    }

    /// `stage <name>`: that stage's events, and the customers who have one. For churn: customers
    /// churned as of `as_of` (explicitly or by inactivity), with their churn events.
    mutating func keepStage(_ stage: Stage, _ context: EvalContext) {
        let classifier = StageClassifier(context)
        if stage == .lapsed { return keepLapsed(context) }
        if stage == .churn {
            let state = LifecycleState(context)
            let asOf = context.asOf
            narrowCustomers { state.isChurned($0, at: asOf) }
            let keepCustomers = customers
            let ts = context.store.events.ts
            narrowRows(context) { c, r in ts[r] <= asOf && classifier.row(r, of: c, isIn: .churn) }
            customers = keepCustomers
            return
        }
        narrowRows(context) { c, r in classifier.row(r, of: c, isIn: stage) }
    }

    /// `where <condition>`.
    mutating func keep(where predicate: Predicate, _ context: EvalContext) {
        if predicate.isCustomerLevel {
            narrowCustomers { predicate.test($0, -1) }
        } else {
            narrowRows(context, predicate.test)
        }
    }
}
