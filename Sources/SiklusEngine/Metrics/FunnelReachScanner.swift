import SiklusLanguage
import SiklusStore

/// One customer at a time, the best attempt of a funnel over the customer's rows in scope: the rows'
/// step masks, then `FunnelAnalysis.furthest` (or `FunnelExclusionAttempts` with exclusions). Scratch
/// arrays are reused across customers, so a scan allocates nothing per customer.
struct FunnelReachScanner {
    let plan: FunnelPlan
    private let masks: StepMasks
    private let offsets: [Int]
    private let ts: [Int64]
    private let rowMask: [Bool]?
    private var times: [Int64] = [], steps: [UInt32] = []
    /// The store row of each entry of `times`, for `row(ofStep:)`.
    private var storeRows: [Int] = []
    private var attempt: [Int64]
    private var sweep = OrderedSweep()
    private var excluding: FunnelExclusionAttempts?
    /// The last scanned customer's best attempt.
    private(set) var reach: FunnelAnalysis.Reach

    init(_ plan: FunnelPlan, scope: Scope, _ context: EvalContext) {
        self.plan = plan
        masks = StepMasks(plan, context)
        offsets = context.store.events.offsets
        ts = context.store.events.ts
        rowMask = scope.rowMask
        reach = FunnelAnalysis.Reach(level: 0, times: Array(repeating: 0, count: plan.steps.count))
        attempt = reach.times
        excluding = plan.exclusions.isEmpty ? nil : FunnelExclusionAttempts(plan)
    }

    /// Scans customer `c`; `reach` then holds their best attempt. Returns its level (0: never entered).
    /// - Complexity: O(r) for the customer's r rows, plus the attempts' cost (`FunnelAnalysis.furthest`).
    mutating func scan(_ c: Int32) -> Int {
        times.removeAll(keepingCapacity: true)
        steps.removeAll(keepingCapacity: true)
        storeRows.removeAll(keepingCapacity: true)
        reach.level = 0
        for r in offsets[Int(c)]..<offsets[Int(c) + 1] {
            if let rowMask, !rowMask[r] { continue }
            let m = masks.mask(customer: c, row: r)
            if m != 0 { times.append(ts[r]); steps.append(m); storeRows.append(r) }
        }
        guard !times.isEmpty else { return 0 }
        if excluding != nil {
            excluding?.furthest(times: times, steps: steps, window: plan.window, order: plan.order, best: &reach)
        } else {
            FunnelAnalysis.furthest(times: times, steps: steps, stepCount: plan.steps.count, window: plan.window, order: plan.order,
                                    best: &reach, attempt: &attempt, sweep: &sweep)
        }
        return reach.level
    }

    /// The store row whose label groups the last scanned customer in a split funnel (nil: none, as
    /// `attribution step N` beyond their furthest step); see `FunnelSplitTable.attributedPosition`.
    func attributedRow(_ attribution: FunnelAttribution) -> Int? {
        FunnelSplitTable.attributedPosition(reach.rows, level: reach.level, attribution, order: plan.order).map { storeRows[$0] }
    }
}

/// `funnel … | dropped N`: the customers in scope whose best attempt reaches step N and not N + 1.
enum FunnelDropOff {
    /// The kept customers' codes, in scope order.
    /// - Complexity: one funnel scan of the scope (as `FunnelAnalysis.build`), split across cores.
    static func customers(_ plan: FunnelPlan, step n: Int, scope: Scope, _ context: EvalContext) throws(Diagnostic) -> Set<Int32> {
        Set(try FunnelReachScanner.collect(plan, scope: scope, context) { scanner, c in scanner.scan(c) == n ? c : nil })
    }
}

extension FunnelReachScanner {
    /// Scans every customer in scope, split across cores, keeping what `visit` returns after each scan.
    /// - Complexity: one funnel scan of the scope.
    static func collect<T>(_ plan: FunnelPlan, scope: Scope, _ context: EvalContext,
                           _ visit: (inout FunnelReachScanner, Int32) -> T?) throws(Diagnostic) -> [T] {
        let list = scope.customers
        let parts = Parallel.ranges(list.count, minimumPerPart: 8192)
        let cancelled = context.isCancelled
        let kept: [[T]] = Parallel.map(parts.count) { k in
            var scanner = FunnelReachScanner(plan, scope: scope, context)
            var out: [T] = []
            for (count, i) in parts[k].enumerated() {
                if count & 0xFFF == 0 && cancelled() { break }
                if let value = visit(&scanner, list[i]) { out.append(value) }
            }
            return out
        }
        try context.checkCancelled()
        return Array(kept.joined())
    }
}

/// `funnel … | histogram`: the converting customers' times from the first step to the last.
enum FunnelConversionTimes {
    /// Each conversion time in seconds with its number of customers, binned by `FunnelHistogramTable`.
    /// - Complexity: one funnel scan of the scope, then O(c log c) for c converters.
    static func histogram(_ plan: FunnelPlan, scope: Scope, _ context: EvalContext, title: ResultTitle) throws(Diagnostic) -> ResultTable {
        let n = plan.steps.count
        let times = try FunnelReachScanner.collect(plan, scope: scope, context) { scanner, c -> Int64? in
            guard scanner.scan(c) == n else { return nil }
            // Any order: from the attempt's earliest step to its latest.
            let reached = scanner.reach.times[0..<n]
            return plan.order == .anyOrder ? (reached.max() ?? 0) - (reached.min() ?? 0) : reached[n - 1] - reached[0]
        }
        var counts: [Int64: Int64] = [:]
        for t in times { counts[t, default: 0] += 1 }
        let distribution = counts.sorted { $0.key < $1.key }.map { (seconds: $0.key, customers: $0.value) }
        return FunnelHistogramTable.table(distribution, title: title)
    }
}
