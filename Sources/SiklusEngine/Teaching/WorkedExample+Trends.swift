import SiklusLanguage
import SiklusStore

/// The worked example's customer in a `lifecycle` or `stickiness` result: their active periods, each
/// classified as the table classifies it, and the periods they count in.
struct TrendTrace {
    /// The customer's active periods (ascending, distinct).
    let periods: [Int64]
    let calendar: PeriodCalendar

    init(customer: ExampleCustomer, activity: RetentionPlan.Activity, unit: PeriodUnit, scope: Scope) {
        let context = customer.context
        calendar = context.calendar(unit)
        var periods: [Int64] = []
        ActivityPeriods(activity, unit: unit, scope: scope, context).collect(customer.code, into: &periods)
        self.periods = periods
    }

    /// `2022-09 new, 2022-10 returning, 2022-12 resurrecting; dormant in 2022-11, 2023-01`, as `LifecycleTrendTable`
    /// counts them (a dormant period only up to `last`).
    func lifecycle(signup: Int64?, last: Int64) -> String {
        let newPeriod = signup.map { calendar.index($0) }
        var active: [String] = [], dormant: [String] = []
        for (j, p) in periods.enumerated() {
            let kind = p == newPeriod ? "new" : (j > 0 && periods[j - 1] == p - 1 ? "returning" : "resurrecting")
            active.append("\(calendar.label(p)) \(kind)")
            if !(j + 1 < periods.count && periods[j + 1] == p + 1) && p < last { dormant.append(calendar.label(p + 1)) }
        }
        let shown = active.prefix(6).joined(separator: ", ") + (active.count > 6 ? " and \(active.count - 6) more" : "")
        let dormantText = dormant.isEmpty ? "never dormant" : "dormant in " + dormant.prefix(6).joined(separator: ", ")
            + (dormant.count > 6 ? " and \(dormant.count - 6) more" : "")
        return "active in " + shown + "; " + dormantText
    }
}

extension ExampleContributions {
    /// Their lifecycle: each active period's class, and the periods they went dormant in.
    func lifecycleTrend(_ plan: LifecycleTrendPlan) -> String {
        let trace = TrendTrace(customer: customer, activity: plan.activity, unit: plan.trend.period, scope: scope)
        guard !trace.periods.isEmpty else { return "not active (\(plan.trend.activityName)) in scope → in no row" }
        let context = customer.context
        let signup = context.facts.signup[Int(customer.code)]
        let known = signup == CustomerFacts.none ? nil : signup
        let since = known.map { "signed up \(CivilTime.formatDate($0)) (new in \(trace.calendar.label(trace.calendar.index($0))))" } ?? "no signup"
        return since + "\n→ " + trace.lifecycle(signup: known, last: trace.calendar.index(plan.trend.bounds.lastSecond(asOf: context.asOf)))
    }

    /// Their number of active periods in the range, the row they count in.
    func stickiness(_ plan: LogicalQuery.Stickiness) -> String {
        let trace = TrendTrace(customer: customer, activity: .any, unit: plan.period, scope: scope)
        let context = customer.context
        let start = plan.bounds.start ?? context.dataStart.map { CivilTime.day(of: $0) * CivilTime.secondsPerDay } ?? 0
        let first = trace.calendar.index(start), last = trace.calendar.index(plan.bounds.lastSecond(asOf: context.asOf))
        let inRange = trace.periods.filter { $0 >= first && $0 <= last }
        guard !inRange.isEmpty else { return "no event in scope in the range → in no row" }
        let shown = inRange.prefix(8).map(trace.calendar.label).joined(separator: ", ") + (inRange.count > 8 ? " and \(inRange.count - 8) more" : "")
        return "active \(plan.period.rawValue)s: \(shown)\n→ counted in n = \(inRange.count) (customers) and in n = 1 … \(inRange.count) (cumulative)"
    }
}

extension TrendTrace {
    /// A customer whose in-scope rows span several periods with a gap, so the example shows returning,
    /// dormant and resurrecting periods.
    static func criteria(period unit: PeriodUnit, _ context: EvalContext) -> [ExampleCriteria.Criterion] {
        let calendar = context.calendar(unit), ts = context.store.events.ts, asOf = context.asOf
        func periods(_ rows: [Int]) -> [Int64] {
            var out: [Int64] = []
            for r in rows where ts[r] <= asOf { let p = calendar.index(ts[r]); if out.last != p { out.append(p) } }
            return out
        }
        return [
            ExampleCriteria.Criterion(phrase: MessageCatalog.text("example.reason.came_back", ["period": ExplainWords.period(unit)])) { _, rows in
                let p = periods(rows)
                return zip(p, p.dropFirst()).contains { $1 > $0 + 1 } && zip(p, p.dropFirst()).contains { $1 == $0 + 1 }
            },
        ]
    }
}

extension TrendTrace {
    /// The plan in words for `explain`: what the step counts, with its exact definitions.
    static func words(_ output: ColumnarPlan.Output) -> [String] {
        switch output {
        case .lifecycleTrend(let plan):
            let t = plan.trend, unit = t.period.rawValue
            return ["lifecycle per \(unit), active = \(t.activityName): for each \(unit) from the first with activity to as_of's\(t.bounds.end == nil ? "" : " (or the `where ts` bound's)"), "
                    + "each active customer is new (the \(unit) holds their signup, else first event), returning (active the \(unit) before) or resurrecting (the others); "
                    + "dormant (negative) counts customers active the \(unit) before and not in it; pulse = (new + resurrecting) / |dormant|"]
        case .stickiness(let s):
            let unit = s.period.rawValue
            return ["stickiness per \(unit): the range runs from \(s.bounds.start == nil ? "the first day with an event" : "the `where ts` bound") to as_of\(s.bounds.end == nil ? "" : " (or the `where ts` bound, if earlier)"); "
                    + "customers = customers with events in exactly n \(unit)s of it, cumulative = in at least n, for n = 1 … the \(unit)s in the range"]
        default:
            return []
        }
    }
}

extension ExampleContributions {
    /// Their active days (weeks, months) in the active range: what they add to the sum `dau` … divides.
    func activeUsers(_ metric: Metric) -> String {
        let unit: PeriodUnit = switch metric.definition {
        case .meanActives(let unit): unit
        default: .day
        }
        let range = ActiveUsersRange(plan.logical), context = customer.context
        let start = range.bounds.start ?? context.dataStart.map { CivilTime.day(of: $0) * CivilTime.secondsPerDay } ?? 0
        let last = range.bounds.lastSecond(asOf: context.asOf)
        let calendar = context.calendar(unit), ts = context.store.events.ts
        var periods: [Int64] = []
        for r in customer.rows(in: scope) where ts[r] >= start && ts[r] <= last {
            let p = calendar.index(ts[r])
            if periods.last != p { periods.append(p) }
        }
        guard !periods.isEmpty else { return "no event in scope in the active range → adds nothing" }
        let shown = periods.prefix(6).map(calendar.label).joined(separator: ", ") + (periods.count > 6 ? " and \(periods.count - 6) more" : "")
        let what = metric == .dau_mau ? "to the daily actives of those months and 1 to each month's actives"
            : "to the sum of \(unit.rawValue)ly actives (in each group they have events in)"
        return "active on \(ExampleCustomer.count(periods.count, unit.rawValue)) in the range (\(shown)) → adds \(periods.count) \(what)"
    }
}
