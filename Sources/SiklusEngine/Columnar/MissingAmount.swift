import SiklusStore
import SiklusPlan

/// Loaded events without any amount: money metrics (`Metric.readsAmount`) are refused rather than
/// shown as 0.00. Says which events columns could hold the money, for the `map amount=` fix.
struct MissingAmount {
    /// Numeric columns of the events files that have no role, those named like money first: candidates
    /// for `map amount=`.
    let candidates: [String]
    /// Name parts of money columns (`UnitPrice`, `order_total`, `Sales`).
    private static let moneyWords = ["amount", "price", "total", "revenue", "value", "sales", "spend", "paid", "cost"]
    /// The money-named column the hint maps, if any (an order number is numeric too, so it is never guessed).
    let suggested: String?
    /// The events file loaded last, for the example in the hint.
    let path: String?

    /// Nil when some event has an amount, or when no events are loaded (nothing to be wrong about yet).
    /// - Complexity: O(events) when no amount is present (a scan for one present amount), O(1) otherwise.
    init?(_ store: Store) {
        guard store.events.count > 0, let nulls = store.events.amountNulls, !nulls.contains(false) else { return nil }
        let reports = store.loads.filter { $0.table == .events }
        var seen = Set<String>()
        let numeric = reports.flatMap(\.columns).filter { $0.role == nil && [.int, .float].contains($0.type) && seen.insert($0.name).inserted }
        let moneyLike = numeric.filter { column in Self.moneyWords.contains { column.name.lowercased().contains($0) } }
        candidates = (moneyLike + numeric.filter { column in !moneyLike.contains { $0.name == column.name } }).map(\.name)
        suggested = moneyLike.first?.name
        path = reports.last?.path
    }

    /// The fix, worded when an error needs it: name the money column when loading (the column names are the file's).
    var hint: MissingAmountHint { .files(path: path, suggested: suggested, candidates: candidates) }
}
