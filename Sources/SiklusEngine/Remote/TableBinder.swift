import SiklusLanguage
import SiklusSQL
import SiklusStore

/// Turns `load <table> table "<name>" [map …]` and the engine's columns for that table into a binding:
/// roles found by the CSV loader's rules (`ColumnRoleDetection`), then checked against the engine's
/// types. Every mistake is a diagnostic located in the statement.
struct TableBinder {
    let statement: LoadTableStatement
    let table: TableKind

    /// The binding of `columns` (the engine table's, in table order).
    /// - Complexity: O(columns × (mappings + synonyms)).
    func bind(_ columns: [SQLTableColumn]) throws(Diagnostic) -> EngineTableBinding {
        let names = columns.map(\.name)
        let name = statement.name
        if columns.isEmpty { throw Diagnostic("\(name.value) has no columns", at: name.span) }
        var mapping: [ColumnRole: String] = [:]
        for pair in statement.mappings {
            guard let role = ColumnRole(rawValue: pair.role.value.rawValue) else { continue }
            // Each mapping alone first, so a mistake points at the mapping that makes it.
            do {
                _ = try ColumnRoleDetection.roles(of: names, table: table, mapping: [role: pair.column.text], source: name.value)
            } catch {
                throw located(error, at: pair.span)
            }
            mapping[role] = pair.column.text
        }
        let indices: [ColumnRole: Int]
        do {
            indices = try ColumnRoleDetection.roles(of: names, table: table, mapping: mapping, source: name.value)
        } catch {
            throw located(error, at: statement.mappings.last?.span ?? name.span)
        }
        for role in ColumnRoleDetection.required(for: table) where indices[role] == nil {
            let likely = ColumnRoleDetection.commonNames(for: role, in: table).joined(separator: ", ")
            throw Diagnostic(MessageCatalog.text("load.bind.role_missing", ["table": table.rawValue, "role": role.rawValue, "name": name.value, "names": likely]),
                             at: name.span,
                             hints: [MessageCatalog.text("load.bind.role_missing_hint", ["list": MessageCatalog.listing(names), "role": role.rawValue])])
        }
        for (role, index) in indices.sorted(by: { $0.value < $1.value }) {
            let column = columns[index]
            guard let wanted = Self.acceptedTypes(role), !wanted.contains(column.type) else { continue }
            let span = statement.mappings.first { $0.role.value.rawValue == role.rawValue }?.span ?? name.span
            throw Diagnostic(MessageCatalog.text("load.bind.type", ["column": column.name, "role": role.rawValue, "type": column.type.rawValue, "name": name.value,
                                                                    "types": wanted.map(\.rawValue).joined(separator: MessageCatalog.text("load.bind.or"))]),
                             at: span, hints: [Self.typeHint(role, column: column.name)])
        }
        return EngineTableBinding(table: table, engineTable: name.value, columns: columns,
                                  roles: indices.mapValues { names[$0] }, origin: .table)
    }

    /// The engine types a role's column may have; nil when any type will do.
    static func acceptedTypes(_ role: ColumnRole) -> [SQLValueType]? {
        switch role {
        case .ts, .signup, .date: [.timestamp]
        case .amount, .spend, .impressions, .clicks, .quantity, .unit_price, .opens, .delivered: [.number, .integer]
        // Ids and labels are compared as text; whole-number ids are common in databases.
        case .customer, .order, .event, .channel, .country: [.text, .integer]
        }
    }

    /// How to give a role a column of the right type: a view over the table that casts it.
    static func typeHint(_ role: ColumnRole, column: String) -> String {
        let cast: String = switch role {
        case .ts, .signup, .date: "CAST(\(column) AS timestamp)"
        case .customer, .order, .event, .channel, .country: "CAST(\(column) AS text)"
        default: "CAST(\(column) AS double precision)"
        }
        return MessageCatalog.text("load.bind.type_hint", ["cast": cast, "role": role.rawValue])
    }

    /// A role-detection error (a `LoadError` naming the table) as a diagnostic at `span`.
    private func located(_ error: any Error, at span: SourceSpan) -> Diagnostic {
        guard let error = error as? LoadError else { return Diagnostic("cannot bind \(statement.name.value): \(error)", at: span) }
        return Diagnostic(MessageCatalog.text("load.cannot_bind", ["table": statement.name.value, "reason": error.problem.text(in: .current)]),
                          at: span, hints: error.help.map { [$0.text(in: .current)] } ?? [])
    }
}
