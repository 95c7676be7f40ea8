import SiklusLanguage
import SiklusPlan
import SiklusSQL

/// `rfm`, `clv`, `clv params` and `clv check` on a connected engine: the engine returns only the
/// per-customer purchase summary (and, for `clv check`, the holdout's purchase days per day), as
/// `SQLLoweringState.customerValue` lowers it; the scores, segments, fits and tables are then the in-memory
/// ones (`CustomerValueTable.table`), so the results are the same.
extension RemoteRun {
    /// The summary rows an engine returned, read back: the customers' ids and purchase days, and the
    /// holdout's buyers per day offset.
    struct CustomerValueRows {
        var ids: [String] = []
        var days = PurchaseDays(customers: [], frequency: [], recencyDays: [], ageDays: [], monetary: [], asOfDay: 0)
        var holdout: [(offset: Int64, buyers: Int)] = []
    }

    /// - Complexity: O(customers with a purchase by as_of + holdout days) to read the rows, then the
    ///   in-memory table's cost over the summary.
    func customerValueTable(_ value: LogicalQuery.CustomerValue, rows: ResultTable, presentation: LogicalQuery.Presentation,
                            at span: SourceSpan) throws(Diagnostic) -> ResultTable {
        let read = try customerValueRows(rows, at: span)
        let summary = read.days.summary(daysPerUnit: value.daysPerUnit)
        return try CustomerValueTable.table(
            value, ids: read.ids, summary: summary, asOfDay: read.days.asOfDay, presentation: presentation,
            lastHoldoutOffset: { read.holdout.map(\.offset).max() ?? 0 },
            holdoutDays: { lastOffset in
                var counts = [Int](repeating: 0, count: Int(max(lastOffset, 0)) + 1)
                for day in read.holdout where day.offset <= lastOffset { counts[Int(day.offset)] += day.buyers }
                return counts
            }, isCancelled: isCancelled)
    }

    /// Reads the rows of `SQLLoweringState.customerValue` (kind 1: a customer, kind 2: a holdout day).
    /// - Complexity: O(rows).
    func customerValueRows(_ rows: ResultTable, at span: SourceSpan) throws(Diagnostic) -> CustomerValueRows {
        guard case .integer(let kinds)? = rows.column("kind")?.values, case .text(let ids)? = rows.column("customer_id")?.values,
              case .integer(let frequency)? = rows.column("frequency")?.values, case .integer(let recency)? = rows.column("recency_days")?.values,
              case .integer(let age)? = rows.column("age_days")?.values, case .number(let monetary)? = rows.column("monetary")?.values,
              case .integer(let asOfDays)? = rows.column("as_of_day")?.values
        else {
            throw Diagnostic("the rows \(engine.dialect.displayName) returned do not form the customer-value summary", at: span)
        }
        var read = CustomerValueRows()
        for i in kinds.indices {
            if kinds[i] == 2 {
                read.holdout.append((frequency[i] ?? 0, Int(recency[i] ?? 0)))
                continue
            }
            read.ids.append(ids[i] ?? "")
            read.days.frequency.append(Int(frequency[i] ?? 0))
            read.days.recencyDays.append(recency[i] ?? 0)
            read.days.ageDays.append(age[i] ?? 0)
            read.days.monetary.append(monetary[i] ?? 0)
        }
        // as_of's day comes from the engine (as_of may be its last data day); it is the same on every row.
        read.days.asOfDay = asOfDays.first.flatMap { $0 } ?? 0
        return read
    }
}
