import SiklusSQL
import SiklusStore

/// How `explain` creates the tables `events`, `customers` and `spend` from the loaded files in DuckDB
/// (`CREATE OR REPLACE TABLE … AS SELECT … FROM read_csv(…)` with the delimiter Siklus sniffed and ids
/// as text), and where the SQL compiler finds each role in them (`SQLSourceTables`): the files' own
/// headers, plus what Siklus adds while loading:
/// - `siklus_load_order`, each events row's position in the files (file order breaks ties in `ts`), and
///   each customers row's, numbered so that customers come in store order (`DuckDBFileTables.CustomerOrder`);
/// - `event = 'purchase'` on every row of a transaction log (no event column);
/// - `amount = quantity × unit price` for line items without an amount column.
struct DuckDBFileTables {
    let statements: [String]
    let tables: SQLSourceTables

    /// Nil, with the reason, when the files cannot be read as one table each the way Siklus read them.
    /// `listsRows` (a `rows` pipeline) numbers the customers' rows too, so the SQL lists store order; other
    /// pipelines read no customer order from the files, and their statements stay as short as before.
    static func make(_ store: Store, listsRows: Bool = false) -> Result<DuckDBFileTables, NoSQLEquivalent> {
        guard store.isLoaded(.events) else { return .failure(NoSQLEquivalent("this session: no events are loaded")) }
        var headers: [TableKind: [ColumnRole: String]] = [:]
        for table in TableKind.allCases {
            let reports = store.loads.filter { $0.table == table }
            let roles = reports.map { report in
                Dictionary(report.columns.compactMap { column in column.role.map { ($0, column.name) } }, uniquingKeysWith: { first, _ in first })
            }
            if Set(roles).count > 1 { return .failure(NoSQLEquivalent("\(table.rawValue) loaded from files with different headers")) }
            if table == .customers && reports.count > 1 {
                return .failure(NoSQLEquivalent("customers loaded from several files (Siklus updates customers by id)"))
            }
            if reports.contains(where: { $0.delimiter == UInt8(ascii: " ") }) { return .failure(NoSQLEquivalent("a file delimited by runs of spaces")) }
            headers[table] = roles.first ?? [:]
        }
        let events = headers[.events] ?? [:]
        guard let customer = events[.customer], let ts = events[.ts] else { return .failure(NoSQLEquivalent("events without customer and ts columns")) }
        let printer = SQLPrinter(.duckdb)
        let taken = Set(store.loads.filter { $0.table == .events }.flatMap(\.columns).map { $0.name.lowercased() })
        func unique(_ name: String) -> String {
            var candidate = name, n = 2
            while taken.contains(candidate.lowercased()) { candidate = "\(name)_\(n)"; n += 1 }
            return candidate
        }
        var tables = SQLSourceTables()
        tables.eventCustomer = customer
        tables.eventTime = ts
        tables.eventChannel = events[.channel]
        tables.customerID = headers[.customers]?[.customer] ?? "customer_id"
        var added: [String] = []
        if let name = events[.event] { tables.eventName = name } else {
            tables.eventName = unique("event")
            added.append("'purchase' AS \(printer.identifier(unique("event")))")
        }
        if let amount = events[.amount] { tables.eventAmount = amount } else if let q = events[.quantity], let p = events[.unit_price] {
            tables.eventAmount = unique("amount")
            added.append("\(printer.identifier(q)) * \(printer.identifier(p)) AS \(printer.identifier(unique("amount")))")
        } else {
            tables.eventAmount = nil
        }
        let order = CustomerOrder(store, listsRows: listsRows)
        tables.loadOrder = unique(StoreTableColumns.loadOrderName)
        added.append("\(order.eventsBase)row_number() OVER () AS \(printer.identifier(unique(StoreTableColumns.loadOrderName)))")
        var customersAdded = ""
        let customersColumns = Set(store.loads.filter { $0.table == .customers }.flatMap(\.columns).map { $0.name.lowercased() })
        var customersOrderName = StoreTableColumns.loadOrderName
        while customersColumns.contains(customersOrderName.lowercased()) { customersOrderName += "_2" }
        if let customersOrder = order.customersColumn(headers[.customers] ?? [:], eventCustomer: customer, named: customersOrderName, printer: printer) {
            tables.customerLoadOrder = customersOrder.name
            customersAdded = ", " + customersOrder.sql
        }
        // `rows` lists store order: both tables number their rows as the store gave customers codes.
        tables.keepCustomerOrder = order.isKnown

        var statements: [String] = []
        for table in TableKind.allCases {
            let reports = store.loads.filter { $0.table == table }
            guard let last = reports.last else { continue }
            let paths = reports.map { Self.literal($0.path) }
            var arguments = [paths.count == 1 ? paths[0] : "[" + paths.joined(separator: ", ") + "]"]
            if last.delimiter != UInt8(ascii: ",") { arguments.append("delim = " + Self.literal(String(decoding: [last.delimiter], as: UTF8.self))) }
            // Siklus keeps ids as text (`00017` stays `00017`).
            if let id = headers[table]?[.customer] { arguments.append("types = {\(Self.literal(id)): 'VARCHAR'}") }
            if paths.count > 1 { arguments.append("union_by_name = true") }
            let extra = table == .events ? added.map { ", " + $0 }.joined() : table == .customers ? customersAdded : ""
            statements.append("CREATE OR REPLACE TABLE \(table.rawValue) AS SELECT *\(extra) FROM read_csv(\(arguments.joined(separator: ", ")));")
        }
        return .success(DuckDBFileTables(statements: statements, tables: tables))
    }

    /// A SQL string literal.
    static func literal(_ text: String) -> String { "'" + text.replacing("'", with: "''") + "'" }
}
