/// Role detection for columns named somewhere other than a file's header (an engine table's columns),
/// so every source of columns finds roles by the same names, synonyms and `map` rules as the CSV loader
/// (`ColumnRoles`), never by a second list.
public enum ColumnRoleDetection {
    /// The index in `names` of the column playing each role: `mapping` first, then the loader's
    /// synonyms in priority order (case-insensitive, ignoring `_`, spaces and punctuation). Quantity and
    /// unit price are roles only together and only without an amount column, as for files.
    ///
    /// Throws a `LoadError` (with `source` as its path) for a mapping that names no column, a role the
    /// table does not have, or one column mapped to two roles. Required roles are not checked here.
    /// - Complexity: O(names × synonyms).
    public static func roles(of names: [String], table: TableKind, mapping: [ColumnRole: String],
                             source: String) throws -> [ColumnRole: Int] {
        try ColumnRoles.assign(headers: names, table: table, mapping: mapping, path: source, namesOfTable: true)
    }

    /// The roles `table` cannot do without: events need customer and ts, customers a customer, spend a
    /// date and a channel.
    public static func required(for table: TableKind) -> [ColumnRole] {
        ColumnRoles.required(for: table)
    }

    /// The first few names (normalized: lowercase letters and digits) by which `role` is found in `table`,
    /// for "none of the columns looks like one (…)" messages.
    public static func commonNames(for role: ColumnRole, in table: TableKind) -> [String] {
        Array((ColumnRoles.synonyms(for: table).first { $0.0 == role }?.1 ?? []).prefix(5))
    }
}
