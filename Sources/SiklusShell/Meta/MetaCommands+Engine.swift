import SiklusEngine
import SiklusSQL
import SiklusStore

/// `.engine`: where pipelines run now: the in-memory tables, or the connected engine and the tables
/// bound to `events`, `customers` and `spend`.
extension MetaCommands {
    static func engine(_ call: MetaInvocation) throws(MetaCommandError) -> Bool {
        call.shell.write(engineText(call.shell.session.engineStatus))
        return true
    }

    /// The listing `.engine` prints.
    static func engineText(_ status: EngineStatus) -> String {
        guard let summary = status.summary else {
            return "in-memory (the loaded tables); `connect postgres \"…\"` or `connect spark` runs pipelines on an engine"
        }
        var lines = [summary]
        for table in TableKind.allCases {
            guard let binding = status.bindings.first(where: { $0.table == table }) else {
                lines.append("  \(table.rawValue): not bound")
                continue
            }
            let source: String = switch binding.origin {
            case .table: "table \(binding.engineTable)"
            case .files(let paths): "table \(binding.engineTable), loaded by Siklus from " + paths.joined(separator: ", ")
            }
            let roles = binding.roles.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" }
            var line = "  \(table.rawValue): \(source) (\(binding.columns.count) columns"
                + (binding.rowCount.map { ", \($0) rows" } ?? "") + "; " + roles.joined(separator: " ") + ")"
            if binding.isTransactionLog { line += "; a transaction log: every row is a purchase" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
