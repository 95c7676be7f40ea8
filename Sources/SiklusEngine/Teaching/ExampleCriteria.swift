import SiklusLanguage
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
            return [Criterion(phrase: MessageCatalog.text("example.reason.active_again", ["period": ExplainWords.period(retention.period)])) { customer, _ in
                RetentionKindExample.isActiveAgain(customer, plan: retention, context: context)
            }]
        case .retention(let retention):
            return [Criterion(phrase: MessageCatalog.text("example.reason.active_again", ["period": ExplainWords.period(retention.period)])) { customer, rows in
                RetentionTrace(customer: customer, plan: retention, rows: rows).offsets.contains { $0.offset > 0 }
            }]
        case .rows(let rows):
            if rows.listsCustomers { return [] }
            return [Criterion(phrase: MessageCatalog.text("example.reason.has_event")) { !$1.isEmpty }]
        case .customerValue:
            return [Criterion(phrase: MessageCatalog.text("example.reason.three_days"), test: CustomerValueExplanation.hasRepeatHistory)]
        case .paths(let paths):
            return [Criterion(phrase: MessageCatalog.text("example.reason.path")) { customer, rows in
                PathAnalysis.paths(of: rows, paths, customer.context).contains { $0.count > 1 }
            }]
        case .lifecycleTrend(let trend):
            return TrendTrace.criteria(period: trend.trend.period, context)
        case .stickiness(let stickiness):
            return TrendTrace.criteria(period: stickiness.period, context)
        case .funnel(let funnel):
            return [Criterion(phrase: MessageCatalog.text("example.reason.every_step")) { customer, rows in
                FunnelTrace(customer: customer, plan: funnel, rows: rows).reach.level == funnel.steps.count
            }]
        }
    }

    private func criterion(_ metric: Metric) -> Criterion? {
        let purchases: (ExampleCustomer, [Int]) -> Int = { customer, rows in rows.filter(customer.isOrder).count }
        switch metric {
        case .customers, .events, .active, .dau, .wau, .mau, .dau_mau:
            return Criterion(phrase: MessageCatalog.text("example.reason.has_event")) { !$1.isEmpty }
        case .orders, .revenue, .avg_order, .orders_per_customer, .conversion_rate, .ltv:
            return Criterion(phrase: MessageCatalog.text("example.reason.bought")) { purchases($0, $1) >= 1 }
        case .returns:
            return Criterion(phrase: MessageCatalog.text("example.reason.returned")) { customer, rows in rows.contains(where: customer.isReturn) }
        case .repeat_rate:
            return Criterion(phrase: MessageCatalog.text("example.reason.bought_twice")) { purchases($0, $1) >= 2 }
        case .engagement:
            return Criterion(phrase: MessageCatalog.text("example.reason.engagement")) { customer, rows in rows.contains(where: customer.isEngagement) }
        case .time_to_purchase:
            return Criterion(phrase: MessageCatalog.text("example.reason.bought_later")) { customer, _ in
                let c = Int(customer.code)
                return context.facts.firstPurchase[c] != CustomerFacts.none && context.facts.firstPurchase[c] > context.facts.firstEvent[c]
            }
        case .churn_rate:
            let window = plan.logical.metricOptions.churnWindow
            return Criterion(phrase: MessageCatalog.text(window == nil ? "example.reason.bought_by_as_of" : "example.reason.bought_window")) { customer, _ in
                ChurnStory(customer: customer, window: window).bought
            }
        case .stage_share:
            return Criterion(phrase: MessageCatalog.text("example.reason.purchase_or_further")) { customer, _ in
                let stage = LifecycleState(context).stage(customer.code, at: context.asOf)
                return stage != .lapsed && (stage?.rawValue ?? 0) >= Stage.purchase.rawValue
            }
        case .transitions:
            return Criterion(phrase: MessageCatalog.text("example.reason.changed_stage")) { customer, _ in
                let first = context.facts.firstEvent[Int(customer.code)]
                guard first != CustomerFacts.none else { return false }
                let state = LifecycleState(context), calendar = context.calendar(context.settings.period)
                let start = state.stage(customer.code, at: min(calendar.start(calendar.index(first) + 1) - 1, context.asOf))
                return start != state.stage(customer.code, at: context.asOf)
            }
        case .cpa:
            return Criterion(phrase: MessageCatalog.text("example.reason.first_purchase")) { customer, _ in context.facts.firstPurchase[Int(customer.code)] != CustomerFacts.none }
        case .impressions, .clicks, .spend, .ctr, .cpc, .open_rate:
            return nil
        case .orders_per_buyer, .median_order, .median_revenue_per_customer, .median_revenue_per_buyer, .median_orders_per_buyer:
            return Criterion(phrase: MessageCatalog.text("example.reason.bought")) { purchases($0, $1) >= 1 }
        case .days_between_orders:
            return Criterion(phrase: MessageCatalog.text("example.reason.bought_twice")) { purchases($0, $1) >= 2 }
        }
    }

    /// The first customer in scope (load order) meeting every criterion, else the first meeting the
    /// first one, else the first in scope; with the phrase describing the choice.
    func choose(in scope: Scope) -> (ExampleCustomer, String)? {
        let criteria = self.criteria
        var fallback: ExampleCustomer?
        for code in scope.customers {
            let customer = ExampleCustomer(code: code, context: context)
            guard !criteria.isEmpty else { return (customer, MessageCatalog.text("example.reason.in_scope")) }
            let rows = customer.rows(in: scope)
            let passed = criteria.map { $0.test(customer, rows) }
            if !passed.contains(false) { return (customer, Self.join(criteria.map(\.phrase))) }
            if fallback == nil, passed[0] { fallback = customer }
        }
        if let fallback { return (fallback, criteria[0].phrase) }
        return scope.customers.first.map { (ExampleCustomer(code: $0, context: context), MessageCatalog.text("example.reason.in_scope")) }
    }

    /// `a, b and c`, without repeats; MessageCatalog.text("example.reason.bought") goes when MessageCatalog.text("example.reason.bought_twice") says more.
    private static func join(_ phrases: [String]) -> String {
        var seen = Set<String>()
        var unique = phrases.filter { seen.insert($0).inserted }
        if unique.contains(MessageCatalog.text("example.reason.bought_twice")) { unique.removeAll { $0 == MessageCatalog.text("example.reason.bought") } }
        return unique.isEmpty ? MessageCatalog.text("example.reason.in_scope") : ExplainWords.list(unique)
    }
}
