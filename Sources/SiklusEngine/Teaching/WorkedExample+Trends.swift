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
            active.append("\(calendar.label(p)) \(ColumnHeader.display(kind))")
            if !(j + 1 < periods.count && periods[j + 1] == p + 1) && p < last { dormant.append(calendar.label(p + 1)) }
        }
        let shown = active.prefix(6).joined(separator: ", ") + (active.count > 6 ? ExampleCustomer.more(active.count - 6) : "")
        let dormantText = dormant.isEmpty ? MessageCatalog.text("example.trend.never_dormant")
            : MessageCatalog.text("example.trend.dormant", ["periods": dormant.prefix(6).joined(separator: ", ") + (dormant.count > 6 ? ExampleCustomer.more(dormant.count - 6) : "")])
        return MessageCatalog.text("example.trend.active_in", ["periods": shown, "dormant": dormantText])
    }
}

extension ExampleContributions {
    /// Their lifecycle: each active period's class, and the periods they went dormant in.
    func lifecycleTrend(_ plan: LifecycleTrendPlan) -> String {
        let trace = TrendTrace(customer: customer, activity: plan.activity, unit: plan.trend.period, scope: scope)
        guard !trace.periods.isEmpty else { return MessageCatalog.text("example.trend.not_active", ["activity": plan.trend.activityName]) }
        let context = customer.context
        let signup = context.facts.signup[Int(customer.code)]
        let known = signup == CustomerFacts.none ? nil : signup
        let since = known.map { MessageCatalog.text("example.trend.signed_up", ["date": CivilTime.formatDate($0), "period": trace.calendar.label(trace.calendar.index($0))]) }
            ?? MessageCatalog.text("example.trend.no_signup")
        return since + "\n→ " + trace.lifecycle(signup: known, last: trace.calendar.index(plan.trend.bounds.lastSecond(asOf: context.asOf)))
    }

    /// Their number of active periods in the range, the row they count in.
    func stickiness(_ plan: LogicalQuery.Stickiness) -> String {
        let trace = TrendTrace(customer: customer, activity: .any, unit: plan.period, scope: scope)
        let context = customer.context
        let start = plan.bounds.start ?? context.dataStart.map { CivilTime.day(of: $0) * CivilTime.secondsPerDay } ?? 0
        let first = trace.calendar.index(start), last = trace.calendar.index(plan.bounds.lastSecond(asOf: context.asOf))
        let inRange = trace.periods.filter { $0 >= first && $0 <= last }
        guard !inRange.isEmpty else { return MessageCatalog.text("example.trend.none_in_range") }
        let shown = inRange.prefix(8).map(trace.calendar.label).joined(separator: ", ") + (inRange.count > 8 ? ExampleCustomer.more(inRange.count - 8) : "")
        return MessageCatalog.text("example.trend.stickiness", ["units": ExplainWords.periods(plan.period), "periods": shown, "n": String(inRange.count)])
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
            let t = plan.trend
            return [MessageCatalog.text("explain.plan.lifecycle", ["unit": ExplainWords.period(t.period), "activity": t.activityName,
                                                                   "bound": t.bounds.end == nil ? "" : MessageCatalog.text("explain.plan.lifecycle_bound")])]
        case .stickiness(let s):
            return [MessageCatalog.text("explain.plan.stickiness", [
                "unit": ExplainWords.period(s.period), "units": ExplainWords.periods(s.period),
                "start": MessageCatalog.text(s.bounds.start == nil ? "explain.plan.range_first_day" : "explain.plan.range_bound"),
                "end": s.bounds.end == nil ? "" : MessageCatalog.text("explain.plan.range_end_bound"),
            ])]
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
        guard !periods.isEmpty else { return MessageCatalog.text("example.active_users_none") }
        let shown = periods.prefix(6).map(calendar.label).joined(separator: ", ") + (periods.count > 6 ? ExampleCustomer.more(periods.count - 6) : "")
        let what = metric == .dau_mau ? MessageCatalog.text("example.active_users_dau_mau")
            : MessageCatalog.text("example.active_users_sum", ["actives": MessageCatalog.text("example.actives." + unit.rawValue)])
        return MessageCatalog.text("example.active_users", ["periods": ExampleCustomer.count(periods.count, unit.rawValue), "list": shown,
                                                             "count": String(periods.count), "what": what])
    }
}
