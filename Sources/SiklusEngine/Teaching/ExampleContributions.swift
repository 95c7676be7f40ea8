import Foundation
import SiklusLanguage
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
            if listing.listsCustomers { return MessageCatalog.text("example.rows_customer", ["rank": String(rank)]) }
            return MessageCatalog.text("example.rows_events", ["rows": ExampleCustomer.count(rows.count, "event row")])
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
            return plan.dimensions.contains { !$0.isCustomerLevel } ? MessageCatalog.text("example.counted_once_each_group") : MessageCatalog.text("example.counted_once")
        case .events: return MessageCatalog.text("example.in_scope", ["what": ExampleCustomer.count(rows.count, "event")])
        case .orders: return purchases.isEmpty ? MessageCatalog.text("example.no_purchase_zero") : "\(orders): \(customer.list(purchases))" + outOfScopeFirstPurchase
        case .returns:
            let returns = rows.filter(customer.isReturn)
            return returns.isEmpty ? MessageCatalog.text("example.no_return_zero") : ExampleCustomer.count(returns.count, "return") + ": " + customer.list(returns)
        case .revenue:
            return !rows.contains(where: customer.isPurchase) ? MessageCatalog.text("example.no_purchase_zero")
                : MessageCatalog.text("example.revenue", ["money": money, "list": customer.list(rows.filter { customer.isOrder($0) || customer.isReturn($0) })]) + outOfScopeFirstPurchase
        case .avg_order:
            guard !purchases.isEmpty else { return MessageCatalog.text("example.no_purchase_nothing") }
            return MessageCatalog.text("example.avg_order", ["orders": orders, "money": money, "list": customer.list(purchases), "count": String(purchases.count)])
                + outOfScopeFirstPurchase
        case .orders_per_customer: return MessageCatalog.text("example.orders_per_customer", ["orders": orders])
        case .repeat_rate:
            switch purchases.count {
            case 0: return MessageCatalog.text("example.repeat_none")
            case 1: return MessageCatalog.text("example.repeat_once")
            default: return MessageCatalog.text("example.repeat_many", ["count": String(purchases.count)])
            }
        case .conversion_rate:
            return purchases.isEmpty ? MessageCatalog.text("example.conversion_none")
                : MessageCatalog.text("example.conversion_bought", ["purchase": customer.list(Array(purchases.prefix(1)), limit: 1)])
        case .time_to_purchase:
            let c = Int(customer.code), first = context.facts.firstEvent[c], bought = context.facts.firstPurchase[c]
            guard bought != CustomerFacts.none else { return MessageCatalog.text("example.never_bought") }
            return MessageCatalog.text("example.time_to_purchase", ["first": CivilTime.formatDate(first), "bought": CivilTime.formatDate(bought), "days": ExampleCustomer.days(bought - first)])
        case .ltv:
            let cumulative = plan.dimensions.contains { $0.period != nil && !$0.isCustomerLevel }
            return MessageCatalog.text("example.ltv", ["money": money]) + (cumulative ? MessageCatalog.text("example.ltv_cumulative") : "")
        case .active: return rows.isEmpty ? MessageCatalog.text("example.not_active") : MessageCatalog.text("example.active", ["events": ExampleCustomer.count(rows.count, "event")])
        case .dau, .wau, .mau, .dau_mau: return activeUsers(metric)
        case .engagement:
            let engaged = rows.filter(customer.isEngagement)
            return MessageCatalog.text("example.engagement", ["events": ExampleCustomer.count(engaged.count, "engagement event"), "list": customer.list(engaged), "count": String(engaged.count)])
                + (rows.isEmpty ? "" : MessageCatalog.text("example.engagement_active"))
        case .churn_rate:
            let story = ChurnStory(customer: customer, window: plan.logical.metricOptions.churnWindow)
            guard story.bought else { return plan.logical.metricOptions.churnWindow == nil ? MessageCatalog.text("example.never_bought_by_as_of") : story.text }
            return story.text + (story.churned ? MessageCatalog.text("example.churn_counted") : MessageCatalog.text("example.churn_buyer_only"))
        case .stage_share: return stageStory()
        case .transitions:
            let period = ExplainWords.period(context.settings.period)
            return MessageCatalog.text("example.transitions", ["period": period, "stages": trajectory()])
                + (plan.logical.metricOptions.transitionsPercent ? "\n" + MessageCatalog.text("example.transitions_percent", ["period": period]) : "")
        case .cpa:
            let c = Int(customer.code), bought = context.facts.firstPurchase[c]
            guard bought != CustomerFacts.none else { return MessageCatalog.text("example.cpa_never") }
            let channel = context.facts.acquisitionChannel[c]
            return MessageCatalog.text("example.cpa", ["date": CivilTime.formatDate(bought), "channel": channel >= 0 ? context.store.strings[channel] : "(none)"])
        case .impressions, .clicks, .spend, .ctr, .cpc, .open_rate: return spendExample()
        case .orders_per_buyer, .median_order, .days_between_orders, .median_revenue_per_customer, .median_revenue_per_buyer, .median_orders_per_buyer:
            return orderMetricContribution(metric) ?? ""
        }
    }

    /// `(their first purchase, purchase 2022-09-20 (42.10), is not in scope)` when a stage or filter left it out.
    private var outOfScopeFirstPurchase: String {
        let row = Int(context.facts.firstPurchaseRow[Int(customer.code)])
        guard row >= 0, !rows.contains(row) else { return "" }
        return "\n" + MessageCatalog.text("example.first_purchase_out", ["purchase": customer.describe(row)])
    }

    private func stageStory() -> String {
        let state = LifecycleState(context)
        guard let stage = state.stage(customer.code, at: context.asOf) else { return MessageCatalog.text("example.no_stage") }
        if stage == .churn { return MessageCatalog.text("example.stage_churned", ["stage": stage.displayName(), "story": ChurnStory(customer: customer).text]) }
        if stage == .lapsed { return MessageCatalog.text("example.stage_churned", ["stage": stage.displayName(), "story": LapseStory.text(customer)]) }
        let classifier = StageClassifier(context)
        let reachedBy = customer.allRows.first { context.store.events.ts[$0] <= context.asOf && classifier.stage(customer: customer.code, row: $0) == stage }
        return MessageCatalog.text("example.stage_current", ["stage": stage.displayName(), "first": reachedBy.map { MessageCatalog.text("example.stage_first_by", ["event": customer.describe($0)]) } ?? ""])
    }

    /// `2022-09 awareness → 2022-10 purchase → 2023-02 churn`: the periods where the stage changed.
    private func trajectory() -> String {
        let state = LifecycleState(context)
        let calendar = context.calendar(context.settings.period)
        let first = context.facts.firstEvent[Int(customer.code)]
        guard first != CustomerFacts.none, first <= context.asOf else { return MessageCatalog.text("example.no_event_by_as_of") }
        var steps: [String] = []
        var previous: Stage?
        var p = calendar.index(first)
        let last = calendar.index(context.asOf)
        while p <= last {
            let stage = state.stage(customer.code, at: min(calendar.start(p + 1) - 1, context.asOf))
            if let stage, stage != previous { steps.append("\(calendar.label(p)) \(stage.displayName())") }
            previous = stage
            p += 1
        }
        return steps.joined(separator: " → ")
    }

    /// Spend rows have no customer: one row of the customer's acquisition channel, as an example.
    private func spendExample() -> String {
        let spend = context.store.spend
        guard let date = spend.column(for: .date), case .int64(let dates) = date.data,
              let channel = spend.column(for: .channel), case .code(let channels) = channel.data, spend.count > 0 else { return MessageCatalog.text("example.no_spend_rows") }
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
        return MessageCatalog.text("example.spend", ["date": CivilTime.formatDate(dates[row]), "channel": name, "spend": value(.spend), "impressions": value(.impressions), "clicks": value(.clicks)])
    }

    private func retention(_ retention: RetentionPlan) -> String {
        if !retention.spec.kind.isPlain || retention.spec.activity.isStage {
            return RetentionKindExample.text(customer, plan: retention, scope: scope)
        }
        let trace = RetentionTrace(customer: customer, plan: retention, rows: rows)
        let anchorName = MessageCatalog.text(retention.anchorOnFirstPurchase ? "explain.plan.anchor_first_purchase" : "explain.plan.anchor_signup")
        guard let anchor = trace.anchor else { return MessageCatalog.text("example.retention_no_anchor", ["anchor": anchorName]) }
        var text = MessageCatalog.text("example.retention_anchor", ["anchor": anchorName, "date": CivilTime.formatDate(anchor), "period": trace.anchorPeriod])
        guard !trace.offsets.isEmpty else { return text + MessageCatalog.text("example.retention_inactive", ["activity": retention.activityName]) }
        let shown = trace.offsets.prefix(5).map { "\(customer.describe($0.row)) (+\($0.offset))" }.joined(separator: ", ")
        text += MessageCatalog.text("example.retention_active", ["activity": retention.activityName, "list": shown]) + (trace.offsets.count > 5 ? ExampleCustomer.more(trace.offsets.count - 5) : "")
        var seen = Set<Int>()
        let columns = trace.offsets.map(\.offset).filter { seen.insert($0).inserted }.sorted()
        if retention.unbounded, let latest = columns.last {
            return text + "\n" + MessageCatalog.text("example.retention_unbounded", ["last": String(latest)])
        }
        return text + "\n" + MessageCatalog.text(columns.count == 1 ? "example.retention_column" : "example.retention_columns", ["columns": columns.map(String.init).joined(separator: ", ")])
    }

    private func funnel(_ funnel: FunnelPlan) -> String {
        let trace = FunnelTrace(customer: customer, plan: funnel, rows: rows)
        let reach = trace.reach
        guard reach.level > 0 else { return MessageCatalog.text("example.funnel_none", ["step": funnel.steps[0].name]) }
        let steps = zip(funnel.steps.prefix(reach.level), reach.times).map { "\($0.name) \(CivilTime.formatDate($1))" }
        return MessageCatalog.text("example.funnel", ["steps": steps.joined(separator: " → "), "level": String(reach.level), "count": String(funnel.steps.count)])
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
        return MessageCatalog.text("example.result_row", ["cells": shown])
    }

    private static func format(_ value: Double, _ unit: ValueUnit) -> String {
        switch unit {
        case .money: ExampleCustomer.money(value)
        case .percent: ExplainWords.decimal(String(format: "%.2f%%", value))
        case .days: ExplainWords.decimal(String(format: "%.1f ", value)) + MessageCatalog.noun("days")
        default: ExampleCustomer.number(value)
        }
    }
}
