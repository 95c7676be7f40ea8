/// Identifier spelling: a name is written bare when it is a plain lower-case word no dialect reserves,
/// else quoted with the dialect's quote (`"Order Date"`, `` `0` ``), the quote doubled inside.
enum SQLIdentifier {
    /// Words reserved by standard SQL and by DuckDB, PostgreSQL or Spark (a name that is reserved in
    /// one of them is quoted in all, so printed SQL reads the same across dialects).
    static let common: Set<String> = [
        "all", "and", "any", "array", "as", "asc", "at", "authorization", "between", "bigint", "binary", "bit", "boolean",
        "both", "by", "case", "cast", "char", "character", "check", "coalesce", "collate", "collation", "column",
        "concurrently", "constraint", "create", "cross", "cube", "current", "current_time", "current_timestamp", "date",
        "dec", "decimal", "default", "deferrable", "desc", "describe", "distinct", "do", "double", "else", "end", "escape",
        "except", "exists", "extract", "false", "fetch", "filter", "float", "for", "foreign", "freeze", "from", "full",
        "function", "generated", "grant", "group", "grouping", "having", "ilike", "in", "initially", "inner", "inout",
        "int", "integer", "intersect", "interval", "into", "is", "isnull", "join", "leading", "left", "like", "limit",
        "local", "national", "natural", "nchar", "none", "not", "notnull", "null", "nullif", "numeric", "of", "offset",
        "on", "only", "or", "order", "out", "outer", "over", "overlaps", "overlay", "partition", "placing", "position",
        "precision", "primary", "range", "real", "references", "returning", "right", "rollup", "row", "rows", "select",
        "session_user", "setof", "show", "similar", "smallint", "some", "substring", "symmetric", "table", "tablesample",
        "then", "time", "timestamp", "to", "trailing", "treat", "trim", "true", "try_cast", "union", "unique", "using",
        "values", "varchar", "variadic", "when", "where", "window", "with",
    ]

    static func spell(_ name: String, in dialect: any SQLDialectDefinition) -> String {
        func isLetter(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) }
        func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        let plain = name.utf8.first.map(isLetter) == true && name.utf8.allSatisfy { isLetter($0) || isDigit($0) }
        if plain && !common.contains(name) && !dialect.reservedWords.contains(name) { return name }
        let quote = String(dialect.identifierQuote)
        return quote + name.replacing(quote, with: quote + quote) + quote
    }
}
