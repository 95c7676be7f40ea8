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
        let anchorName = kind.start.map { "first " + LogicalQuery.Retention.name(of: $0) } ?? (plan.anchorOnFirstPurchase ? "first purchase" : "signup")
        guard !entries.isEmpty else { return "no \(anchorName) in scope up to as_of → in no cohort" }
        let columns = RetentionColumns(maxAge: entries.map { Int(clamping: scan.age($0)) }.max(), horizon: plan.horizon, brackets: kind.brackets)
        var lines: [String] = []
        if kind.recurring { lines.append("\(entries.count) entr\(entries.count == 1 ? "y" : "ies"): one per \(plan.period.rawValue) with a \(LogicalQuery.Retention.name(of: kind.start ?? .purchase)) event") }
        if scan.rollingLength == nil { scan.activity(of: customer.code, from: nil, into: &active) }
        for entry in entries.prefix(shownEntries) {
            if scan.rollingLength != nil { scan.activity(of: customer.code, from: entry, into: &active) }
            let label = scan.table.calendar.label(entry.period)
            var text = "\(kind.recurring ? "start" : anchorName) \(CivilTime.formatDateTime(entry.time)) is period 0"
                + (scan.rollingLength == nil ? " (\(label))" : " (a window from that moment; cohort \(label))")
            var added: [Int: Double] = [:]
            var periods: [String] = []
            for run in active {
                let offset = scan.offset(run, from: entry)
                guard offset >= 0 else { continue }
                let qualifies = kind.minEvents <= 1 || run.count >= kind.minEvents
                periods.append("+\(offset): \(run.count) event\(run.count == 1 ? "" : "s")" + (kind.value == .revenue ? " \(ExampleCustomer.money(run.value))" : "")
                               + (qualifies ? "" : " (< \(kind.minEvents))"))
                guard qualifies, offset <= Int64(Int32.max), let column = columns.column(of: Int(offset)) else { continue }
                switch kind.value {
                case .customers: added[column] = 1
                case .orders: added[column, default: 0] += Double(run.count)
                case .revenue: added[column, default: 0] += run.value
                }
            }
            text += periods.isEmpty ? "; no return activity (\(plan.activityName))" : "; periods " + periods.prefix(6).joined(separator: ", ")
                + (periods.count > 6 ? " and \(periods.count - 6) more" : "")
            let cells = added.keys.sorted().map { k in
                "\(columns.name(k))" + (kind.value == .customers ? "" : " +\(kind.value == .revenue ? ExampleCustomer.money(added[k]!) : String(Int(added[k]!)))")
            }
            text += cells.isEmpty ? "\n→ adds to no cell" : "\n→ adds to column\(cells.count == 1 ? "" : "s") " + cells.joined(separator: ", ")
            if let reached = columns.reachedColumn(age: Int(clamping: scan.age(entry))) {
                let base = kind.value == .customers ? "1" : (kind.value == .revenue ? ExampleCustomer.money(added[0] ?? 0) : String(Int(added[0] ?? 0)))
                text += "; reached columns 0 to \(columns.name(reached)) by as_of → adds \(base) to their base"
            } else {
                text += "; has not reached period 0 by as_of"
            }
            lines.append(text)
        }
        if entries.count > shownEntries { lines.append("… and \(entries.count - shownEntries) more entries") }
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
