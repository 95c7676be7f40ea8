import Foundation
import SiklusEngine
import SiklusStore

/// The result tables `.tables` and `.schema` print, built from the session's store so they render
/// in the current output mode like any query result.
enum SchemaTables {
    /// One row per table: name, rows, and the files loaded into it.
    static func tables(of store: Store) -> ResultTable {
        let kinds = TableKind.allCases
        let rows: [Int64] = kinds.map { kind in
            switch kind {
            case .events: Int64(store.events.count)
            case .customers: Int64(store.customers.rowCount)
            case .spend: Int64(store.spend.count)
            }
        }
        let files: [String?] = kinds.map { kind in
            let names = store.loads.filter { $0.table == kind }.map { ($0.path as NSString).lastPathComponent }
            return names.isEmpty ? nil : names.joined(separator: ", ")
        }
        return ResultTable(columns: [
            ResultColumn(name: "table", unit: .text, values: .text(kinds.map(\.rawValue))),
            ResultColumn(name: "rows", unit: .count, values: .integer(rows)),
            ResultColumn(name: "files", unit: .text, values: .text(files)),
        ])
    }

    /// One row per column of the loaded tables among `kinds`: table, column, type, role.
    ///
    /// Columns come from the latest load report of each table, which names them as the file's header
    /// did; customers and spend fall back to the store's own columns if no report is kept.
    static func schema(of store: Store, tables kinds: [TableKind]) -> ResultTable {
        var table: [String?] = [], column: [String?] = [], type: [String?] = [], role: [String?] = []
        for kind in kinds {
            let entries = columns(of: kind, in: store)
            for entry in entries {
                table.append(kind.rawValue)
                column.append(entry.name)
                type.append(entry.type.rawValue)
                role.append(entry.role?.rawValue)
            }
        }
        return ResultTable(columns: [
            ResultColumn(name: "table", unit: .text, values: .text(table)),
            ResultColumn(name: "column", unit: .text, values: .text(column)),
            ResultColumn(name: "type", unit: .text, values: .text(type)),
            ResultColumn(name: "role", unit: .text, values: .text(role)),
        ])
    }

    private static func columns(of kind: TableKind, in store: Store) -> [(name: String, type: ColumnType, role: ColumnRole?)] {
        if let report = store.loads.last(where: { $0.table == kind }) {
            return report.columns.map { ($0.name, $0.type, $0.role) }
        }
        let (columns, roles): ([Column], [ColumnRole: Int]) = switch kind {
        case .events: (store.events.extras, [:])
        case .customers: (store.customers.columns, store.customers.roles)
        case .spend: (store.spend.columns, store.spend.roles)
        }
        return columns.enumerated().map { index, column in
            (column.name, column.type, roles.first { $0.value == index }?.key)
        }
    }
}
