import CLibPQ
import Foundation
import SiklusSQL

/// How Siklus reads PostgreSQL's built-in types (by the type OID of `PQftype` or `pg_attribute`) and which
/// column types it creates for its own tables.
enum PostgresType {
    /// The Siklus type a column of PostgreSQL type `oid` is read as; types Siklus has no kind for
    /// (json, uuid, interval, arrays, …) are read as their text.
    static func valueType(ofOID oid: Oid) -> SQLValueType {
        switch oid {
        case 20, 21, 23: .integer                 // int8, int2, int4
        case 700, 701, 1700: .number              // float4, float8, numeric
        case 1082, 1114, 1184: .timestamp         // date, timestamp, timestamptz
        case 16: .boolean                         // bool
        default: .text                            // text, varchar, bpchar, name and everything else
        }
    }

    /// The column type `createTable` declares for `type`. Timestamps are `timestamp` (without time
    /// zone) holding UTC, which the session time zone (UTC) makes the same as `timestamptz`.
    static func declaration(of type: SQLValueType) -> String {
        switch type {
        case .text: "text"
        case .integer: "bigint"
        case .number: "double precision"
        case .timestamp: "timestamp"
        case .boolean: "boolean"
        }
    }

    /// `name` as a quoted SQL identifier (`"` doubled), so any column or table name Siklus holds is
    /// taken exactly and cannot break out of the statement.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `text` as a SQL string literal (standard_conforming_strings is on in every supported server).
    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
