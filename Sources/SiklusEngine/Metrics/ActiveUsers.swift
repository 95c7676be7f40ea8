import SiklusLanguage
import SiklusStore

/// `dau`, `wau`, `mau` and `dau_mau` per group. The sum over the periods of a range of the customers active in
/// each is the number of distinct (customer, period) pairs with an in-scope event inside it, so one pass
/// counts those pairs per group; a group's range is the scope's (`ActiveUsersRange`) cut to its period under
/// each event-time dimension, read from any of its rows. A group with no active customer in its range has no
/// value.
enum ActiveUsers {
    /// One (group, period) pair.
    private struct Pair: Hashable { var group: Int; var period: Int64 }

    /// What one part of the customers adds up.
    private struct Partial {
        /// Distinct (customer, period) pairs per unit and group.
        var pairs: [PeriodUnit: [Int]]
        /// A row time of each group (`CustomerFacts.none` when it has none in range).
        var witness: [Int64]
        /// Per (group, month): customers active in it, and their (customer, day) pairs.
        var months: [Pair: (customers: Int, days: Int)] = [:]
    }

    /// The values of the active-user metrics among `metrics`, per group number.
    /// - Complexity: O(n + r) expected (a hash set of pairs per customer), plus O(groups × months) for `dau_mau`.
    static func values(_ metrics: [Metric], scope: Scope, keys: GroupKeys, _ context: EvalContext,
                       range: ActiveUsersRange) throws(Diagnostic) -> [Metric: [Double?]] {
        let wanted = metrics.filter(\.definition.readsActiveUsers)
        guard !wanted.isEmpty else { return [:] }
        let none = [Double?](repeating: nil, count: keys.count)
        guard let start = range.bounds.start ?? context.dataStart.map({ CivilTime.day(of: $0) * CivilTime.secondsPerDay }) else {
            return Dictionary(uniqueKeysWithValues: wanted.map { ($0, none) })
        }
        let last = range.bounds.lastSecond(asOf: context.asOf)
        let ratio = wanted.contains(.dau_mau)
        var units = Set(wanted.compactMap { metric -> PeriodUnit? in if case .meanActives(let u) = metric.definition { u } else { nil } })
        if ratio { units.formUnion([.day, .month]) }
        let calendars = Dictionary(uniqueKeysWithValues: units.map { ($0, context.periodTable($0)) })
        let materialized = keys.materialize(scope, context)
        let events = context.store.events, ts = events.ts, mask = scope.rowMask
        let list = scope.customers
        let parts = Parallel.ranges(list.count, minimumPerPart: 4096)
        let partials: [Partial] = Parallel.map(parts.count) { k in
            var p = Partial(pairs: Dictionary(uniqueKeysWithValues: units.map { ($0, [Int](repeating: 0, count: keys.count)) }),
                            witness: [Int64](repeating: CustomerFacts.none, count: keys.count))
            var seen = Set<Pair>(), monthSeen = Set<Pair>(), rows: [(group: Int, ts: Int64)] = []
            for i in parts[k] {
                let c = list[i]
                let base = materialized.customer.isEmpty ? 0 : Int(materialized.customer[Int(c)])
                rows.removeAll(keepingCapacity: true)
                for r in events.rows(of: c) where mask?[r] ?? true {
                    guard ts[r] >= start, ts[r] <= last else { continue }
                    let g = base + (materialized.row.isEmpty ? 0 : Int(materialized.row[r]))
                    rows.append((g, ts[r]))
                    if p.witness[g] == CustomerFacts.none { p.witness[g] = ts[r] }
                }
                guard !rows.isEmpty else { continue }
                for (unit, table) in calendars {
                    seen.removeAll(keepingCapacity: true)
                    for row in rows where seen.insert(Pair(group: row.group, period: table.index(row.ts))).inserted { p.pairs[unit]![row.group] += 1 }
                }
                guard ratio, let days = calendars[.day], let months = calendars[.month] else { continue }
                seen.removeAll(keepingCapacity: true)
                monthSeen.removeAll(keepingCapacity: true)
                for row in rows {
                    let month = Pair(group: row.group, period: months.index(row.ts))
                    if monthSeen.insert(month).inserted { p.months[month, default: (0, 0)].customers += 1 }
                    if seen.insert(Pair(group: row.group, period: days.index(row.ts))).inserted { p.months[month, default: (0, 0)].days += 1 }
                }
            }
            return p
        }
        try context.checkCancelled()
        var total = Partial(pairs: Dictionary(uniqueKeysWithValues: units.map { ($0, [Int](repeating: 0, count: keys.count)) }),
                            witness: [Int64](repeating: CustomerFacts.none, count: keys.count))
        for p in partials {
            for (unit, counts) in p.pairs { for g in counts.indices { total.pairs[unit]![g] += counts[g] } }
            for g in p.witness.indices where total.witness[g] == CustomerFacts.none { total.witness[g] = p.witness[g] }
            for (key, value) in p.months { total.months[key, default: (0, 0)].customers += value.customers; total.months[key, default: (0, 0)].days += value.days }
        }

        // Each group's range: the scope's, cut to the group's period under each event-time dimension.
        let spans: [(lo: Int64, hi: Int64)?] = (0..<keys.count).map { g in
            let w = total.witness[g]
            guard w != CustomerFacts.none else { return nil }
            var lo = start, hi = last
            let parts = keys.parts(g)
            for dimension in range.eventTimeDimensions where parts.indices.contains(dimension.index) {
                let calendar = context.calendar(dimension.unit), p = calendar.index(w)
                lo = max(lo, calendar.start(p))
                hi = min(hi, calendar.start(p + 1) - 1)
            }
            return lo <= hi ? (lo, hi) : nil
        }
        var out: [Metric: [Double?]] = [:]
        for metric in wanted {
            switch metric.definition {
            case .meanActives(let unit):
                let table = calendars[unit]!
                out[metric] = (0..<keys.count).map { g in
                    guard let span = spans[g], total.pairs[unit]![g] > 0 else { return nil }
                    return Double(total.pairs[unit]![g]) / Double(table.index(span.hi) - table.index(span.lo) + 1)
                }
            default:
                out[metric] = dailyOverMonthly(total.months, spans: spans, context)
            }
        }
        return out
    }

    /// `dau_mau` per group: the mean over its months with actives of (day pairs / days of the month in range) / actives, × 100.
    private static func dailyOverMonthly(_ months: [Pair: (customers: Int, days: Int)], spans: [(lo: Int64, hi: Int64)?],
                                         _ context: EvalContext) -> [Double?] {
        let calendar = context.calendar(.month)
        var ratios = [[(Int64, Double)]](repeating: [], count: spans.count)
        for (key, value) in months where value.customers > 0 {
            guard let span = spans[key.group] else { continue }
            let lo = max(span.lo, calendar.start(key.period)), hi = min(span.hi, calendar.start(key.period + 1) - 1)
            let days = CivilTime.day(of: hi) - CivilTime.day(of: lo) + 1
            ratios[key.group].append((key.period, Double(value.days) / Double(days) / Double(value.customers)))
        }
        return ratios.map { list in
            guard !list.isEmpty else { return nil }
            return list.sorted { $0.0 < $1.0 }.reduce(0) { $0 + $1.1 } / Double(list.count) * 100
        }
    }
}
