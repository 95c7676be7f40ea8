import Foundation
import SiklusLanguage
import SiklusStore

/// Why `explain` shows no SQL for a pipeline: the construct it could not translate faithfully.
struct NoSQLEquivalent: Error {
    /// What has no equivalent, with the reason: "transitions (a per-period state machine)".
    let what: String
    /// The line `explain` prints in place of the SQL.
    let sentence: String

    init(_ what: String) {
        self.what = what
        sentence = "no SQL equivalent shown for \(what)"
    }

    /// Something the translation does not express yet (rather than something SQL cannot express).
    init(yet what: String) {
        self.what = what
        sentence = "no SQL equivalent yet for \(what)"
    }
}

/// Spelling of DuckDB identifiers and literals, so generated SQL reads like hand-written SQL.
enum SQLText {
    /// Words DuckDB reserves (its `reserved`, `type_function` and `column_name` keywords): such a
    /// column name must be quoted.
    private static let reserved: Set<String> = [
        "all", "analyse", "analyze", "and", "anti", "any", "array", "as", "asc", "asof", "asymmetric", "at",
        "authorization", "between", "bigint", "binary", "bit", "boolean", "both", "by", "case", "cast", "char",
        "character", "check", "coalesce", "collate", "collation", "column", "columns", "concurrently", "constraint",
        "create", "cross", "dec", "decimal", "default", "deferrable", "desc", "describe", "distinct", "do", "else",
        "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign", "freeze", "from", "full",
        "generated", "glob", "group", "grouping", "grouping_id", "having", "ilike", "in", "initially", "inner",
        "inout", "int", "integer", "intersect", "interval", "into", "is", "isnull", "join", "lambda", "lateral",
        "leading", "left", "like", "limit", "map", "national", "natural", "nchar", "none", "not", "notnull", "null",
        "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay", "pivot",
        "pivot_longer", "pivot_wider", "placing", "position", "positional", "precision", "primary", "qualify",
        "real", "references", "returning", "right", "row", "select", "semi", "setof", "show", "similar", "smallint",
        "some", "struct", "substring", "summarize", "symmetric", "table", "tablesample", "then", "time", "timestamp",
        "to", "trailing", "treat", "trim", "true", "try_cast", "tuple", "union", "unique", "unpack", "unpivot",
        "using", "values", "varchar", "variadic", "verbose", "when", "where", "window", "with",
    ]

    /// A column or alias name, double-quoted only when it needs to be (`country`, `"Order Date"`, `"0"`).
    static func identifier(_ name: String) -> String {
        func isLetter(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) }
        func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        let plain = name.utf8.first.map(isLetter) == true && name.utf8.allSatisfy { isLetter($0) || isDigit($0) }
        if plain && !reserved.contains(name) { return name }
        return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A text literal: `'paid search'`, quotes doubled.
    static func string(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// `('a', 'b')` for `IN` lists (never empty: see `isIn`).
    static func list(_ texts: [String]) -> String {
        precondition(!texts.isEmpty, "an empty IN list is not SQL; use SQLText.isIn")
        return "(" + texts.map(string).joined(separator: ", ") + ")"
    }

    /// `event IN ('a', 'b')`, or `FALSE` when there is nothing to match (`IN ()` is not valid SQL).
    static func isIn(_ column: String, _ texts: [String]) -> String {
        texts.isEmpty ? "FALSE" : "\(column) IN \(list(texts))"
    }

    /// `['awareness', 'education']`, a DuckDB list literal.
    static func array(_ texts: [String]) -> String {
        "[" + texts.map(string).joined(separator: ", ") + "]"
    }

    /// A moment as a timestamp literal: `TIMESTAMP '2022-09-01'`, `TIMESTAMP '2023-12-31 23:59:59'`.
    static func timestamp(_ seconds: Int64) -> String {
        "TIMESTAMP '\(CivilTime.formatDateTime(seconds))'"
    }

    /// A duration as an interval literal: `INTERVAL '90 days'`, `INTERVAL '36 hours'`.
    static func interval(seconds: Int64) -> String {
        if seconds % CivilTime.secondsPerDay == 0 {
            let days = seconds / CivilTime.secondsPerDay
            return "INTERVAL '\(days) day\(days == 1 ? "" : "s")'"
        }
        if seconds % 3600 == 0 { return "INTERVAL '\(seconds / 3600) hours'" }
        return "INTERVAL '\(seconds) seconds'"
    }

    /// A number literal exactly as Siklus reads it (`100`, `2.5`).
    static func number(_ literal: Literal) -> String? {
        switch literal {
        case .integer(let v): String(v)
        case .number(let v): v.isFinite ? String(v) : nil
        default: nil
        }
    }

    /// `text` with every line indented by `spaces`.
    static func indent(_ text: String, _ spaces: Int) -> String {
        let pad = String(repeating: " ", count: spaces)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
    }
}
