import SiklusStore

/// What makes a customer worth following for a pipeline's output: for each metric (or the retention
/// or funnel step), a test that the customer adds something to it, and the phrase saying so.
struct ExampleCriteria {
    struct Criterion {
        let phrase: String
        let test: (ExampleCustomer, [Int]) -> Bool
    }

    let context: EvalContext
    let plan: ColumnarPlan

    /// The criteria of the plan's output, most important first.
    var criteria: [Criterion] {
        switch plan.output {
        case .metrics(let metrics, _): return metrics.compactMap(criterion)
        case .retention(let retention) where !retention.spec.kind.isPlain || retention.spec.activity.isStage:
            return [Criterion(phrase: "was active again after their first \(retention.period.rawValue)") { customer, _ in
                RetentionKindExample.isActiveAgain(customer, plan: retention, context: context)
            }]
        case .retention(let retention):
            return [Criterion(phrase: "was active again after their first \(retention.period.rawValue)") { customer, rows in
                RetentionTrace(customer: customer, plan: retention, rows: rows).offsets.contains { $0.offset > 0 }
            }]
        case .rows(let rows):
            if rows.listsCustomers { return [] }
            return [Criterion(phrase: "has an event in scope") { !$1.isEmpty }]
        case .customerValue:
            return [Criterion(phrase: "bought on three days or more by as_of", test: CustomerValueExplanation.hasRepeatHistory)]
        case .paths(let paths):
            return [Criterion(phrase: "has a path with a transition") { customer, rows in
                PathAnalysis.paths(of: rows, paths, customer.context).contains { $0.count > 1 }
            }]
        case .lifecycleTrend(let trend):
            return TrendTrace.criteria(period: trend.trend.period, context)
        case .stickiness(let stickiness):
            return TrendTrace.criteria(period: stickiness.period, context)
        case .funnel(let funnel):
            return [Criterion(phrase: "went through every step") { customer, rows in
                FunnelTrace(customer: customer, plan: funnel, rows: rows).reach.level == funnel.steps.count
            }]
        }
    }

    private func criterion(_ metric: Metric) -> Criterion? {
        let purchases: (ExampleCustomer, [Int]) -> Int = { customer, rows in rows.filter(customer.isOrder).count }
        switch metric {
        case .customers, .events, .active, .dau, .wau, .mau, .dau_mau:
            return Criterion(phrase: "has an event in scope") { !$1.isEmpty }
        case .orders, .revenue, .avg_order, .orders_per_customer, .conversion_rate, .ltv:
            return Criterion(phrase: "bought in scope") { purchases($0, $1) >= 1 }
        case .returns:
            return Criterion(phrase: "returned an order in scope") { customer, rows in rows.contains(where: customer.isReturn) }
        case .repeat_rate:
            return Criterion(phrase: "bought twice in scope") { purchases($0, $1) >= 2 }
        case .engagement:
            return Criterion(phrase: "has an engagement event in scope") { customer, rows in rows.contains(where: customer.isEngagement) }
        case .time_to_purchase:
            return Criterion(phrase: "bought some time after their first event") { customer, _ in
                let c = Int(customer.code)
                return context.facts.firstPurchase[c] != CustomerFacts.none && context.facts.firstPurchase[c] > context.facts.firstEvent[c]
            }
        case .churn_rate:
            let window = plan.logical.metricOptions.churnWindow
            return Criterion(phrase: window == nil ? "had bought by as_of" : "bought at least the window before as_of") { customer, _ in
                ChurnStory(customer: customer, window: window).bought
            }
        case .stage_share:
            return Criterion(phrase: "got to purchase or further") { customer, _ in
                let stage = LifecycleState(context).stage(customer.code, at: context.asOf)
                return stage != .lapsed && (stage?.rawValue ?? 0) >= Stage.purchase.rawValue
            }
        case .transitions:
            return Criterion(phrase: "changed stage over time") { customer, _ in
                let first = context.facts.firstEvent[Int(customer.code)]
                guard first != CustomerFacts.none else { return false }
                let state = LifecycleState(context), calendar = context.calendar(context.settings.period)
                let start = state.stage(customer.code, at: min(calendar.start(calendar.index(first) + 1) - 1, context.asOf))
                return start != state.stage(customer.code, at: context.asOf)
            }
        case .cpa:
            return Criterion(phrase: "has a first purchase") { customer, _ in context.facts.firstPurchase[Int(customer.code)] != CustomerFacts.none }
        case .impressions, .clicks, .spend, .ctr, .cpc, .open_rate:
            return nil
        case .orders_per_buyer, .median_order, .median_revenue_per_customer, .median_revenue_per_buyer, .median_orders_per_buyer:
            return Criterion(phrase: "bought in scope") { purchases($0, $1) >= 1 }
        case .days_between_orders:
            return Criterion(phrase: "bought twice in scope") { purchases($0, $1) >= 2 }
        }
    }

    /// The first customer in scope (load order) meeting every criterion, else the first meeting the
    /// first one, else the first in scope; with the phrase describing the choice.
    func choose(in scope: Scope) -> (ExampleCustomer, String)? {
        let criteria = self.criteria
        var fallback: ExampleCustomer?
        for code in scope.customers {
            let customer = ExampleCustomer(code: code, context: context)
            guard !criteria.isEmpty else { return (customer, "is in scope") }
            let rows = customer.rows(in: scope)
            let passed = criteria.map { $0.test(customer, rows) }
            if !passed.contains(false) { return (customer, Self.join(criteria.map(\.phrase))) }
            if fallback == nil, passed[0] { fallback = customer }
        }
        if let fallback { return (fallback, criteria[0].phrase) }
        return scope.customers.first.map { (ExampleCustomer(code: $0, context: context), "is in scope") }
    }

    /// `a, b and c`, without repeats; "bought in scope" goes when "bought twice in scope" says more.
    private static func join(_ phrases: [String]) -> String {
        var seen = Set<String>()
        var unique = phrases.filter { seen.insert($0).inserted }
        if unique.contains("bought twice in scope") { unique.removeAll { $0 == "bought in scope" } }
        guard let last = unique.popLast() else { return "is in scope" }
        return unique.isEmpty ? last : unique.joined(separator: ", ") + " and " + last
    }
}
