import Foundation
import SiklusSQL
import SiklusStore

/// Which engine table plays a Siklus table while the session is connected, and how to read it: the
/// columns with their types, which column plays each role (found as the CSV loader finds them), and
/// the order that breaks ties between a customer's events at equal times.
///
/// Made by `load <table> table "…"` (an existing table) or by `load <table> "<file>"` while connected
/// (a table Siklus created from its own parse of the file). The SQL compiler reads it as its catalog.
public struct EngineTableBinding: Sendable, Equatable {
    /// Where the engine table came from.
    public enum Origin: Sendable, Equatable {
        /// An existing table or view, bound by `load <table> table "<name>"`.
        case table
        /// Created by Siklus from these files (parsed by Siklus's loader, then written to the engine).
        case files([String])
    }

    /// The Siklus table it plays.
    public var table: TableKind
    /// Its name in the engine, as written (`orders`, `sales.orders`) or as Siklus created it (`events`).
    public var engineTable: String
    /// Every column, in table order, as the engine types them.
    public var columns: [SQLTableColumn]
    /// The column playing each role.
    public var roles: [ColumnRole: String]
    /// The column holding Siklus's load order (tables created from files): within one customer's events
    /// at the same time, file order. Nil for an existing table, which has no file order.
    public var loadOrderColumn: String?
    public var origin: Origin
    /// Rows written to the engine, when Siklus created the table; nil for an existing table (not counted,
    /// so binding a billion-row table costs one catalog lookup).
    public var rowCount: Int?

    public init(table: TableKind, engineTable: String, columns: [SQLTableColumn], roles: [ColumnRole: String],
                loadOrderColumn: String? = nil, origin: Origin, rowCount: Int? = nil) {
        self.table = table
        self.engineTable = engineTable
        self.columns = columns
        self.roles = roles
        self.loadOrderColumn = loadOrderColumn
        self.origin = origin
        self.rowCount = rowCount
    }

    /// True for events with no event column: a transaction log, every row a purchase.
    public var isTransactionLog: Bool { table == .events && roles[.event] == nil }

    /// The columns that order a customer's events at equal times, after customer and ts: the load-order
    /// column when Siklus created the table; otherwise every other column in table order, each
    /// ascending with nulls last in the dialect's byte-wise order (rows equal in all of them are
    /// identical, so their order cannot change a result). Empty for customers and spend.
    public var tieBreak: [String] {
        guard table == .events else { return [] }
        if let loadOrderColumn { return [loadOrderColumn] }
        let keys = Set([roles[.customer], roles[.ts]].compactMap { $0 })
        return columns.map(\.name).filter { !keys.contains($0) }
    }

    /// The role of column `name`, if it plays one.
    public func role(of name: String) -> ColumnRole? {
        roles.first { $0.value == name }?.key
    }

    /// The binding's report, written like a file's load report (a note on stderr):
    ///
    ///     bound events to sales.orders on PostgreSQL 16.4 (shop on /tmp:5432): 3 columns
    ///       column cust_no  text       role customer
    ///       …
    ///       note: no event column: this is a transaction log, so every row is a purchase
    public func render(engine summary: String) -> String {
        var head = "bound \(table.rawValue) to \(engineTable) on \(summary): \(columns.count) column\(columns.count == 1 ? "" : "s")"
        if let rowCount { head += ", \(rowCount) row\(rowCount == 1 ? "" : "s")" }
        var lines = [head]
        let shown = columns.filter { $0.name != loadOrderColumn }
        let width = shown.map(\.name.count).max() ?? 0
        for column in shown {
            let name = column.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let type = column.type.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
            let role = role(of: column.name).map { "  role \($0.rawValue)" } ?? ""
            lines.append(String("  column \(name)  \(type)\(role)".reversed().drop { $0 == " " }.reversed()))
        }
        if isTransactionLog { lines.append("  note: no event column: this is a transaction log, so every row is a purchase") }
        if table == .events {
            if let loadOrderColumn {
                lines.append("  note: equal times of a customer keep file order (column \(loadOrderColumn))")
            } else {
                let rest = tieBreak.isEmpty ? "nothing else: such rows are identical" : tieBreak.joined(separator: ", ")
                lines.append("  note: an existing table has no file order: equal times of a customer are ordered by \(rest)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
