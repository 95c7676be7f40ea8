/// Computed event columns (`derive` in a pipeline): a query works on a copy of the store with the column
/// added, so the loaded tables never change.
extension Store {
    /// This store with `column` appended to the events' extra columns.
    /// - Complexity: O(1) beyond copying the list of extra columns (the column arrays are shared).
    public func addingEventColumn(_ column: Column) -> Store {
        precondition(column.count == events.count, "a derived column has one value per event row")
        var copy = self
        copy.events.extras.append(column)
        return copy
    }

    /// This store with the events' amount (the `amount` role) replaced by `values`, null where `nulls` is true.
    /// - Complexity: O(1); the arrays are shared until written.
    public func replacingEventAmounts(_ values: [Double], nulls: [Bool]?) -> Store {
        precondition(values.count == events.count && (nulls?.count ?? values.count) == values.count,
                     "a derived amount has one value per event row")
        var copy = self
        copy.events.amount = values
        copy.events.amountNulls = nulls
        return copy
    }
}
