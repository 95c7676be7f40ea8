import SiklusSQL
import SiklusStore

/// `explain`'s account, while connected, of where the SQL's tables come from: for each bound Siklus
/// table, the engine table Siklus wrote from its own parse of the files, or the existing table and the
/// view it is read through (with the statements that create it).
struct EngineTableSources {
    let bindings: [TableKind: EngineTableBinding]
    let dialect: SQLDialect

    var text: String {
        var lines = ["Tables (\(dialect.displayName)):"]
        for table in TableKind.allCases {
            guard let binding = bindings[table] else { lines.append("-- \(table.rawValue): not bound"); continue }
            switch binding.origin {
            case .files(let files):
                lines.append("-- \(table.rawValue): table \(binding.engineTable), written by Siklus from its own parse of "
                             + files.joined(separator: ", ") + (binding.rowCount.map { " (\($0) rows)" } ?? "")
                             + (binding.loadOrderColumn.map { (table == .customers ? "; their order of first appearance in column " : "; file order in column ") + $0 } ?? ""))
            case .table:
                lines.append("-- \(table.rawValue): the existing table \(binding.engineTable), bound by `load \(table.rawValue) table`")
                guard table == .events else { continue }
                let view = BoundEventsView(binding)
                lines.append("--   read through this view (text ids, " + (view.eventColumn == nil ? "" : "event 'purchase' on every row, ")
                             + "ties in ts ordered by \(view.orderColumn)):")
                lines += ((try? view.statements(in: dialect)) ?? []).map { $0 + ";" }
            }
        }
        return lines.joined(separator: "\n")
    }
}
