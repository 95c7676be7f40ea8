/// How a table name is held in `SQLTableReference.table` and `SQLSourceTables`: the raw parts of a
/// qualified name (`sales` and `orders`) joined by `separator`, a control character no engine name
/// holds, so a dot inside a part (`"my.table"`) stays part of the name. A one-part name is the name
/// itself: `events`, `my.table`. The printer quotes each part on its own, in the dialect's quote.
public enum SQLTableName {
    /// Between the parts of a qualified name (U+001F, the unit separator).
    public static let separator: Character = "\u{1F}"

    /// The name whose parts are `parts` (schema first).
    public static func qualified(_ parts: [String]) -> String {
        parts.joined(separator: String(separator))
    }

    /// The parts of a held name.
    static func parts(_ name: String) -> [String] {
        name.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    }
}
