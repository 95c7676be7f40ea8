import SiklusSQL

/// A table name as the user wrote it in `load … table "…"` (`orders`, `sales.orders`, `"Sales"."Orders"`),
/// turned into the raw parts the SQL printer quotes, so the SQL reads the table the engine's catalog
/// lookup found: a quoted part is exact; an unquoted part is folded as the engine folds it (PostgreSQL:
/// lower case, so `Orders` is `orders`; DuckDB and Spark resolve names ignoring case, and keep it).
enum EngineTableName {
    /// `schema.table` as the raw parts of a `SQLTableName` (the printer quotes each part alone, so a
    /// quoted dot stays in its part).
    static func raw(_ written: String, dialect: SQLDialect) -> String {
        var parts: [String] = [], part = "", quoted = false, wasQuoted = false
        func finish() {
            parts.append(wasQuoted || dialect != .postgres ? part : part.lowercased())
            part = ""
            wasQuoted = false
        }
        var characters = written.makeIterator()
        while let character = characters.next() {
            switch character {
            case "\"" where quoted:
                quoted = false  // a doubled quote inside a quoted part reopens it below
            case "\"":
                if wasQuoted { part.append("\"") }
                quoted = true
                wasQuoted = true
            case "." where !quoted:
                finish()
            default:
                part.append(character)
            }
        }
        finish()
        return SQLTableName.qualified(parts)
    }
}
