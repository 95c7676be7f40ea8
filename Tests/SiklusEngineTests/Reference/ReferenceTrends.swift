@testable import SiklusEngine

/// `lifecycle` and `stickiness` as plain loops over the generated rows: periods from `RefDay` offsets and
/// month indices (Foundation's calendar), never the engine's calendar.
extension ReferenceMetrics {
    /// Days since 2023-01-01 of a second.
    static func dayOffset(_ second: Int64) -> Int {
        let base = RefDay(offset: 0).seconds
        return Int((second - base >= 0 ? second - base : second - base - 86_399) / 86_400)
    }

    /// The period number of a second: a day offset, a Monday-based week (2023-01-02 was a Monday) or a month index.
    static func period(_ unit: String, _ second: Int64) -> Int {
        let day = dayOffset(second)
        switch unit {
        case "day": return day
        case "week": return Int((Double(day - 1) / 7).rounded(.down))
        default: return RefDay(offset: day).monthIndex
        }
    }

    static func label(_ unit: String, _ period: Int) -> String {
        switch unit {
        case "day": return RefDay(offset: period).iso
        case "week": return RefDay(offset: period * 7 + 1).iso
        default: return RefDay.monthLabel(period)
        }
    }

    /// Each customer's distinct active periods (rows at or before as_of inside `[start, end)`), by customer.
    private func activePeriods(_ unit: String, purchaseOnly: Bool, start: Int64?, end: Int64?) -> [String: [Int]] {
        var out: [String: [Int]] = [:]
        for id in facts.ids {
            let periods = Set(facts.events(id).filter { e in
                e.ts <= asOf && e.ts >= (start ?? .min) && e.ts < (end ?? .max) && (!purchaseOnly || RefCategory.of(e.name) == .purchase)
            }.map { Self.period(unit, $0.ts) })
            if !periods.isEmpty { out[id] = periods.sorted() }
        }
        return out
    }

    /// `[cohort by channel |] [where ts in [start, end) |] lifecycle period <unit> [on purchase]`.
    func lifecycle(_ unit: String, purchaseOnly: Bool, byChannel: Bool, start: Int64?, end: Int64?) -> ResultTable {
        let active = activePeriods(unit, purchaseOnly: purchaseOnly, start: start, end: end)
        let last = Self.period(unit, min(asOf, end.map { $0 - 1 } ?? .max))
        let group = { (id: String) in byChannel ? facts.channelLabel(id) : "" }
        var counts: [String: [Int: [Int]]] = [:]   // group → period → new, returning, resurrecting, dormant
        for (id, periods) in active {
            let newPeriod = facts.signup(id).map { Self.period(unit, $0.second) }
            let set = Set(periods)
            for p in periods {
                let kind = p == newPeriod ? 0 : (set.contains(p - 1) ? 1 : 2)
                counts[group(id), default: [:]][p, default: [0, 0, 0, 0]][kind] += 1
                if !set.contains(p + 1) && p + 1 <= last { counts[group(id), default: [:]][p + 1, default: [0, 0, 0, 0]][3] += 1 }
            }
        }
        var labels: [String] = [], period: [String] = [], values = [[Int64]](repeating: [], count: 4), pulse: [Double?] = []
        if let first = active.values.compactMap(\.first).min(), first <= last {
            for g in counts.keys.sorted(by: refLabelOrder) {
                for p in first...last {
                    let c = counts[g]?[p] ?? [0, 0, 0, 0]
                    labels.append(g)
                    period.append(Self.label(unit, p))
                    for k in 0..<4 { values[k].append(Int64(k == 3 ? -c[k] : c[k])) }
                    pulse.append(c[3] == 0 ? nil : Double(c[0] + c[2]) / Double(c[3]))
                }
            }
        }
        let names = ["new", "returning", "resurrecting", "dormant"]
        return ResultTable(columns: (byChannel ? [ResultColumn(name: "cohort", unit: .text, values: .text(labels))] : [])
                           + [ResultColumn(name: "period", unit: .text, values: .text(period))]
                           + names.indices.map { ResultColumn(name: names[$0], unit: .count, values: .integer(values[$0])) }
                           + [ResultColumn(name: "pulse", unit: .ratio, values: .number(pulse))], shape: .lifecycle)
    }

    /// `[cohort by channel |] [where ts in [start, end) |] stickiness period <unit>`.
    func stickiness(_ unit: String, byChannel: Bool, start: Int64?, end: Int64?) -> ResultTable {
        let active = activePeriods(unit, purchaseOnly: false, start: start, end: end)
        var labels: [String] = [], n: [Int64] = [], customers: [Int64] = [], cumulative: [Int64] = []
        let rangeStart = start ?? data.events.map(\.day.seconds).min()
        if let rangeStart, rangeStart <= min(asOf, end.map { $0 - 1 } ?? .max) {
            let first = Self.period(unit, rangeStart), last = Self.period(unit, min(asOf, end.map { $0 - 1 } ?? .max))
            var histogram: [String: [Int: Int]] = [:]
            for (id, periods) in active {
                histogram[byChannel ? facts.channelLabel(id) : "", default: [:]][periods.filter { $0 >= first && $0 <= last }.count, default: 0] += 1
            }
            for g in histogram.keys.sorted(by: refLabelOrder) where last >= first {
                for k in 1...(last - first + 1) {
                    labels.append(g)
                    n.append(Int64(k))
                    customers.append(Int64(histogram[g]?[k] ?? 0))
                    cumulative.append(Int64(histogram[g]!.filter { $0.key >= k }.values.reduce(0, +)))
                }
            }
        }
        return ResultTable(columns: (byChannel ? [ResultColumn(name: "cohort", unit: .text, values: .text(labels))] : []) + [
            ResultColumn(name: "n", unit: .count, values: .integer(n)),
            ResultColumn(name: "customers", unit: .count, values: .integer(customers)),
            ResultColumn(name: "cumulative", unit: .count, values: .integer(cumulative)),
        ])
    }
}

extension ReferenceMetrics {
    /// `events [| where ts in [start, end)] | by month | metric dau, wau, mau, dau_mau`, or `cohort by channel …`
    /// (`byChannel`), or neither: distinct (customer, period) pairs over the periods of each group's range.
    func activeUsers(byMonth: Bool, byChannel: Bool, start: Int64?, end: Int64?) -> ResultTable {
        let scoped = facts.ids.flatMap { id in facts.events(id).filter { $0.ts >= (start ?? .min) && $0.ts < (end ?? .max) }.map { (id, $0) } }
        let group = { (id: String, e: RefEvent) in byMonth ? RefDay.monthLabel(e.day.monthIndex) : byChannel ? facts.channelLabel(id) : "" }
        var groups = Set(scoped.map(group))
        // A cohort keeps its customers without events, unless a `where` on events narrowed them.
        if byChannel, start == nil, end == nil { groups.formUnion(facts.ids.map(facts.channelLabel)) }
        if !byMonth && !byChannel { groups = [""] }
        let rangeStart = start ?? data.events.map(\.day.seconds).min()!
        let rangeLast = min(asOf, end.map { $0 - 1 } ?? .max)
        let active = scoped.filter { $0.1.ts >= rangeStart && $0.1.ts <= rangeLast }
        var labels: [String] = [], values = [[Double?]](repeating: [], count: 4)
        for g in groups.sorted(by: refLabelOrder) {
            labels.append(g)
            let rows = active.filter { group($0.0, $0.1) == g }
            var lo = rangeStart, hi = rangeLast
            if byMonth, let first = rows.first {
                let m = first.1.day.monthIndex
                lo = max(lo, RefDay.monthStartSecond(m)); hi = min(hi, RefDay.monthStartSecond(m + 1) - 1)
            }
            guard !rows.isEmpty, lo <= hi else { for k in 0..<4 { values[k].append(nil) }; continue }
            for (k, unit) in ["day", "week", "month"].enumerated() {
                let pairs = Set(rows.map { "\($0.0) \(Self.period(unit, $0.1.ts))" }).count
                values[k].append(Double(pairs) / Double(Self.period(unit, hi) - Self.period(unit, lo) + 1))
            }
            var ratios: [Double] = []
            for m in Set(rows.map { $0.1.day.monthIndex }).sorted() {
                let inMonth = rows.filter { $0.1.day.monthIndex == m }
                let customers = Set(inMonth.map(\.0)).count
                let dayPairs = Set(inMonth.map { "\($0.0) \($0.1.day.iso)" }).count
                let days = Self.dayOffset(min(hi, RefDay.monthStartSecond(m + 1) - 1)) - Self.dayOffset(max(lo, RefDay.monthStartSecond(m))) + 1
                ratios.append(Double(dayPairs) / Double(days) / Double(customers))
            }
            values[3].append(ratios.reduce(0, +) / Double(ratios.count) * 100)
        }
        let names = ["dau", "wau", "mau", "dau_mau"]
        return ResultTable(columns: (byMonth ? [ResultColumn(name: "month", unit: .text, values: .text(labels))] : [])
                           + (byChannel ? [ResultColumn(name: "cohort", unit: .text, values: .text(labels))] : [])
                           + names.indices.map { ResultColumn(name: names[$0], unit: $0 == 3 ? .percent : .ratio, values: .number(values[$0])) },
                           shape: byMonth ? .series : .table)
    }
}
