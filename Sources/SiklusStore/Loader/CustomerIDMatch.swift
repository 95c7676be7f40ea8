/// Customer ids are text (`00017` ≠ `17`), so a customers file whose ids are written differently from the
/// events' (`17850.0` from a spreadsheet against `17850`) joins nothing, and every customer attribute
/// reads as missing. After a customers or events load that leaves both tables with rows and no id in
/// common, the load report says so with an example id from each side; when dropping a trailing `.0`
/// would make them match, it names the fix, the load option `ids=integer`.
enum CustomerIDMatch {
    /// How many `.0` ids are tried without their `.0` before deciding that the fix would not help.
    static let sampleSize = 1_000

    /// The note for the load of `table` from `path`, or nil when the ids match (or one table is empty).
    /// - Complexity: O(customer ids) for the overlap test, plus O(`sampleSize`) dictionary lookups.
    static func note(_ store: Store, loaded table: TableKind, path: String) -> LoadReport.Note? {
        guard table != .spend, store.isLoaded(.events), store.isLoaded(.customers) else { return nil }
        let hasRow = store.customers.hasRow, events = store.events
        var customerExample: Int32?, eventExample: Int32?
        for c in 0..<store.customerIDs.count {
            let listed = c < hasRow.count && hasRow[c], active = !events.rows(of: Int32(c)).isEmpty
            if listed && active { return nil }
            if listed, customerExample == nil { customerExample = Int32(c) }
            if active, eventExample == nil { eventExample = Int32(c) }
        }
        guard let customerExample, let eventExample else { return nil }
        let ids = store.customerIDs
        let dotZero = sideWithFloatIDs(store).map { side in
            let id = ids[side == .customers ? customerExample : eventExample]
            return LoadReport.Note.DotZero(side: side, id: id, whole: integerText(id) ?? "…", reload: side == table ? path : nil)
        }
        return .customerIDsDiffer(customers: ids[customerExample], events: ids[eventExample], dotZero: dotZero)
    }

    /// The table whose ids end in `.0` and match the other table's ids once it is dropped, if any.
    private static func sideWithFloatIDs(_ store: Store) -> TableKind? {
        let hasRow = store.customers.hasRow, events = store.events, ids = store.customerIDs
        var tried = 0
        for c in 0..<ids.count where tried < sampleSize {
            guard let whole = integerText(ids[Int32(c)]) else { continue }
            let listed = c < hasRow.count && hasRow[c], active = !events.rows(of: Int32(c)).isEmpty
            guard listed || active else { continue }
            tried += 1
            guard let other = ids.code(of: whole) else { continue }
            let otherListed = Int(other) < hasRow.count && hasRow[Int(other)], otherActive = !events.rows(of: other).isEmpty
            if listed && otherActive { return .customers }
            if active && otherListed { return .events }
        }
        return nil
    }

    /// `17850.0` → `17850`; nil for anything that is not digits followed by `.0` (or `.00`…).
    static func integerText(_ id: String) -> String? {
        guard let dot = id.firstIndex(of: ".") else { return nil }
        let whole = id[..<dot], fraction = id[id.index(after: dot)...]
        guard !whole.isEmpty, !fraction.isEmpty, whole.allSatisfy({ $0.isASCII && $0.isNumber }),
              fraction.allSatisfy({ $0 == "0" }) else { return nil }
        return String(whole)
    }
}
