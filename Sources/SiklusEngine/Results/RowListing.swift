import SiklusLanguage
import SiklusPlan
import SiklusStore

/// `rows [N]`: the first N rows in scope as they were loaded, to check parsing and read a customer's
/// timeline. Event rows come in store order (customer in order of first appearance, then time, then file
/// row), with every column and each row's lifecycle `stage`; for a `cohort`/`customers` source, the
/// customers in scope with their attributes, event count, first purchase and current stage.
///
/// Times are ISO text (`2022-09-14 10:21:14`, or the date alone when every listed time is midnight), money
/// and other numbers stay numbers, so csv and json output keep them exact. A note gives the total in scope.
enum RowListing {
    /// - Complexity: O(N + customers in scope) without a row filter, O(N + event rows of the customers in
    ///   scope) with one (to count the total); never materializes more than N rows.
    static func build(_ plan: RowsPlan, scope: Scope, _ context: EvalContext) throws(Diagnostic) -> ResultTable {
        try context.checkCancelled()
        return plan.listsCustomers ? customerRows(plan.limit, scope, context) : eventRows(plan.limit, scope, context)
    }

    // MARK: - Events

    /// The first `limit` in-scope rows, the number of rows in scope, and how many rows were looked at one by
    /// one (`inspected`, for the tests of the cost: at most `limit` without a row filter).
    static func selectEventRows(_ limit: Int, _ scope: Scope, _ events: EventTable) -> (rows: [Int], total: Int, inspected: Int) {
        var rows: [Int] = []
        rows.reserveCapacity(min(limit, 4096))
        var total = 0, inspected = 0
        for c in scope.customers {
            let range = events.rows(of: c)
            guard let mask = scope.rowMask else {
                // Every row of the customer is in scope: count them by the index, read only those listed.
                total += range.count
                var r = range.lowerBound
                while rows.count < limit, r < range.upperBound { rows.append(r); r += 1; inspected += 1 }
                continue
            }
            inspected += range.count
            for r in range where mask[r] {
                total += 1
                if rows.count < limit { rows.append(r) }
            }
        }
        return (rows, total, inspected)
    }

    private static func eventRows(_ limit: Int, _ scope: Scope, _ context: EvalContext) -> ResultTable {
        let store = context.store, events = store.events
        let (rows, total, _) = selectEventRows(limit, scope, events)
        var columns = [
            ResultColumn(name: "customer", unit: .text, values: .text(rows.map { store.customerIDs[events.customer[$0]] })),
            timeColumn("ts", rows.map { events.ts[$0] }),
            ResultColumn(name: "event", unit: .text, values: .text(rows.map { text(events.event[$0], store) })),
        ]
        // A role column is shown when a loaded file had it (so the columns do not depend on which rows are
        // listed), or when a listed row has a value (a derived amount).
        let loadedRoles = Set(store.loads.filter { $0.table == .events }.flatMap { $0.columns.compactMap(\.role) })
        if loadedRoles.contains(.amount) || rows.contains(where: events.hasAmount) {
            columns.append(ResultColumn(name: "amount", unit: .money, values: .number(rows.map { events.hasAmount($0) ? events.amount[$0] : nil })))
        }
        if loadedRoles.contains(.channel) || rows.contains(where: { events.channel[$0] >= 0 }) {
            columns.append(ResultColumn(name: "channel", unit: .text, values: .text(rows.map { text(events.channel[$0], store) })))
        }
        columns += events.extras.map { column($0, at: rows, store) }
        let classifier = StageClassifier(context)
        columns.append(ResultColumn(name: "stage", unit: .text,
                                    values: .text(rows.map { classifier.stage(customer: events.customer[$0], row: $0)?.name })))
        return ResultTable(columns: columns, notes: [note(shown: rows.count, total: total, of: "event rows", limit: limit)])
    }

    // MARK: - Customers

    private static func customerRows(_ limit: Int, _ scope: Scope, _ context: EvalContext) -> ResultTable {
        let store = context.store, events = store.events, facts = context.facts
        let listed = Array(scope.customers.prefix(limit))
        let slots = listed.map(Int.init)
        var columns = [ResultColumn(name: "customer", unit: .text, values: .text(listed.map { store.customerIDs[$0] }))]
        columns += store.customers.columns.map { column($0, at: slots, store) }
        let counts = listed.map { c -> Int64? in
            let range = events.rows(of: c)
            guard let mask = scope.rowMask else { return Int64(range.count) }
            return Int64(range.lazy.filter { mask[$0] }.count)
        }
        columns.append(ResultColumn(name: "events", unit: .count, values: .integer(counts)))
        columns.append(timeColumn("first_purchase", listed.map { let t = facts.firstPurchase[Int($0)]; return t == CustomerFacts.none ? nil : t }))
        let state = LifecycleState(context)
        columns.append(ResultColumn(name: "stage", unit: .text, values: .text(listed.map { state.stage($0, at: context.asOf)?.name })))
        return ResultTable(columns: columns, notes: [note(shown: listed.count, total: scope.customers.count, of: "customers", limit: limit)])
    }

    // MARK: - Values

    /// "note: 20 of 1,234 event rows; `rows 100` shows more", or "note: all 12 event rows".
    static func note(shown: Int, total: Int, of things: String, limit: Int) -> String {
        RowListingText.note(shown: shown, total: total, of: things, limit: limit)
    }

    private static func text(_ code: Int32, _ store: Store) -> String? { code >= 0 ? store.strings[code] : nil }

    /// A loaded column's values at `indices` (event rows, or customer slots), typed as loaded.
    private static func column(_ column: Column, at indices: [Int], _ store: Store) -> ResultColumn {
        let present = { (i: Int) in i < column.count && !column.isNull(i) }
        switch column.data {
        case .code(let codes):
            return ResultColumn(name: column.name, unit: .text, values: .text(indices.map { present($0) ? store.strings[codes[$0]] : nil }))
        case .double(let values):
            return ResultColumn(name: column.name, unit: .ratio, values: .number(indices.map { present($0) ? values[$0] : nil }))
        case .int64(let values):
            if column.type == .int {
                return ResultColumn(name: column.name, unit: .count, values: .integer(indices.map { present($0) ? values[$0] : nil }))
            }
            return timeColumn(column.name, indices.map { present($0) ? values[$0] : nil })
        }
    }

    /// ISO text: `2022-09-14 10:21:14` for every value when any has a time of day, else `2022-09-14`.
    static func timeColumn(_ name: String, _ times: [Int64?]) -> ResultColumn {
        ResultColumn(name: name, unit: .text, values: .text(RowListingText.times(times, withTimeOfDay: RowListingText.hasTimeOfDay(times))))
    }
}
