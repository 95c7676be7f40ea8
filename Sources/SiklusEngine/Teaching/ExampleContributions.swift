import Foundation
import SiklusStore

/// What the worked example's customer adds to the pipeline's output: the parts of each metric, their
/// retention cells, or their furthest funnel step; and the result row of their group.
struct ExampleContributions {
    let customer: ExampleCustomer
    /// The scope after every `stage` and `where` step.
    let scope: Scope
    let plan: ColumnarPlan

    private var context: EvalContext { customer.context }
    private var rows: [Int] { customer.rows(in: scope) }

    /// One line per metric (or one for retention / funnel).
    func text() -> String {
        switch plan.output {
        case .metrics(let metrics, _):
            let spendOnly = metrics.filter { $0.needsSpend && $0 != .cpa }
            var lines = metrics.filter { !spendOnly.contains($0) }.map { "\($0.rawValue): " + contribution($0) }
            if !spendOnly.isEmpty { lines.append(spendOnly.map(\.rawValue).joined(separator: ", ") + ": " + spendExample()) }
            return lines.joined(separator: "\n")
        case .retention(let retention): return self.retention(retention)
        case .funnel(let funnel): return self.funnel(funnel)
        case .customerValue(let value): return CustomerValueExplanation(value: value, context: context).example(customer, scope: scope)
        case .paths(let paths): return self.paths(paths)
        case .lifecycleTrend(let trend): return lifecycleTrend(trend)
        case .stickiness(let stickiness): return self.stickiness(stickiness)
        case .rows(let listing):
            let rank = scope.customers.firstIndex(of: customer.code).map { $0 + 1 } ?? 0
            if listing.listsCustomers { return "listed as customer \(rank) in scope (customers in order of first appearance)" }
            return "listed: " + ExampleCustomer.count(rows.count, "event row") + " of theirs in scope, in time order, each with its stage"
        }
    }

    private func contribution(_ metric: Metric) -> String {
        let rows = self.rows
        // Orders (with an order column, one row per order); revenue is net over every purchase row.
        let purchases = rows.filter(customer.isOrder)
        let money = ExampleCustomer.money(customer.revenue(rows))
        let orders = ExampleCustomer.count(purchases.count, "order")
        switch metric {
        case .customers:
            return "counted once" + (plan.dimensions.contains { !$0.isCustomerLevel } ? " in each group they have an event in" : "")
        case .events: return ExampleCustomer.count(rows.count, "event") + " in scope"
        case .orders: return purchases.isEmpty ? "no purchase in scope → 0" : "\(orders): \(customer.list(purchases))" + outOfScopeFirstPurchase
        case .returns:
            let returns = rows.filter(customer.isReturn)
            return returns.isEmpty ? "no return in scope → 0" : ExampleCustomer.count(returns.count, "return") + ": " + customer.list(returns)
        case .revenue: return !rows.contains(where: customer.isPurchase) ? "no purchase in scope → 0" : "\(money) from \(customer.list(rows.filter { customer.isOrder($0) || customer.isReturn($0) }))" + outOfScopeFirstPurchase
        case .avg_order:
            guard !purchases.isEmpty else { return "no purchase in scope → adds nothing" }
            return "\(orders) worth \(money) (\(customer.list(purchases))) → adds \(purchases.count) to orders and \(money) to revenue"
                + outOfScopeFirstPurchase
        case .orders_per_customer: return "\(orders) and 1 customer"
        case .repeat_rate:
            switch purchases.count {
            case 0: return "no purchase in scope → not a buyer, not counted"
            case 1: return "bought once → counts among buyers, not among repeaters"
            default: return "bought \(purchases.count) times → counts among buyers and among repeaters"
            }
        case .conversion_rate:
            return purchases.isEmpty ? "did not buy in scope → counts among customers only"
                : "bought (\(customer.list(Array(purchases.prefix(1)), limit: 1))) → counts among customers and among buyers"
        case .time_to_purchase:
            let c = Int(customer.code), first = context.facts.firstEvent[c], bought = context.facts.firstPurchase[c]
            guard bought != CustomerFacts.none else { return "never bought → not counted" }
            return "first event \(CivilTime.formatDate(first)), first purchase \(CivilTime.formatDate(bought)) → \(ExampleCustomer.days(bought - first))"
        case .ltv:
            let cumulative = plan.dimensions.contains { $0.period != nil && !$0.isCustomerLevel }
            return "\(money) of revenue and 1 customer" + (cumulative ? "; their revenue adds up period by period" : "")
        case .active: return rows.isEmpty ? "no event in scope → not active" : ExampleCustomer.count(rows.count, "event") + " in scope → active"
        case .dau, .wau, .mau, .dau_mau: return activeUsers(metric)
        case .engagement:
            let engaged = rows.filter(customer.isEngagement)
            return "\(ExampleCustomer.count(engaged.count, "engagement event")) (\(customer.list(engaged))) → adds \(engaged.count) to engagement events"
                + (rows.isEmpty ? "" : " and 1 to active customers")
        case .churn_rate:
            let story = ChurnStory(customer: customer, window: plan.logical.metricOptions.churnWindow)
            guard story.bought else { return plan.logical.metricOptions.churnWindow == nil ? "never bought by as_of → not counted" : story.text }
            return story.text + " → counts among buyers" + (story.churned ? " and among the churned" : " only")
        case .stage_share: return stageStory()
        case .transitions: return "stage at the end of each \(context.settings.period.rawValue): " + trajectory()
            + (plan.logical.metricOptions.transitionsPercent ? "\n(the first stage counts in the entered row; each later \(context.settings.period.rawValue) in the row of the stage before it)" : "")
        case .cpa:
            let c = Int(customer.code), bought = context.facts.firstPurchase[c]
            guard bought != CustomerFacts.none else { return "never bought → not a new customer" }
            let channel = context.facts.acquisitionChannel[c]
            return "first purchase \(CivilTime.formatDate(bought)), acquisition channel \(channel >= 0 ? context.store.strings[channel] : "(none)")"
                + " → one of the new customers their group's spend is divided by"
        case .impressions, .clicks, .spend, .ctr, .cpc, .open_rate: return spendExample()
        case .orders_per_buyer, .median_order, .days_between_orders, .median_revenue_per_customer, .median_revenue_per_buyer, .median_orders_per_buyer:
            return orderMetricContribution(metric) ?? ""
        }
    }

    /// `(their first purchase, purchase 2022-09-20 (42.10), is not in scope)` when a stage or filter left it out.
    private var outOfScopeFirstPurchase: String {
        let row = Int(context.facts.firstPurchaseRow[Int(customer.code)])
        guard row >= 0, !rows.contains(row) else { return "" }
        return "\n(their first purchase, \(customer.describe(row)), is not in scope)"
    }

    private func stageStory() -> String {
        let state = LifecycleState(context)
        guard let stage = state.stage(customer.code, at: context.asOf) else { return "no staged event by as_of → no stage" }
        if stage == .churn { return "current stage churn: " + ChurnStory(customer: customer).text }
        if stage == .lapsed { return "current stage lapsed: " + LapseStory.text(customer) }
        let classifier = StageClassifier(context)
        let reachedBy = customer.allRows.first { context.store.events.ts[$0] <= context.asOf && classifier.stage(customer: customer.code, row: $0) == stage }
        return "current stage \(stage.name): the furthest stage reached" + (reachedBy.map { ", first by \(customer.describe($0))" } ?? "") + ", not churned"
    }

    /// `2022-09 awareness → 2022-10 purchase → 2023-02 churn`: the periods where the stage changed.
    private func trajectory() -> String {
        let state = LifecycleState(context)
        let calendar = context.calendar(context.settings.period)
        let first = context.facts.firstEvent[Int(customer.code)]
        guard first != CustomerFacts.none, first <= context.asOf else { return "no event by as_of" }
        var steps: [String] = []
        var previous: Stage?
        var p = calendar.index(first)
        let last = calendar.index(context.asOf)
        while p <= last {
            let stage = state.stage(customer.code, at: min(calendar.start(p + 1) - 1, context.asOf))
            if let stage, stage != previous { steps.append("\(calendar.label(p)) \(stage.name)") }
            previous = stage
            p += 1
        }
        return steps.joined(separator: " → ")
    }

    /// Spend rows have no customer: one row of the customer's acquisition channel, as an example.
    private func spendExample() -> String {
        let spend = context.store.spend
        guard let date = spend.column(for: .date), case .int64(let dates) = date.data,
              let channel = spend.column(for: .channel), case .code(let channels) = channel.data, spend.count > 0 else { return "no spend rows" }
        let own = context.facts.acquisitionChannel[Int(customer.code)]
        let row = channels.firstIndex(of: own) ?? 0
        func value(_ role: ColumnRole) -> String {
            guard let column = spend.column(for: role), !column.isNull(row) else { return "0" }
            switch column.data {
            case .double(let v): return role == .spend ? ExampleCustomer.money(v[row]) : ExampleCustomer.number(v[row])
            case .int64(let v): return String(v[row])
            case .code: return "0"
            }
        }
        let name = channels[row] >= 0 ? context.store.strings[channels[row]] : "(none)"
        return "spend rows have no customer; e.g. \(CivilTime.formatDate(dates[row])) \(name): spend \(value(.spend)), "
            + "\(value(.impressions)) impressions, \(value(.clicks)) clicks, added to the group of its date and channel"
    }

    private func retention(_ retention: RetentionPlan) -> String {
        if !retention.spec.kind.isPlain || retention.spec.activity.isStage {
            return RetentionKindExample.text(customer, plan: retention, scope: scope)
        }
        let trace = RetentionTrace(customer: customer, plan: retention, rows: rows)
        let anchorName = retention.anchorOnFirstPurchase ? "first purchase" : "signup"
        guard let anchor = trace.anchor else { return "no \(anchorName) → in no cohort" }
        var text = "\(anchorName) \(CivilTime.formatDate(anchor)) is period 0 (\(trace.anchorPeriod))"
        guard !trace.offsets.isEmpty else { return text + "; not active (\(retention.activityName)) since → counted in no column, only in the cohort size" }
        let shown = trace.offsets.prefix(5).map { "\(customer.describe($0.row)) (+\($0.offset))" }.joined(separator: ", ")
        text += "; active (\(retention.activityName)): \(shown)" + (trace.offsets.count > 5 ? " and \(trace.offsets.count - 5) more" : "")
        var seen = Set<Int>()
        let columns = trace.offsets.map(\.offset).filter { seen.insert($0).inserted }.sorted()
        if retention.unbounded, let latest = columns.last {
            return text + "\n→ counted in columns 0 to \(latest) (unbounded: active then or later)"
        }
        return text + "\n→ counted in column\(columns.count == 1 ? "" : "s") " + columns.map(String.init).joined(separator: ", ")
    }

    private func funnel(_ funnel: FunnelPlan) -> String {
        let trace = FunnelTrace(customer: customer, plan: funnel, rows: rows)
        let reach = trace.reach
        guard reach.level > 0 else { return "never did \(funnel.steps[0].name) in scope → not in the funnel" }
        let steps = zip(funnel.steps.prefix(reach.level), reach.times).map { "\($0.name) \(CivilTime.formatDate($1))" }
        return "best attempt: " + steps.joined(separator: " → ") + " → reaches step \(reach.level) of \(funnel.steps.count)"
            + funnelSplit(funnel, trace)
    }

    /// The result row of the customer's group, when it has one (metric tables without event-level
    /// groups, and retention): `their row of the result: cohort search, avg_order 46.36`.
    func resultRow() -> String? {
        if case .metrics(let metrics, _) = plan.output, metrics.contains(where: \.hasOwnShape) { return nil }
        if case .funnel = plan.output { return nil }
        if case .paths = plan.output { return nil }
        if case .lifecycleTrend = plan.output { return nil }   // one row per period: no single row of theirs
        if case .stickiness = plan.output { return nil }       // they count in several rows (cumulative)
        if case .rows = plan.output { return nil }   // the result is their rows themselves, not a group's row
        if case .retention(let r) = plan.output, r.start != nil { return nil }   // one row per entry: shown per entry above
        if case .customerValue = plan.output { return nil }   // one row per customer: the example line says theirs
        let dimensions = (plan.grouping.map { [$0] } ?? []) + plan.dimensions
        guard dimensions.allSatisfy(\.isCustomerLevel), let table = try? QueryExecutor.run(plan, context) else { return nil }
        let labels = dimensions.map { $0.labels[$0.key(customer.code, -1)] }
        let labelColumns = table.columns.prefix(labels.count)
        guard let row = (0..<table.rowCount).first(where: { r in
            zip(labelColumns, labels).allSatisfy { column, label in
                if case .text(let values) = column.values { return values[r] == label }
                return false
            }
        }) else { return nil }
        let cells = table.columns.map { column -> String in
            let value: String
            switch column.values {
            case .text(let v): value = v[row] ?? "(none)"
            case .integer(let v): value = v[row].map(String.init) ?? "–"
            case .number(let v): value = v[row].map { Self.format($0, column.unit) } ?? "–"
            }
            return "\(column.name) \(value)"
        }
        let shown = cells.prefix(8).joined(separator: ", ") + (cells.count > 8 ? ", …" : "")
        return "their group's row of the result: " + shown
    }

    private static func format(_ value: Double, _ unit: ValueUnit) -> String {
        switch unit {
        case .money: ExampleCustomer.money(value)
        case .percent: String(format: "%.2f%%", value)
        case .days: String(format: "%.1f days", value)
        default: ExampleCustomer.number(value)
        }
    }
}
