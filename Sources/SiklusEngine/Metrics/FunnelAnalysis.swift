import SiklusLanguage
import SiklusStore

/// `funnel a -> b -> c [within 30d] [strict | any order]`.
///
/// Any occurrence of step 1 may start an attempt. In the default order, each later step must occur at
/// or after the previous step (a later row of the customer's time-ordered events) and within the window
/// counted from the attempt's step-1 time; `strict` also forbids other in-scope events between steps;
/// `any order` asks that steps 1…k all occur within one window, in any order. A customer counts toward
/// the furthest step reached by any attempt (PostHog, Amplitude and Mixpanel do the same).
enum FunnelAnalysis {
    /// The furthest step (1-based; 0 = never entered), the time each step was reached in that attempt and
    /// the position of each step's row among the rows `furthest` was given (for breakdowns, which read it).
    struct Reach { var level = 0; var times: [Int64] = []; var rows: [Int] = [] }

    static func build(_ plan: FunnelPlan, scope: Scope, dimensions: [Dimension], _ context: EvalContext) throws(Diagnostic) -> ResultTable {
        if let title = plan.histogramTitle { return try FunnelConversionTimes.histogram(plan, scope: scope, context, title: title) }
        let groups = MetricTable.allDimensions(scope, dimensions)
        if plan.split != nil { return try FunnelSplitTable.build(plan, scope: scope, dimensions: dimensions, context) }
        guard groups.allSatisfy(\.isCustomerLevel) else {
            throw Diagnostic("a funnel can be split by customer dimensions only (cohort, channel, country…)", at: plan.span,
                             hints: ["a customer passes each step once; drop the event dimension (by month, by event …)"])
        }
        guard let keys = GroupKeys(groups) else {
            throw Diagnostic("too many groups for a funnel: the dimensions multiply to more than \(GroupKeys.limit)", at: plan.span,
                             hints: ["group by fewer or coarser dimensions"])
        }
        let n = plan.steps.count
        guard n <= FunnelPlan.maxSteps else { throw Diagnostic("a funnel has at most \(FunnelPlan.maxSteps) steps; this one has \(n)", at: plan.span) }
        var timer = PhaseTimer()
        let materialized = keys.materialize(scope, context)
        timer.mark("funnel: keys")
        let customerKeys = materialized.customer
        struct Partial { var reached: [Int]; var days: [[Double]] }
        let list = scope.customers
        let parts = Parallel.ranges(list.count, minimumPerPart: 8192)
        let cancelled = context.isCancelled
        let partials: [Partial] = Parallel.map(parts.count) { k in
            var p = Partial(reached: Array(repeating: 0, count: keys.count * n), days: Array(repeating: [], count: keys.count * n))
            var scanner = FunnelReachScanner(plan, scope: scope, context)
            for (count, i) in parts[k].enumerated() {
                if count & 0xFFF == 0 && cancelled() { break }
                let c = list[i]
                guard scanner.scan(c) > 0 else { continue }
                let reach = scanner.reach
                let g = customerKeys.isEmpty ? 0 : Int(customerKeys[Int(c)])
                for step in 0..<reach.level {
                    p.reached[g * n + step] += 1
                    if step > 0 {
                        let from = plan.order == .anyOrder ? reach.times[0..<reach.level].min()! : reach.times[step - 1]
                        p.days[g * n + step].append(Double(reach.times[step] - from) / Double(CivilTime.secondsPerDay))
                    }
                }
            }
            return p
        }
        try context.checkCancelled()
        timer.mark("funnel: attempts")
        defer { timer.mark("funnel: medians, table") }
        var reached = [Int](repeating: 0, count: keys.count * n)
        var days = [[Double]](repeating: [], count: keys.count * n)
        for p in partials { for i in reached.indices { reached[i] += p.reached[i]; days[i] += p.days[i] } }

        let activeGroups = (0..<keys.count).filter { g in groups.isEmpty || reached[g * n] > 0 }
        return stepTable(plan, names: groups.map(\.name), groups: activeGroups.map { (keys.labels($0), $0) }, reached: reached, days: days)
    }

    /// The step rows of `groups` (their labels and index into `reached` and `days`, which hold n cells per
    /// group), in the order given: `step, customers, from_previous, from_first, median_days` after the labels.
    static func stepTable(_ plan: FunnelPlan, names: [String], groups: [(labels: [String], index: Int)], reached: [Int], days: [[Double]]) -> ResultTable {
        let n = plan.steps.count
        var labelColumns = names.map { ($0, [String]()) }
        var step: [String] = [], customers: [Int64] = [], fromPrevious: [Double?] = [], fromFirst: [Double?] = [], median: [Double?] = []
        var cells: [Int?] = []
        for (labels, g) in groups {
            for s in 0..<n {
                for d in labelColumns.indices { labelColumns[d].1.append(labels[d]) }
                let count = reached[g * n + s], first = reached[g * n], previous = s > 0 ? reached[g * n + s - 1] : count
                step.append(plan.steps[s].name)
                customers.append(Int64(count))
                fromPrevious.append(previous > 0 ? Double(count) / Double(previous) * 100 : nil)
                fromFirst.append(first > 0 ? Double(count) / Double(first) * 100 : nil)
                median.append(s == 0 ? nil : Statistics.median(days[g * n + s]))
                cells.append(s == 0 ? nil : g * n + s)
            }
        }
        let columns = labelColumns.map { ResultColumn(name: $0.0, unit: .text, values: .text($0.1)) } + [
            ResultColumn(name: "step", unit: .text, values: .text(step)),
            ResultColumn(name: "customers", unit: .count, values: .integer(customers)),
            ResultColumn(name: "from_previous", unit: .percent, values: .number(fromPrevious)),
            ResultColumn(name: "from_first", unit: .percent, values: .number(fromFirst)),
            ResultColumn(name: "median_days", unit: .days, values: .number(median)),
        ] + (plan.quantiles ? FunnelTimeQuantiles.columns(days, cells: cells) : [])
        return ResultTable(columns: columns, shape: .funnel, title: .funnel(window: plan.window, order: plan.order))
    }

    /// The best attempt over a customer's matching rows (ascending time). `steps[i]` has bit s set when row i
    /// matches step s. Under `strict`, rows matching no step still break a sequence, so callers keep
    /// every in-scope row for strict funnels (see `StepMasks.keepsUnmatched`).
    ///
    /// Writes the result into `best` (its `times` has room for every step); `attempt` is scratch space of
    /// the same size, so no memory is allocated per customer or per attempt.
    static func furthest(times: [Int64], steps: [UInt32], stepCount n: Int, window: Int64, order: FunnelOrder,
                         best: inout Reach, attempt: inout [Int64]) {
        var sweep = OrderedSweep()
        furthest(times: times, steps: steps, stepCount: n, window: window, order: order, best: &best, attempt: &attempt, sweep: &sweep)
    }

    /// `furthest`, with the ordered funnel's scratch arrays reused across customers.
    /// - Complexity: ordered and strict O(m·n) for m rows and n steps; any order O(m·w), w the rows in one window.
    static func furthest(times: [Int64], steps: [UInt32], stepCount n: Int, window: Int64, order: FunnelOrder,
                         best: inout Reach, attempt: inout [Int64], sweep: inout OrderedSweep) {
        best.level = 0
        // Step s's row position is kept at attempt[n + s] and best.rows[s]; sized once per scratch array.
        if attempt.count < 2 * n { attempt += repeatElement(0, count: 2 * n - attempt.count) }
        if best.rows.count < n { best.rows = Array(repeating: 0, count: n) }
        if order == .ordered {
            // Attempts one by one usually finish at once (the first complete attempt ends the search); past a
            // budget of O(rows × steps) scanned rows, every attempt advances together instead.
            var budget = 2 * times.count * n + 64
            for i in times.indices where steps[i] & 1 != 0 {
                budget -= chain(from: i, times: times, steps: steps, stepCount: n, window: window, strict: false, best: &best, attempt: &attempt)
                if best.level == n { return }
                if budget < 0 { break }
            }
            guard budget < 0, let start = sweep.bestStart(times: times, steps: steps, stepCount: n, window: window) else { return }
            // Replay the winning attempt alone for its step times.
            best.level = 0
            _ = chain(from: start, times: times, steps: steps, stepCount: n, window: window, strict: false, best: &best, attempt: &attempt)
            return
        }
        if order == .anyOrder {
            // Steps the customer never matches can never be found: a scan stops once it has all the others.
            let all = UInt32(truncatingIfNeeded: (UInt64(1) << UInt64(n)) - 1) & steps.reduce(0, |)
            // No attempt gets past the first step the customer never matches.
            let reachable = min(n, (~all).trailingZeroBitCount)
            for i in times.indices where steps[i] & all != 0 {
                // The first occurrence of each step within [times[i], times[i] + window].
                var found: UInt32 = 0
                var j = i
                while j < times.count, times[j] <= times[i] + window, found != all {
                    // One event is one step: it fills the first step it matches that is still open.
                    let open = steps[j] & all & ~found
                    if open != 0 {
                        let s = open.trailingZeroBitCount
                        attempt[s] = times[j]
                        attempt[n + s] = Int64(j)
                        found |= 1 << UInt32(s)
                    }
                    j += 1
                }
                let level = (~found).trailingZeroBitCount
                if level > best.level {
                    best.level = min(level, n)
                    for s in 0..<best.level { best.times[s] = attempt[s]; best.rows[s] = Int(attempt[n + s]) }
                }
                if best.level >= reachable { return }
            }
            return
        }
        for i in times.indices where steps[i] & 1 != 0 {
            _ = chain(from: i, times: times, steps: steps, stepCount: n, window: window, strict: order == .strict, best: &best, attempt: &attempt)
            if best.level == n { return }
        }
    }

    /// The attempt starting at row `i`: each next step is the earliest later row matching it within the
    /// window (`strict`: the very next row); replaces `best` when it reaches more steps. Returns the
    /// number of rows it looked at.
    private static func chain(from i: Int, times: [Int64], steps: [UInt32], stepCount n: Int, window: Int64, strict: Bool,
                              best: inout Reach, attempt: inout [Int64]) -> Int {
        attempt[0] = times[i]
        attempt[n] = Int64(i)
        var position = i
        var step = 1
        var scanned = 0
        while step < n {
            var next = -1
            var j = position + 1
            while j < times.count, times[j] <= times[i] + window {
                scanned += 1
                if steps[j] & (1 << UInt32(step)) != 0 { next = j; break }
                if strict { break }
                j += 1
            }
            guard next >= 0 else { break }
            attempt[step] = times[next]
            attempt[n + step] = Int64(next)
            position = next
            step += 1
        }
        if step > best.level {
            best.level = step
            for s in 0..<step { best.times[s] = attempt[s]; best.rows[s] = Int(attempt[n + s]) }
        }
        return scanned
    }
}

/// Which funnel steps each event row matches, as a bitmask: one table read per row for event and
/// named-stage steps, plus the customer's first-purchase row for the purchase and retention stages.
struct StepMasks: @unchecked Sendable {
    /// Bits by event code.
    private let byCode: [UInt32]
    /// Bits of steps that are the purchase stage / the retention stage.
    private let purchaseStage: UInt32
    private let retentionStage: UInt32
    private let eventCodes: [Int32]
    private let flags: [UInt8]
    private let firstPurchaseRow: [Int32]
    /// With an order column: the stage classifier (the purchase stage is every row of the first order), the
    /// `OrderIndex` flags, and the bits of event steps naming a purchase event (which a return's rows never match).
    private let classifier: StageClassifier
    private let orderFlags: [UInt8]
    private let purchaseEventSteps: UInt32
    /// Strict funnels must see rows that match no step: they break a sequence.
    let keepsUnmatched: Bool
    /// Steps with a `where`: the step's bit and its test, applied to rows that match the step by name.
    private let filtered: [(bit: UInt32, predicate: Predicate)]

    init(_ plan: FunnelPlan, _ context: EvalContext) {
        var byCode = [UInt32](repeating: 0, count: context.store.strings.count)
        var purchaseStage: UInt32 = 0, retentionStage: UInt32 = 0, purchaseEventSteps: UInt32 = 0
        let flags = context.classes.flags
        // Step s is bit s, whichever of its alternatives matches; exclusion k is bit n + k.
        let n = plan.steps.count
        let bits = plan.steps.indices.flatMap { s in
            ([plan.steps[s].match] + (s < plan.alternatives.count ? plan.alternatives[s] : [])).map { (s, $0) }
        } + plan.exclusions.enumerated().map { (n + $0.offset, $0.element.match) }
        for (s, match) in bits {
            let bit = UInt32(1) << UInt32(s)
            switch match {
            case .event(let code):
                // A name the data does not hold (-2) matches no row.
                guard code >= 0 else { continue }
                byCode[Int(code)] |= bit
                if Int(code) < flags.count, flags[Int(code)] & EventClasses.purchase != 0 { purchaseEventSteps |= bit }
            case .stage(.purchase): purchaseStage |= bit
            case .stage(.retention): retentionStage |= bit
            case .stage(let stage):
                for code in flags.indices where flags[code] & EventClasses.bit(stage) != 0 { byCode[code] |= bit }
            }
        }
        self.byCode = byCode
        self.purchaseStage = purchaseStage
        self.retentionStage = retentionStage
        eventCodes = context.store.events.event
        self.flags = flags
        firstPurchaseRow = context.facts.firstPurchaseRow
        classifier = StageClassifier(context)
        orderFlags = context.facts.orderFlags
        self.purchaseEventSteps = purchaseEventSteps
        keepsUnmatched = plan.order == .strict
        filtered = plan.filters.enumerated().compactMap { s, filter in filter.map { (UInt32(1) << UInt32(s), $0) } }
    }

    /// The steps row `r` of customer `c` matches; a strict funnel gets bit 31 on every row so no row is dropped.
    @inline(__always)
    func mask(customer c: Int32, row r: Int) -> UInt32 {
        let code = Int(eventCodes[r])
        var m: UInt32 = code >= 0 && code < byCode.count ? byCode[code] : 0
        // Line items: an order is one event, at its first row; its other rows are dropped (even by strict
        // funnels), and a return matches no purchase step.
        if !orderFlags.isEmpty, code >= 0, code < flags.count, flags[code] & EventClasses.purchase != 0 {
            let o = orderFlags[r]
            if o & (OrderIndex.startsOrder | OrderIndex.startsReturn) == 0 { return 0 }
            if o & OrderIndex.startsReturn != 0 {
                m &= ~purchaseEventSteps
                if !filtered.isEmpty, m != 0 { m = applyFilters(m, customer: c, row: r) }
                return keepsUnmatched ? m | (1 << 31) : m
            }
        }
        if purchaseStage | retentionStage != 0, code >= 0, code < flags.count {
            let f = flags[code]
            if f & EventClasses.purchase != 0 {
                if orderFlags.isEmpty {
                    m |= Int32(r) == firstPurchaseRow[Int(c)] ? purchaseStage : retentionStage
                } else if let first = classifier.isFirstPurchase(customer: c, row: r) {
                    m |= first ? purchaseStage : retentionStage
                }
            }
            if f & EventClasses.engagement != 0 { m |= retentionStage }
        }
        if !filtered.isEmpty, m != 0 { m = applyFilters(m, customer: c, row: r) }
        return keepsUnmatched ? m | (1 << 31) : m
    }
}

extension StepMasks {
    /// `m` without the bits of filtered steps whose `where` fails on row `r`.
    func applyFilters(_ m: UInt32, customer c: Int32, row r: Int) -> UInt32 {
        var m = m
        for (bit, predicate) in filtered where m & bit != 0 && !predicate.test(c, r) { m &= ~bit }
        return m
    }
}
