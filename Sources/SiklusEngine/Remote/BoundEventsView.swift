import SiklusSQL
import SiklusStore

/// The session-temporary view Siklus reads a bound existing events table through, so that it reads
/// exactly like a file with those columns:
/// - customer ids (and event names, channels) as text, as Siklus compares them;
/// - a transaction log (no event column) gets the event `purchase` on every row, as the loader gives it;
/// - `siklus_load_order` numbers each customer's rows by time, then `EngineTableBinding.tieBreak` (the
///   other columns in table order, byte-wise, nulls last): the file order an existing table lacks, so
///   the SQL compiler breaks ties in `ts` exactly as documented in the binding's note.
///
/// `load events table` creates it (`statements(in:)`), replacing the previous one; it lives as long as the
/// engine session (PostgreSQL `TEMP`, Spark `TEMPORARY`) and never touches the bound table.
struct BoundEventsView {
    /// The view's name (the SQL compiler's `events` table while an existing table is bound).
    static let name = "siklus_events"
    let binding: EngineTableBinding
    /// The column holding `purchase` for a transaction log, else nil (the table's event column is used).
    let eventColumn: String?
    /// The column numbering each customer's rows.
    let orderColumn: String

    init(_ binding: EngineTableBinding) {
        self.binding = binding
        let taken = Set(binding.columns.map { $0.name.lowercased() })
        func unique(_ name: String) -> String {
            var candidate = name, n = 2
            while taken.contains(candidate.lowercased()) { candidate = "\(name)_\(n)"; n += 1 }
            return candidate
        }
        eventColumn = binding.roles[.event] == nil ? unique("event") : nil
        orderColumn = unique(StoreTableColumns.loadOrderName)
    }

    /// The view's query over the table as the engine of `dialect` resolves its name: every column (text
    /// roles cast to text), the event, the order.
    func query(_ dialect: SQLDialect) -> SiklusSQL.SQLQuery {
        let textRoles = Set([ColumnRole.customer, .event, .channel].compactMap { binding.roles[$0] })
        var items: [SQLSelectItem] = binding.columns.map { column in
            textRoles.contains(column.name) && column.type != .text ? .named(.cast(.column(column.name), .text), column.name) : .column(column.name)
        }
        if let eventColumn { items.append(.named(.text("purchase"), eventColumn)) }
        let types = Dictionary(binding.columns.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
        let customer = binding.roles[.customer] ?? "customer_id", ts = binding.roles[.ts] ?? "ts"
        let order = [SQLOrderTerm(.column(ts))] + binding.tieBreak.map { SQLOrderTerm(.column($0), isText: types[$0] == .text) }
        items.append(.named(.window(.call("row_number", []), SQLWindow(partitionBy: [.column(customer)], orderBy: order)), orderColumn))
        return SiklusSQL.SQLQuery(SQLSelect(items, from: .table(EngineTableName.raw(binding.engineTable, dialect: dialect), alias: nil)))
    }

    /// The statements that (re)create the view in `dialect`.
    func statements(in dialect: SQLDialect) throws(SQLNotExpressible) -> [String] {
        let printer = SQLPrinter(dialect)
        let select = try printer.print(query(dialect)), name = printer.identifier(Self.name)
        switch dialect {
        // `pg_temp.`: never a permanent view of that name on the search path.
        case .postgres: return ["DROP VIEW IF EXISTS pg_temp.\(name)", "CREATE TEMP VIEW \(name) AS\n\(select)"]
        case .spark: return ["CREATE OR REPLACE TEMPORARY VIEW \(name) AS\n\(select)"]
        case .duckdb: return ["CREATE OR REPLACE TEMP VIEW \(name) AS\n\(select)"]
        }
    }
}
