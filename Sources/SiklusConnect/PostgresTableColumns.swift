import CLibPQ
import SiklusSQL

extension PostgresConnection {
    /// The catalog query behind `columns(ofTable:)`: the relation PostgreSQL resolves the name to
    /// (`to_regclass`: `schema.table`, or the search path, which starts with the session's TEMP schema),
    /// its live columns in table order with the base type of domains, and the schemas searched, for the
    /// error when nothing is found. One row with a NULL relation means no such table.
    private static let columnsQuery = """
        SELECT r.rel::oid::int8 AS rel, a.attname::text AS name,
               (CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END)::int8 AS type_oid,
               array_to_string(current_schemas(true), ', ') AS searched
        FROM (SELECT to_regclass($1) AS rel) r
        LEFT JOIN pg_attribute a ON a.attrelid = r.rel AND a.attnum > 0 AND NOT a.attisdropped
        LEFT JOIN pg_type t ON t.oid = a.atttypid
        ORDER BY a.attnum
        """

    /// The columns of table or view `name` as Siklus reads them. `name` follows PostgreSQL's rules:
    /// unquoted parts fold to lower case (`Events` finds `events`), quoted parts (`"Events"`) are exact.
    /// - Complexity: one catalog query, O(columns).
    func tableColumns(_ connection: OpaquePointer, _ name: String) throws(SQLEngineError) -> [SQLTableColumn] {
        var reader = PostgresResultReader(cellLimit: 1 << 20, byteLimit: 1 << 26)
        do {
            try run(connection, Self.columnsQuery, parameters: [name], isCancelled: { false }, reader: &reader)
        } catch {
            throw SQLEngineError("cannot look up table \"\(name)\" in PostgreSQL: \(error.message)", sqlState: error.sqlState)
        }
        let rows = reader.rows().columns
        guard rows.count == 4, case .integer(let relation) = rows[0].values, case .text(let names) = rows[1].values,
              case .integer(let types) = rows[2].values, case .text(let searched) = rows[3].values else {
            preconditionFailure("the catalog query's columns are rel, name, type_oid, searched")
        }
        guard let first = relation.first, first != nil else {
            let schemas = searched.first.flatMap { $0 } ?? "?"
            throw SQLEngineError("no table or view \"\(name)\" in PostgreSQL (searched \(schemas)); write `schema.table`, or check the name (unquoted names are lower case)",
                                 sqlState: "42P01")
        }
        return zip(names, types).compactMap { name, type in
            guard let name, let type else { return nil }  // a table without columns has one all-NULL row
            return SQLTableColumn(name: name, type: PostgresType.valueType(ofOID: Oid(truncatingIfNeeded: type)))
        }
    }
}
