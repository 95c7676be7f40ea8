import Foundation
@testable import SiklusEngine

/// Deliberately plain implementations of the metric formulas in `Metrics/MetricCatalog.swift` and the
/// retention, funnel and lifecycle rules documented in `RetentionMatrix`, `FunnelAnalysis` and
/// `LifecycleState`: loops over raw rows, no shared code with the engine.
struct ReferenceMetrics {
    let facts: ReferenceFacts
    let data: RandomDataset
    /// The evaluation moment (as_of) and churn window, in seconds.
    let asOf: Int64
    let churnAfter: Int64

    private func ratio(_ a: Double, _ b: Double, percent: Bool = false) -> Double? { b == 0 ? nil : a / b * (percent ? 100 : 1) }

    // MARK: Retention

    enum Anchor { case firstPurchase, signup }

    /// `cohort by first_purchase|signup | retention [on any] [unbounded] [percent]`, monthly.
    func retention(anchor: Anchor, anyEvent: Bool, unbounded: Bool, percent: Bool) -> ResultTable {
        func anchorMonth(_ id: String) -> Int? {
            switch anchor {
            case .firstPurchase: return facts.firstPurchase(id)?.day.monthIndex
            case .signup: return facts.signup(id)?.monthIndex
            }
        }
        let members = facts.ids.filter { anchorMonth($0) != nil }
        let lastMonth = monthIndex(ofSecond: asOf)
        let earliest = members.map { anchorMonth($0)! }.min()
        let width = earliest.map { max(0, lastMonth - $0) + 1 } ?? 1
        var size: [Int: Int] = [:], cells: [Int: [Int]] = [:]
        for id in members {
            let cohort = anchorMonth(id)!
            size[cohort, default: 0] += 1
            var active = Set<Int>()
            for e in facts.events(id) where e.ts <= asOf && (anyEvent || RefCategory.of(e.name) == .purchase) {
                let offset = e.day.monthIndex - cohort
                if offset >= 0 && offset < width { active.insert(offset) }
            }
            var row = cells[cohort] ?? Array(repeating: 0, count: width)
            if unbounded, let latest = active.max() {
                for k in 0...latest { row[k] += 1 }
            } else if !unbounded {
                for k in active { row[k] += 1 }
            }
            cells[cohort] = row
        }
        let cohorts = size.keys.sorted()
        var columns = [
            ResultColumn(name: "cohort", unit: .text, values: .text(cohorts.map { RefDay.monthLabel($0) })),
            ResultColumn(name: "customers", unit: .count, values: .integer(cohorts.map { Int64(size[$0]!) })),
        ]
        for k in 0..<width {
            let available = cohorts.map { $0 + k <= lastMonth }
            if percent {
                columns.append(ResultColumn(name: "\(k)", unit: .percent, values: .number(cohorts.indices.map { i in
                    available[i] ? Double(cells[cohorts[i]]![k]) / Double(size[cohorts[i]]!) * 100 : nil
                })))
            } else {
                columns.append(ResultColumn(name: "\(k)", unit: .count, values: .integer(cohorts.indices.map { i in
                    available[i] ? Int64(cells[cohorts[i]]![k]) : nil
                })))
            }
        }
        return ResultTable(columns: columns, shape: .retention)
    }

    func monthIndex(ofSecond t: Int64) -> Int {
        let date = Foundation.Date(timeIntervalSince1970: TimeInterval(t))
        let parts = RefDay.calendar.dateComponents([.year, .month], from: date)
        return parts.year! * 12 + parts.month! - 1
    }

    // MARK: Order metrics

    /// Per group: customers, purchase events (all, or only repeat purchases), revenue, purchasers, repeaters.
    struct Orders { var customers = 0, orders = 0, revenue = 0.0, purchasers = 0, repeaters = 0 }

    /// Groups in-scope customers by `key` and counts their in-scope purchase events.
    /// `repeatOnly`: the scope is `stage retention` (engagement events and purchases after the first).
    func orders(customers: [String], repeatOnly: Bool, key: (String) -> String) -> [String: Orders] {
        var groups: [String: Orders] = [:]
        for id in customers {
            let rows = facts.events(id)
            var purchases = 0, revenue = 0.0
            var inScope = !repeatOnly
            for (i, e) in rows.enumerated() {
                let stage = facts.stage(id, i)
                if repeatOnly && stage != .retention { continue }
                inScope = true
                if RefCategory.of(e.name) == .purchase { purchases += 1; revenue += e.amount ?? 0 }
            }
            guard inScope else { continue }
            var g = groups[key(id)] ?? Orders()
            g.customers += 1; g.orders += purchases; g.revenue += revenue
            if purchases >= 1 { g.purchasers += 1 }
            if purchases >= 2 { g.repeaters += 1 }
            groups[key(id)] = g
        }
        return groups
    }

    /// `cohort [by channel] [| stage retention] | metric customers, orders, revenue, avg_order, repeat_rate, conversion_rate`.
    func orderMetrics(byChannel: Bool, repeatOnly: Bool) -> ResultTable {
        let groups = orders(customers: facts.ids, repeatOnly: repeatOnly) { byChannel ? facts.channelLabel($0) : "" }
        let labels = byChannel ? groups.keys.sorted(by: refLabelOrder) : [""]
        let g = labels.map { groups[$0] ?? Orders() }
        var columns: [ResultColumn] = byChannel ? [ResultColumn(name: "cohort", unit: .text, values: .text(labels))] : []
        columns += [
            ResultColumn(name: "customers", unit: .count, values: .integer(g.map { Int64($0.customers) })),
            ResultColumn(name: "orders", unit: .count, values: .integer(g.map { Int64($0.orders) })),
            ResultColumn(name: "revenue", unit: .money, values: .number(g.map { $0.revenue })),
            ResultColumn(name: "avg_order", unit: .money, values: .number(g.map { ratio($0.revenue, Double($0.orders)) })),
            ResultColumn(name: "repeat_rate", unit: .percent, values: .number(g.map { ratio(Double($0.repeaters), Double($0.purchasers), percent: true) })),
            ResultColumn(name: "conversion_rate", unit: .percent, values: .number(g.map { ratio(Double($0.purchasers), Double($0.customers), percent: true) })),
        ]
        return ResultTable(columns: columns, shape: .table)
    }

    /// `events | by month | metric customers, repeat_rate, conversion_rate`: per month, the customers with an
    /// event that month, and their purchase events that month.
    func monthlyConversion() -> ResultTable {
        var perMonth: [Int: Orders] = [:]
        for id in facts.ids {
            var purchases: [Int: Int] = [:]
            for e in facts.events(id) {
                purchases[e.day.monthIndex, default: 0] += RefCategory.of(e.name) == .purchase ? 1 : 0
            }
            for (month, n) in purchases {
                var g = perMonth[month] ?? Orders()
                g.customers += 1
                if n >= 1 { g.purchasers += 1 }
                if n >= 2 { g.repeaters += 1 }
                perMonth[month] = g
            }
        }
        let months = perMonth.keys.sorted()
        let g = months.map { perMonth[$0]! }
        return ResultTable(columns: [
            ResultColumn(name: "month", unit: .text, values: .text(months.map { RefDay.monthLabel($0) })),
            ResultColumn(name: "customers", unit: .count, values: .integer(g.map { Int64($0.customers) })),
            ResultColumn(name: "repeat_rate", unit: .percent, values: .number(g.map { ratio(Double($0.repeaters), Double($0.purchasers), percent: true) })),
            ResultColumn(name: "conversion_rate", unit: .percent, values: .number(g.map { ratio(Double($0.purchasers), Double($0.customers), percent: true) })),
        ], shape: .series)
    }

    // MARK: Lifecycle

    /// The documented stage at a moment: churned if the latest event by then is a churn event, or if the
    /// customer has purchased and the latest non-churn event is more than churn_after before the moment;
    /// else lapsed if the customer has a staged event, no purchase and the latest event is more than churn_after
    /// before the moment; else the furthest journey stage of any event by then; nil with no staged event.
    func stage(_ id: String, at moment: Int64) -> RefStage? {
        let rows = facts.events(id)
        let upTo = rows.indices.filter { rows[$0].ts <= moment }
        guard let last = upTo.last else { return nil }
        if RefCategory.of(rows[last].name) == .churn { return .churn }
        let purchased = upTo.contains { RefCategory.of(rows[$0].name) == .purchase }
        if purchased && moment - rows[last].ts > churnAfter { return .churn }
        let furthest = upTo.compactMap { facts.stage(id, $0) }.filter { $0 != .churn }.max()
        if furthest != nil && !purchased && moment - rows[last].ts > churnAfter { return .lapsed }
        return furthest
    }

    func currentStage(_ id: String) -> RefStage? { stage(id, at: asOf) }

    /// `… | metric transitions` (monthly): for each customer, the stage at the end of every month from the
    /// month of their first event to as_of's (the last one ends at as_of), and a count per consecutive pair.
    func transitions(customers: [String]) -> ResultTable {
        var counts = Array(repeating: Array(repeating: 0, count: RefStage.allCases.count), count: RefStage.allCases.count)
        let lastMonth = monthIndex(ofSecond: asOf)
        for id in customers {
            guard let first = facts.events(id).first, first.ts <= asOf else { continue }
            var previous: RefStage?
            for month in first.day.monthIndex...lastMonth {
                let end = min(RefDay.monthStartSecond(month + 1) - 1, asOf)
                let current = stage(id, at: end)
                if let previous, let current { counts[previous.rawValue][current.rawValue] += 1 }
                previous = current
            }
        }
        var columns = [ResultColumn(name: "from", unit: .text, values: .text(RefStage.allCases.map(\.name)))]
        for to in RefStage.allCases {
            columns.append(ResultColumn(name: to.name, unit: .count, values: .integer(RefStage.allCases.map { Int64(counts[$0.rawValue][to.rawValue]) })))
        }
        return ResultTable(columns: columns, shape: .transitions)
    }

    /// `cohort [by channel] | metric stage_share`.
    func stageShare(byChannel: Bool) -> ResultTable {
        var counts: [String: [Int]] = [:]
        for id in facts.ids {
            guard let stage = currentStage(id) else { continue }
            counts[byChannel ? facts.channelLabel(id) : "", default: Array(repeating: 0, count: RefStage.allCases.count)][stage.rawValue] += 1
        }
        let labels = byChannel ? counts.keys.sorted(by: refLabelOrder) : [""]
        var label: [String] = [], stage: [String] = [], customers: [Int64] = [], share: [Double?] = []
        for l in labels {
            let c = counts[l] ?? Array(repeating: 0, count: RefStage.allCases.count)
            let total = c.reduce(0, +)
            for s in RefStage.allCases {
                label.append(l); stage.append(s.name); customers.append(Int64(c[s.rawValue]))
                share.append(total == 0 ? nil : Double(c[s.rawValue]) / Double(total) * 100)
            }
        }
        var columns = byChannel ? [ResultColumn(name: "cohort", unit: .text, values: .text(label))] : []
        columns += [
            ResultColumn(name: "stage", unit: .text, values: .text(stage)),
            ResultColumn(name: "customers", unit: .count, values: .integer(customers)),
            ResultColumn(name: "share", unit: .percent, values: .number(share)),
        ]
        return ResultTable(columns: columns, shape: .stageShare)
    }

    // MARK: Funnel

    enum FunnelStep { case event(String), stage(RefStage) }
    enum FunnelOrder { case ordered, strict, anyOrder }

    /// How far one customer gets: the most steps reached by any attempt.
    func funnelLevel(_ id: String, steps: [FunnelStep], window: Int64, order: FunnelOrder) -> Int {
        let rows = facts.events(id)
        func matches(_ step: Int, _ i: Int) -> Bool {
            switch steps[step] {
            case .event(let name): return rows[i].name == name
            case .stage(let stage): return facts.stage(id, i) == stage
            }
        }
        let n = steps.count
        var best = 0
        switch order {
        case .ordered, .strict:
            // From each occurrence of step 1, the deepest chain of later rows (the next row only, when
            // strict) matching the following steps, all within the window of the attempt's start.
            for start in rows.indices where matches(0, start) {
                var memo: [Int: Int] = [:]
                func deepest(from position: Int, step: Int) -> Int {
                    if step == n { return n }
                    let key = position * 8 + step
                    if let known = memo[key] { return known }
                    var result = step
                    let candidates = order == .strict ? Array((position + 1)..<min(position + 2, rows.count)) : Array((position + 1)..<rows.count)
                    for j in candidates where rows[j].ts <= rows[start].ts + window && matches(step, j) {
                        result = max(result, deepest(from: j, step: step + 1))
                    }
                    memo[key] = result
                    return result
                }
                best = max(best, deepest(from: start, step: 1))
            }
        case .anyOrder:
            // Steps 1…k all occur within one window: some row starts it, and each step has a row at or after it.
            for k in stride(from: n, through: 1, by: -1) {
                let reached = rows.indices.contains { s in
                    (0..<k).allSatisfy { step in (s..<rows.count).contains { rows[$0].ts <= rows[s].ts + window && matches(step, $0) } }
                }
                if reached { best = k; break }
            }
        }
        return best
    }

    /// `cohort [by channel] | funnel … within … [strict|any order]`, without median_days.
    func funnel(steps: [FunnelStep], names: [String], window: Int64, order: FunnelOrder, byChannel: Bool) -> ResultTable {
        var reached: [String: [Int]] = [:]
        for id in facts.ids {
            let level = funnelLevel(id, steps: steps, window: window, order: order)
            let key = byChannel ? facts.channelLabel(id) : ""
            var counts = reached[key] ?? Array(repeating: 0, count: steps.count)
            for s in 0..<level { counts[s] += 1 }
            if level > 0 || !byChannel { reached[key] = counts }
        }
        let labels = byChannel ? reached.keys.sorted(by: refLabelOrder) : [""]
        var label: [String] = [], step: [String] = [], customers: [Int64] = [], fromPrevious: [Double?] = [], fromFirst: [Double?] = []
        for l in labels {
            let c = reached[l] ?? Array(repeating: 0, count: steps.count)
            for s in steps.indices {
                label.append(l); step.append(names[s]); customers.append(Int64(c[s]))
                let previous = s == 0 ? c[s] : c[s - 1]
                fromPrevious.append(previous > 0 ? Double(c[s]) / Double(previous) * 100 : nil)
                fromFirst.append(c[0] > 0 ? Double(c[s]) / Double(c[0]) * 100 : nil)
            }
        }
        var columns = byChannel ? [ResultColumn(name: "cohort", unit: .text, values: .text(label))] : []
        columns += [
            ResultColumn(name: "step", unit: .text, values: .text(step)),
            ResultColumn(name: "customers", unit: .count, values: .integer(customers)),
            ResultColumn(name: "from_previous", unit: .percent, values: .number(fromPrevious)),
            ResultColumn(name: "from_first", unit: .percent, values: .number(fromFirst)),
        ]
        return ResultTable(columns: columns, shape: .funnel)
    }

    // MARK: Spend

    /// `events [| by month][, channel] | metric spend, cpa`: spend per (month, spend channel); new paying
    /// customers per (month of first purchase, acquisition channel); without `by month` only first purchases
    /// within the spend table's span count.
    func cpa(byMonth: Bool, byChannel: Bool) -> ResultTable {
        struct Key: Hashable { var month: Int; var channel: String }
        var spend: [Key: Double] = [:], newCustomers: [Key: Int] = [:], present = Set<Key>()
        for s in data.spend {
            let key = Key(month: byMonth ? s.day.monthIndex : 0, channel: byChannel ? s.channel : "")
            spend[key, default: 0] += s.spend
            if s.spend != 0 || s.impressions != 0 || s.clicks != 0 { present.insert(key) }
        }
        let spanStart = data.spend.map(\.day.seconds).min() ?? 0
        let spanEnd = (data.spend.map(\.day.seconds).max() ?? -86_400) + 86_400
        for id in facts.ids where !facts.events(id).isEmpty {
            let channel = byChannel ? facts.channelLabel(id) : ""
            // Groups with an event of this customer.
            for e in facts.events(id) { present.insert(Key(month: byMonth ? e.day.monthIndex : 0, channel: channel)) }
            guard let first = facts.firstPurchase(id) else { continue }
            if !byMonth && !(first.ts >= spanStart && first.ts < spanEnd) { continue }
            newCustomers[Key(month: byMonth ? first.day.monthIndex : 0, channel: channel), default: 0] += 1
        }
        var keys = present.sorted { a, b in a.month != b.month ? a.month < b.month : refLabelOrder(a.channel, b.channel) }
        if !byMonth && !byChannel { keys = [Key(month: 0, channel: "")] }
        var columns: [ResultColumn] = []
        if byMonth { columns.append(ResultColumn(name: "month", unit: .text, values: .text(keys.map { RefDay.monthLabel($0.month) }))) }
        if byChannel { columns.append(ResultColumn(name: "channel", unit: .text, values: .text(keys.map(\.channel)))) }
        columns += [
            ResultColumn(name: "spend", unit: .money, values: .number(keys.map { spend[$0] ?? 0 })),
            ResultColumn(name: "cpa", unit: .money, values: .number(keys.map { ratio(spend[$0] ?? 0, Double(newCustomers[$0] ?? 0)) })),
        ]
        return ResultTable(columns: columns, shape: byMonth ? .series : .table)
    }
}
