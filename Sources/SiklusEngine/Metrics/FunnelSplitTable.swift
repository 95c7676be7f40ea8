import SiklusLanguage
import SiklusStore

/// A funnel split by one event-level dimension (the last of `dimensions`): each customer's counted attempt
/// is found as for `FunnelAnalysis` (`FunnelReachScanner`), and the customer is counted once, in the
/// group of the dimension's label on one row of that attempt (`attributedPosition`):
/// the entry row for trends (`FunnelTrends`), the attributed step's row for a breakdown (`FunnelBreakdown`).
enum FunnelSplitTable {
    /// Per group (customer dimensions' key × split label): customers reaching each step, days to each step.
    struct Counts {
        var reached: [Int]
        var days: [[Double]]
    }

    /// The counted customers, grouped; `labels` of the split dimension end with `(none)` when a customer
    /// has no attributed row (`attribution step N` beyond their furthest step).
    struct Groups {
        var customerKeys: GroupKeys
        var splitLabels: [String]
        /// Keyed by customer key × splitLabels.count + split key.
        var counts: [Int: Counts]
        var split: Dimension
    }

    /// The trends table (`FunnelTrends`) or the breakdown's step rows (`FunnelBreakdown`).
    /// - Complexity: `collect`, then O(g log g) for the g non-empty groups.
    static func build(_ plan: FunnelPlan, scope: Scope, dimensions: [Dimension], _ context: EvalContext) throws(Diagnostic) -> ResultTable {
        let groups = try collect(plan, scope: scope, dimensions: dimensions, context)
        switch plan.split {
        case .trends?: return FunnelTrends.table(plan, groups)
        default: return FunnelBreakdown.table(plan, groups)
        }
    }

    /// Scans every customer in scope once (split across cores) and counts them in their group.
    /// - Complexity: one funnel scan of the scope (as `FunnelAnalysis.build`), plus O(steps) per entered customer.
    static func collect(_ plan: FunnelPlan, scope: Scope, dimensions: [Dimension], _ context: EvalContext) throws(Diagnostic) -> Groups {
        let all = MetricTable.allDimensions(scope, dimensions)
        guard let split = all.last, !split.isCustomerLevel, all.dropLast().allSatisfy(\.isCustomerLevel) else {
            preconditionFailure("the binder puts a funnel's one event-level dimension last")
        }
        guard let customerKeys = GroupKeys(Array(all.dropLast())) else {
            throw Diagnostic("too many groups for a funnel: the dimensions multiply to more than \(GroupKeys.limit)", at: plan.span,
                             hints: ["group by fewer or coarser dimensions"])
        }
        let n = plan.steps.count
        guard n <= FunnelPlan.maxSteps else { throw Diagnostic("a funnel has at most \(FunnelPlan.maxSteps) steps; this one has \(n)", at: plan.span) }
        var splitLabels = split.labels
        let none = splitLabels.firstIndex(of: Dimension.noneLabel) ?? splitLabels.count
        if none == splitLabels.count { splitLabels.append(Dimension.noneLabel) }
        let width = splitLabels.count
        let attribution = plan.split?.attribution ?? .first
        let list = scope.customers
        let ranges = Parallel.ranges(list.count, minimumPerPart: 8192)
        let cancelled = context.isCancelled
        let partials: [[Int: Counts]] = Parallel.map(ranges.count) { k in
            var counts: [Int: Counts] = [:]
            var scanner = FunnelReachScanner(plan, scope: scope, context)
            let empty = Counts(reached: Array(repeating: 0, count: n), days: Array(repeating: [], count: n))
            for (count, i) in ranges[k].enumerated() {
                if count & 0xFFF == 0 && cancelled() { break }
                let c = list[i]
                let level = scanner.scan(c)
                guard level > 0 else { continue }
                let key = customerKeys.customerPart(c) * width + (scanner.attributedRow(attribution).map { split.key(c, $0) } ?? none)
                let times = scanner.reach.times
                // Mutated in place (`default:` subscript), so the day lists are not copied per customer.
                for s in 0..<level {
                    counts[key, default: empty].reached[s] += 1
                    guard s > 0 else { continue }
                    // Any order: from the attempt's earliest step, as `FunnelAnalysis.build`.
                    let from = plan.order == .anyOrder ? times[0..<level].min() ?? times[0] : times[s - 1]
                    counts[key, default: empty].days[s].append(Double(times[s] - from) / Double(CivilTime.secondsPerDay))
                }
            }
            return counts
        }
        try context.checkCancelled()
        var counts: [Int: Counts] = [:]
        for part in partials {
            counts.merge(part) { a, b in
                Counts(reached: zip(a.reached, b.reached).map(+), days: zip(a.days, b.days).map(+))
            }
        }
        return Groups(customerKeys: customerKeys, splitLabels: splitLabels, counts: counts, split: split)
    }

    /// The position (among the rows the attempt was found in) of the row whose label groups a customer
    /// whose best attempt reached `level` steps at `positions`: step 1's (`first`), the furthest step's
    /// (`last`) or step N's (nil when not reached); `any order` has no step order in time, so `first` and
    /// `last` are the earliest and latest rows of the reached steps.
    static func attributedPosition(_ positions: [Int], level: Int, _ attribution: FunnelAttribution, order: FunnelOrder) -> Int? {
        let reached = positions[0..<level]
        switch attribution {
        case .first: return order == .anyOrder ? reached.min() : reached.first
        case .last: return order == .anyOrder ? reached.max() : reached.last
        case .step(let s): return s <= level ? positions[s - 1] : nil
        }
    }
}
