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
    /// The furthest step (1-based; 0 = never entered) and the time each step was reached in that attempt.
    struct Reach { var level = 0; var times: [Int64] = [] }

    static func build(_ plan: FunnelPlan, scope: Scope, dimensions: [Dimension], _ context: EvalContext) throws(Diagnostic) -> ResultTable {
        let groups = MetricTable.allDimensions(scope, dimensions)
        guard groups.allSatisfy(\.isCustomerLevel) else {
            throw Diagnostic("a funnel can be split by customer dimensions only (cohort, channel, country…)", at: nil)
        }
        guard let keys = GroupKeys(groups) else { throw Diagnostic("too many groups for a funnel", at: nil) }
        let classifier = StageClassifier(context)
        let events = context.store.events
        let matchers: [(Int32, Int) -> Bool] = plan.steps.map { step in
            switch step.match {
            case .stage(let stage): return { c, r in classifier.row(r, of: c, isIn: stage) }
            case .event(let code): return { _, r in events.event[r] == code }
            }
        }
        let n = plan.steps.count
        struct Partial { var reached: [Int]; var days: [[Double]] }
        let list = scope.customers
        let parts = Parallel.ranges(list.count, minimumPerPart: 8192)
        let partials: [Partial] = Parallel.map(parts.count) { k in
            var p = Partial(reached: Array(repeating: 0, count: keys.count * n), days: Array(repeating: [], count: keys.count * n))
            var rows: [Int] = []
            for i in parts[k] {
                let c = list[i]
                rows.removeAll(keepingCapacity: true)
                for r in events.rows(of: c) where scope.includes(r) { rows.append(r) }
                let reach = furthest(rows, customer: c, matchers: matchers, ts: events.ts, window: plan.window, order: plan.order)
                guard reach.level > 0 else { continue }
                let g = keys.customerPart(c)
                for step in 0..<reach.level {
                    p.reached[g * n + step] += 1
                    if step > 0 {
                        let from = plan.order == .anyOrder ? reach.times.min()! : reach.times[step - 1]
                        p.days[g * n + step].append(Double(reach.times[step] - from) / Double(CivilTime.secondsPerDay))
                    }
                }
            }
            return p
        }
        try context.checkCancelled()
        var reached = [Int](repeating: 0, count: keys.count * n)
        var days = [[Double]](repeating: [], count: keys.count * n)
        for p in partials { for i in reached.indices { reached[i] += p.reached[i]; days[i] += p.days[i] } }

        let activeGroups = (0..<keys.count).filter { g in groups.isEmpty || reached[g * n] > 0 }
        var labelColumns = groups.indices.map { d in (groups[d].name, [String]()) }
        var step: [String] = [], customers: [Int64] = [], fromPrevious: [Double?] = [], fromFirst: [Double?] = [], median: [Double?] = []
        for g in activeGroups {
            let labels = keys.labels(g)
            for s in 0..<n {
                for d in labelColumns.indices { labelColumns[d].1.append(labels[d]) }
                let count = reached[g * n + s], first = reached[g * n], previous = s > 0 ? reached[g * n + s - 1] : count
                step.append(plan.steps[s].name)
                customers.append(Int64(count))
                fromPrevious.append(previous > 0 ? Double(count) / Double(previous) * 100 : nil)
                fromFirst.append(first > 0 ? Double(count) / Double(first) * 100 : nil)
                median.append(s == 0 ? nil : Statistics.median(days[g * n + s]))
            }
        }
        let columns = labelColumns.map { ResultColumn(name: $0.0, unit: .text, values: .text($0.1)) } + [
            ResultColumn(name: "step", unit: .text, values: .text(step)),
            ResultColumn(name: "customers", unit: .count, values: .integer(customers)),
            ResultColumn(name: "from_previous", unit: .percent, values: .number(fromPrevious)),
            ResultColumn(name: "from_first", unit: .percent, values: .number(fromFirst)),
            ResultColumn(name: "median_days", unit: .days, values: .number(median)),
        ]
        let window = plan.window / CivilTime.secondsPerDay
        return ResultTable(columns: columns, shape: .funnel, title: "funnel within \(window)d, \(plan.order.rawValue)")
    }

    /// The best attempt over a customer's in-scope rows (ascending time).
    static func furthest(_ rows: [Int], customer c: Int32, matchers: [(Int32, Int) -> Bool], ts: [Int64],
                         window: Int64, order: FunnelOrder) -> Reach {
        let n = matchers.count
        var best = Reach()
        if order == .anyOrder {
            for (i, start) in rows.enumerated() where matchers.contains(where: { $0(c, start) }) {
                // The first occurrence of each step within [ts[start], ts[start] + window].
                var found = [Int64?](repeating: nil, count: n)
                for r in rows[i...] {
                    if ts[r] > ts[start] + window { break }
                    for s in 0..<n where found[s] == nil && matchers[s](c, r) { found[s] = ts[r] }
                }
                var level = 0
                while level < n, found[level] != nil { level += 1 }
                if level > best.level { best = Reach(level: level, times: found[0..<level].map { $0! }) }
                if best.level == n { break }
            }
            return best
        }
        for (i, start) in rows.enumerated() where matchers[0](c, start) {
            var times = [ts[start]]
            var position = i
            var step = 1
            while step < n {
                var next: Int?
                var j = position + 1
                while j < rows.count, ts[rows[j]] <= ts[start] + window {
                    if matchers[step](c, rows[j]) { next = j; break }
                    if order == .strict { break }
                    j += 1
                }
                guard let next else { break }
                times.append(ts[rows[next]])
                position = next
                step += 1
            }
            if step > best.level { best = Reach(level: step, times: times) }
            if best.level == n { break }
        }
        return best
    }
}
