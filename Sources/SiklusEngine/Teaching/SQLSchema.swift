import SiklusStore

/// The loaded files as DuckDB sees them: which header plays which role, what the `people` CTE calls
/// each customers column, and the `CREATE TABLE … read_csv(…)` statements that load the same files.
///
/// Siklus keeps header names (`LoadReport.columns`, `Store.events.extras`, `customers.columns`), so
/// the SQL uses the file's own names, quoted where DuckDB needs it.
struct SQLSchema {
    /// True when a customers / spend file is loaded.
    let hasCustomers: Bool
    let hasSpend: Bool
    /// Header of each role column, per table.
    private let eventHeaders: [ColumnRole: String]
    private let customerHeaders: [ColumnRole: String]
    private let spendHeaders: [ColumnRole: String]
    /// Extra events columns, by header name, in store order.
    let eventExtras: [String]
    /// The `people` column of each customers column that a query can name (by store index).
    let personColumns: [Int: String]
    /// `CREATE OR REPLACE TABLE … AS FROM read_csv(…);`, one per loaded table.
    let createStatements: [String]

    /// Names of customers columns that `Attribute.resolve` maps to a derived attribute instead
    /// (`channel` is the acquisition channel), so their raw column is never read by name.
    private static let derivedNames: Set<String> = ["customer", "customer_id", "id", "signup", "signup_date", "first_purchase",
                                                    "channel", "acquisition_channel"]

    init(store: Store) throws(NoSQLEquivalent) {
        guard store.isLoaded(.events) else { throw NoSQLEquivalent("this session: no events are loaded") }
        func headers(_ table: TableKind) throws(NoSQLEquivalent) -> [ColumnRole: String] {
            let reports = store.loads.filter { $0.table == table }
            var found: [ColumnRole: String]?
            for report in reports {
                var roles: [ColumnRole: String] = [:]
                for column in report.columns { if let role = column.role { roles[role] = column.name } }
                if let found, found != roles {
                    throw NoSQLEquivalent("\(table.rawValue) loaded from files with different headers")
                }
                found = roles
            }
            return found ?? [:]
        }
        eventHeaders = try headers(.events)
        guard eventHeaders[.customer] != nil, eventHeaders[.ts] != nil else { throw NoSQLEquivalent("events without customer and ts columns") }
        // Line items: orders (GROUP BY customer, order id), returns and quantity × unit price are not translated yet.
        if let order = eventHeaders[.order] {
            throw NoSQLEquivalent(yet: "order-level metrics (the events' rows are line items of the orders in \(order))")
        }
        if eventHeaders[.amount] == nil, let q = eventHeaders[.quantity], let p = eventHeaders[.unit_price] {
            throw NoSQLEquivalent(yet: "an amount computed as \(q) × \(p)")
        }
        guard eventHeaders[.event] != nil else { throw NoSQLEquivalent("an events file without an event column (every row a purchase)") }
        hasCustomers = store.isLoaded(.customers) && store.loads.contains { $0.table == .customers }
        customerHeaders = hasCustomers ? try headers(.customers) : [:]
        hasSpend = store.isLoaded(.spend)
        spendHeaders = hasSpend ? try headers(.spend) : [:]
        eventExtras = store.events.extras.map(\.name)
        // The events CTEs carry the customer's derived columns beside the event's own.
        let derived: Set<String> = ["signup", "first_event", "first_purchase", "acquisition_channel", "cohort", "stage", "purchase_no"]
        if let clash = (Array(eventHeaders.values) + eventExtras).first(where: { derived.contains($0.lowercased()) }) {
            throw NoSQLEquivalent("an events column named \(clash) (the SQL's own name for a derived column)")
        }

        if let signup = store.customers.column(for: .signup), signup.type != .date && signup.type != .datetime {
            throw NoSQLEquivalent("a signup column that is not a date")
        }
        let taken = Set(["customer_id", "signup", "first_event", "first_purchase", "acquisition_channel", "cohort", "stage", "purchase_no"]
            + eventHeaders.values.map { $0.lowercased() } + eventExtras.map { $0.lowercased() })
        var personColumns: [Int: String] = [:]
        if hasCustomers {
            for (i, column) in store.customers.columns.enumerated() where !Self.derivedNames.contains(column.name.lowercased()) {
                personColumns[i] = taken.contains(column.name.lowercased()) ? "customers_" + column.name : column.name
            }
        }
        self.personColumns = personColumns

        var statements: [String] = []
        for table in TableKind.allCases {
            let reports = store.loads.filter { $0.table == table }
            guard let last = reports.last else { continue }
            if table == .customers && reports.count > 1 {
                throw NoSQLEquivalent("customers loaded from several files (Siklus updates customers by id)")
            }
            if last.delimiter == UInt8(ascii: " ") { throw NoSQLEquivalent("a file delimited by runs of spaces") }
            let paths = reports.map { SQLText.string($0.path) }
            var arguments = [paths.count == 1 ? paths[0] : "[" + paths.joined(separator: ", ") + "]"]
            if last.delimiter != UInt8(ascii: ",") { arguments.append("delim = " + SQLText.string(String(decoding: [last.delimiter], as: UTF8.self))) }
            if let id = last.columns.first(where: { $0.role == .customer }) {
                // Siklus keeps ids as text (`00017` stays `00017`).
                arguments.append("types = {\(SQLText.string(id.name)): 'VARCHAR'}")
            }
            if paths.count > 1 { arguments.append("union_by_name = true") }
            statements.append("CREATE OR REPLACE TABLE \(table.rawValue) AS FROM read_csv(\(arguments.joined(separator: ", ")));")
        }
        createStatements = statements
    }

    /// The events column playing `role`, as SQL (`ts`, `"Order Date"`), or `NULL` when the file has none.
    func events(_ role: ColumnRole) -> String {
        eventHeaders[role].map(SQLText.identifier) ?? "NULL"
    }

    /// The customers column playing `role`, or nil.
    func customers(_ role: ColumnRole) -> String? {
        customerHeaders[role].map(SQLText.identifier)
    }

    /// The spend column playing `role`, or `0` for a missing measure.
    func spend(_ role: ColumnRole) -> String {
        spendHeaders[role].map(SQLText.identifier) ?? (role == .channel || role == .date ? "NULL" : "0")
    }

    /// The events table's customer column, the key of every join.
    var eventCustomer: String { events(.customer) }
}
