import SiklusLanguage
import SiklusStore

/// The worked example of a retention with kind options (`start`, `recurring`, `rolling`, `brackets`,
/// `min_events`, `value`): the customer's entries, each one's qualifying periods, and what they add to
/// the cells and to the bases, as `RetentionMatrix` counts them.
enum RetentionKindExample {
    /// At most this many entries are described (recurring retention can have one per period).
    static let shownEntries = 3

    static func text(_ customer: ExampleCustomer, plan: RetentionPlan, scope: Scope) -> String {
        let scan = RetentionScan(plan, scope: scope, customer.context)
        let kind = plan.spec.kind
        var entries: [RetentionScan.Entry] = [], active: [RetentionScan.Active] = []
        scan.entries(of: customer.code, into: &entries)
        let anchorName = kind.start.map { MessageCatalog.text("explain.plan.anchor_first_event", ["event": LogicalQuery.Retention.name(of: $0)]) }
            ?? MessageCatalog.text(plan.anchorOnFirstPurchase ? "explain.plan.anchor_first_purchase" : "explain.plan.anchor_signup")
        guard !entries.isEmpty else { return MessageCatalog.text("example.kind.none", ["anchor": anchorName]) }
        let columns = RetentionColumns(maxAge: entries.map { Int(clamping: scan.age($0)) }.max(), horizon: plan.horizon, brackets: kind.brackets)
        var lines: [String] = []
        if kind.recurring {
            lines.append(MessageCatalog.text(entries.count == 1 ? "example.kind.entry" : "example.kind.entries", [
                "count": String(entries.count), "period": ExplainWords.period(plan.period), "event": LogicalQuery.Retention.name(of: kind.start ?? .purchase)]))
        }
        if scan.rollingLength == nil { scan.activity(of: customer.code, from: nil, into: &active) }
        for entry in entries.prefix(shownEntries) {
            if scan.rollingLength != nil { scan.activity(of: customer.code, from: entry, into: &active) }
            let label = scan.table.calendar.label(entry.period)
            var text = MessageCatalog.text(scan.rollingLength == nil ? "example.kind.period_zero" : "example.kind.period_zero_rolling", [
                "anchor": kind.recurring ? "start" : anchorName, "time": CivilTime.formatDateTime(entry.time), "cohort": label])
            var added: [Int: Double] = [:]
            var periods: [String] = []
            for run in active {
                let offset = scan.offset(run, from: entry)
                guard offset >= 0 else { continue }
                let qualifies = kind.minEvents <= 1 || run.count >= kind.minEvents
                periods.append("+\(offset): \(ExampleCustomer.count(run.count, "event"))" + (kind.value == .revenue ? " \(ExampleCustomer.money(run.value))" : "")
                               + (qualifies ? "" : " (< \(kind.minEvents))"))
                guard qualifies, offset <= Int64(Int32.max), let column = columns.column(of: Int(offset)) else { continue }
                switch kind.value {
                case .customers: added[column] = 1
                case .orders: added[column, default: 0] += Double(run.count)
                case .revenue: added[column, default: 0] += run.value
                }
            }
            text += periods.isEmpty ? MessageCatalog.text("example.kind.no_return", ["activity": plan.activityName])
                : MessageCatalog.text("example.kind.periods", ["periods": periods.prefix(6).joined(separator: ", ") + (periods.count > 6 ? ExampleCustomer.more(periods.count - 6) : "")])
            let cells = added.keys.sorted().map { k in
                "\(columns.name(k))" + (kind.value == .customers ? "" : " +\(kind.value == .revenue ? ExampleCustomer.money(added[k]!) : String(Int(added[k]!)))")
            }
            text += "\n" + (cells.isEmpty ? MessageCatalog.text("example.kind.no_cell")
                : MessageCatalog.text(cells.count == 1 ? "example.kind.column" : "example.kind.columns", ["cells": cells.joined(separator: ", ")]))
            if let reached = columns.reachedColumn(age: Int(clamping: scan.age(entry))) {
                let base = kind.value == .customers ? "1" : (kind.value == .revenue ? ExampleCustomer.money(added[0] ?? 0) : String(Int(added[0] ?? 0)))
                text += MessageCatalog.text("example.kind.base", ["last": columns.name(reached), "base": base])
            } else {
                text += MessageCatalog.text("example.kind.not_reached")
            }
            lines.append(text)
        }
        if entries.count > shownEntries { lines.append(MessageCatalog.text("example.kind.more_entries", ["count": String(entries.count - shownEntries)])) }
        return lines.joined(separator: "\n")
    }

    /// True when the customer has an entry and return activity in a later period of it (over all their
    /// rows: the criterion picks the example before the scope is known).
    static func isActiveAgain(_ customer: ExampleCustomer, plan: RetentionPlan, context: EvalContext) -> Bool {
        let scan = RetentionScan(plan, scope: Scope(customers: [customer.code]), context)
        var entries: [RetentionScan.Entry] = [], active: [RetentionScan.Active] = []
        scan.entries(of: customer.code, into: &entries)
        guard let entry = entries.first else { return false }
        scan.activity(of: customer.code, from: entry, into: &active)
        return active.contains { scan.offset($0, from: entry) > 0 }
    }
}
