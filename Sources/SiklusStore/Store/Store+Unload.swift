/// What `unload` (or `.clear`) removed from one table.
public struct UnloadSummary: Sendable, Equatable {
    /// The table emptied.
    public var table: TableKind
    /// The rows it held.
    public var rowsRemoved: Int
    /// Customer ids that had rows in no other table, dropped with it.
    public var customersDropped: Int

    /// `unloaded events: 4210 rows (12 customers with no rows left were dropped)`.
    public func render() -> String {
        let rows = rowsRemoved == 1 ? "1 row" : "\(rowsRemoved) rows"
        guard customersDropped > 0 else { return "unloaded \(table.rawValue): \(rows)" }
        let customers = customersDropped == 1 ? "1 customer id" : "\(customersDropped) customer ids"
        return "unloaded \(table.rawValue): \(rows); \(customers) with no rows left in any table dropped"
    }
}

extension Store {
    /// The rows `table` holds (for customers, the ids that had a row in a customers file).
    /// - Complexity: O(1) for events and spend, O(customers) for customers.
    public func rowCount(_ table: TableKind) -> Int {
        switch table {
        case .events: events.count
        case .customers: customers.rowCount
        case .spend: spend.count
        }
    }

    /// Empties `table` for `unload`, exactly as `load … replace` does before loading: its rows and
    /// loads are forgotten (so the same file can be loaded again) and customer ids left with no row in
    /// any table are dropped. The other tables keep their rows.
    /// - Complexity: O(customers + events + customer attributes).
    @discardableResult
    public mutating func unload(_ table: TableKind) -> UnloadSummary {
        let rows = rowCount(table)
        let customersBefore = customerIDs.count
        removeRows(of: table)
        return UnloadSummary(table: table, rowsRemoved: rows, customersDropped: customersBefore - customerIDs.count)
    }
}
