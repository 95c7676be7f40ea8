import SiklusStore

/// One customer's part of a retention table: their anchor period and the later periods they were
/// active in, as `RetentionMatrix` counts them.
struct RetentionTrace {
    /// The anchor moment (signup or first purchase), nil when the customer has none.
    let anchor: Int64?
    /// The activity rows with their period offset from the anchor (offset >= 0, within the horizon).
    let offsets: [(row: Int, offset: Int)]
    let calendar: PeriodCalendar

    init(customer: ExampleCustomer, plan: RetentionPlan, rows: [Int]) {
        let context = customer.context
        let events = context.store.events
        let calendar = context.calendar(plan.period)
        self.calendar = calendar
        let time = (plan.anchorOnFirstPurchase ? context.facts.firstPurchase : context.facts.signup)[Int(customer.code)]
        guard time != CustomerFacts.none else {
            anchor = nil
            offsets = []
            return
        }
        anchor = time
        let start = calendar.index(time)
        let limit = plan.horizon ?? Int.max - 1
        offsets = rows.compactMap { r in
            guard events.ts[r] <= context.asOf else { return nil }
            switch plan.activity {
            case .purchase: if !customer.isPurchase(r) { return nil }
            case .any: break
            case .event(let code): if events.event[r] != code { return nil }
            case .stage(let stage): if !StageClassifier(context).row(r, of: customer.code, isIn: stage) { return nil }
            }
            let offset = Int(calendar.index(events.ts[r]) - start)
            return offset >= 0 && offset <= limit ? (r, offset) : nil
        }
    }

    /// The label of the anchor's period: `2022-09`.
    var anchorPeriod: String { anchor.map { calendar.label(calendar.index($0)) } ?? "(none)" }
}

/// One customer's best funnel attempt, as `FunnelAnalysis.furthest` finds it.
struct FunnelTrace {
    let reach: FunnelAnalysis.Reach
    /// The store row of each position in `reach.rows`.
    let storeRows: [Int]

    init(customer: ExampleCustomer, plan: FunnelPlan, rows: [Int]) {
        let masks = StepMasks(plan, customer.context)
        let ts = customer.context.store.events.ts
        var times: [Int64] = [], steps: [UInt32] = [], storeRows: [Int] = []
        for r in rows {
            let mask = masks.mask(customer: customer.code, row: r)
            if mask != 0 { times.append(ts[r]); steps.append(mask); storeRows.append(r) }
        }
        self.storeRows = storeRows
        let n = plan.steps.count
        var best = FunnelAnalysis.Reach(level: 0, times: Array(repeating: 0, count: n)), attempt = best.times
        if !times.isEmpty, !plan.exclusions.isEmpty {
            var excluding = FunnelExclusionAttempts(plan)
            excluding.furthest(times: times, steps: steps, window: plan.window, order: plan.order, best: &best)
        } else if !times.isEmpty {
            FunnelAnalysis.furthest(times: times, steps: steps, stepCount: n, window: plan.window, order: plan.order, best: &best, attempt: &attempt)
        }
        best.times = Array(best.times.prefix(best.level))
        reach = best
    }
}
