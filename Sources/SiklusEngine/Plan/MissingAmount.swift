import SiklusStore

/// Loaded events without any amount: money metrics (`Metric.readsAmount`) are refused rather than
/// shown as 0.00. Says which events columns could hold the money, for the `map amount=` fix.
struct MissingAmount {
    /// Numeric columns of the events files that have no role: candidates for `map amount=`.
    let candidates: [String]
    /// The events file loaded last, for the example in the hint.
    let path: String?

    /// Nil when some event has an amount, or when no events are loaded (nothing to be wrong about yet).
    /// - Complexity: O(events) when no amount is present (a scan for one present amount), O(1) otherwise.
    init?(_ store: Store) {
        guard store.events.count > 0, let nulls = store.events.amountNulls, !nulls.contains(false) else { return nil }
        let reports = store.loads.filter { $0.table == .events }
        var seen = Set<String>()
        candidates = reports.flatMap(\.columns).filter { $0.role == nil && [.int, .float].contains($0.type) && seen.insert($0.name).inserted }.map(\.name)
        path = reports.last?.path
    }

    /// The fix: name the money column when loading (the column names are the file's).
    var hints: [String] {
        let file = path.map { "\"\($0)\"" } ?? "\"file.csv\""
        let column = candidates.first ?? "<money column>"
        var hints = ["load the events with the money column mapped: load events \(file) replace map amount=\(column)"]
        if candidates.count > 1 { hints.append("numeric events columns: " + candidates.joined(separator: ", ")) }
        return hints
    }
}
