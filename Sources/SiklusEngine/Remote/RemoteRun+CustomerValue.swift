import SiklusLanguage
import SiklusPlan
import SiklusSQL

/// `rfm`, `clv`, `clv params` and `clv check` on a connected engine: the engine returns only the
/// per-customer purchase summary (and, for `clv check`, the holdout's purchase days per day), as
/// `SQLLoweringState.customerValue` lowers it; the scores, segments, fits and tables are then the in-memory
/// ones (`CustomerValueTable.table`), so the results are the same.
extension RemoteRun {
    /// - Complexity: O(customers with a purchase by as_of + holdout days) to read the rows, then the
    ///   in-memory table's cost over the summary.
    func customerValueTable(_ value: LogicalQuery.CustomerValue, rows: ResultTable, presentation: LogicalQuery.Presentation,
                            at span: SourceSpan) throws(Diagnostic) -> ResultTable {
        guard case .integer(let kinds)? = rows.column("kind")?.values, case .text(let ids)? = rows.column("customer_id")?.values,
              case .integer(let frequency)? = rows.column("frequency")?.values, case .integer(let recency)? = rows.column("recency_days")?.values,
              case .integer(let age)? = rows.column("age_days")?.values, case .number(let monetary)? = rows.column("monetary")?.values,
              case .integer(let asOfDays)? = rows.column("as_of_day")?.values
        else {
            throw Diagnostic("the rows \(engine.dialect.displayName) returned do not form the customer-value summary", at: span)
        }
        var days = PurchaseDays(customers: [], frequency: [], recencyDays: [], ageDays: [], monetary: [], asOfDay: 0)
        var customerIDs: [String] = []
        var holdout: [(offset: Int64, buyers: Int)] = []
        for i in kinds.indices {
            if kinds[i] == 2 {
                holdout.append((frequency[i] ?? 0, Int(recency[i] ?? 0)))
                continue
            }
            customerIDs.append(ids[i] ?? "")
            days.frequency.append(Int(frequency[i] ?? 0))
            days.recencyDays.append(recency[i] ?? 0)
            days.ageDays.append(age[i] ?? 0)
            days.monetary.append(monetary[i] ?? 0)
        }
        // as_of's day comes from the engine (as_of may be its last data day); it is the same on every row.
        days.asOfDay = asOfDays.first.flatMap { $0 } ?? 0
        let summary = days.summary(daysPerUnit: value.daysPerUnit)
        return try CustomerValueTable.table(
            value, ids: customerIDs, summary: summary, asOfDay: days.asOfDay, presentation: presentation,
            lastHoldoutOffset: { holdout.map(\.offset).max() ?? 0 },
            holdoutDays: { lastOffset in
                var counts = [Int](repeating: 0, count: Int(max(lastOffset, 0)) + 1)
                for day in holdout where day.offset <= lastOffset { counts[Int(day.offset)] += day.buyers }
                return counts
            }, isCancelled: isCancelled)
    }
}
