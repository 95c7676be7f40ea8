/// A summary row printed under a table by the modes meant for reading (box, table, plain, markdown,
/// line): a label for the first column and, per column, a value in `unit` (nil: blank). Not data:
/// csv, tsv and json leave it out, so their columns and rows stay the table's.
public struct ResultFooterRow: Sendable, Equatable {
    /// Shown in the first column (`mean`, `weighted mean`).
    public var label: String
    /// One value per column of the table; the first column's is ignored (the label goes there).
    public var values: [Double?]
    /// The unit of every value of the row (a percent row under a table of counts).
    public var unit: ValueUnit

    /// A footer row.
    public init(label: String, values: [Double?], unit: ValueUnit) {
        self.label = label
        self.values = values
        self.unit = unit
    }
}
