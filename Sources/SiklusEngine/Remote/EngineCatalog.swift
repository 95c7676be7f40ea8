import SiklusPlan
import SiklusSQL
import SiklusStore

/// What the binder and the SQL compiler know of a connected engine's tables: the `Catalog` (columns with
/// kinds and roles, stage map, settings) and the `SQLSourceTables` (engine table names and role columns),
/// both made from the session's `EngineTableBinding`s without reading a row.
///
/// Event names: for tables Siklus wrote from files they come from its own parse (`staging`, free and
/// exact, so a misspelt event gets the same "did you mean" as in memory); for a bound existing table
/// they are not fetched (a `SELECT DISTINCT` over a warehouse table is not cheap), so any name is accepted.
/// Likewise "no amount" is known exactly for files and, for a bound table, means "no amount column".
struct EngineCatalog {
    let catalog: Catalog
    let tables: SQLSourceTables

    /// - Complexity: O(columns), plus O(events) of `staging` when events were loaded from files (event
    ///   names, whether any amount is present).
    init(bindings: [TableKind: EngineTableBinding], staging: Store, settings: SessionSettings, stageMap: StageMap, dialect: SQLDialect) {
        var tables = SQLSourceTables()
        // Siklus's tables number customers by first appearance; a bound table's order is its tie-break.
        tables.keepCustomerOrder = true
        var events = Catalog.Table(), customers = Catalog.Table(), spend = Catalog.Table()
        var orderColumn: String?, missingAmount: MissingAmountHint?, eventNames: [String]?
        if let binding = bindings[.events] {
            let fixed: [ColumnRole] = [.customer, .ts, .event, .amount, .channel]
            let fixedNames = Set(fixed.compactMap { binding.roles[$0] } + [binding.loadOrderColumn].compactMap { $0 })
            events = Catalog.Table(isLoaded: binding.rowCount != 0, columns: binding.columns.filter { !fixedNames.contains($0.name) }.map { column in
                Catalog.Column(name: column.name, kind: Self.kind(column.type), role: binding.roles[.order] == column.name ? ColumnRole.order.rawValue : nil)
            })
            orderColumn = binding.roles[.order]
            let view = binding.origin == .table ? BoundEventsView(binding) : nil
            tables.events = view.map { _ in BoundEventsView.name } ?? EngineTableName.raw(binding.engineTable, dialect: dialect)
            tables.eventCustomer = binding.roles[.customer] ?? "customer_id"
            tables.eventTime = binding.roles[.ts] ?? "ts"
            tables.eventName = binding.roles[.event] ?? view?.eventColumn
            tables.eventAmount = binding.roles[.amount]
            tables.eventChannel = binding.roles[.channel]
            tables.loadOrder = binding.loadOrderColumn ?? view?.orderColumn
            tables.eventBooleans = Set(binding.columns.filter { $0.type == .boolean }.map(\.name))
            if case .files = binding.origin {
                let store = staging
                var seen = [Bool](repeating: false, count: store.strings.count)
                for code in store.events.event where code >= 0 { seen[Int(code)] = true }
                eventNames = seen.indices.filter { seen[$0] }.map { store.strings[Int32($0)] }.sorted()
                missingAmount = MissingAmount(store)?.hint
            } else if binding.roles[.amount] == nil {
                missingAmount = .engineTable(binding.engineTable)
            }
        }
        if let binding = bindings[.customers] {
            let id = binding.roles[.customer] ?? "customer_id"
            customers = Catalog.Table(isLoaded: binding.rowCount != 0, columns: binding.columns.filter { $0.name != id && $0.name != binding.loadOrderColumn }.map { column in
                Catalog.Column(name: column.name, kind: Self.kind(column.type), role: binding.role(of: column.name)?.rawValue)
            })
            tables.customers = EngineTableName.raw(binding.engineTable, dialect: dialect)
            tables.customerID = id
            tables.customerLoadOrder = binding.loadOrderColumn
            tables.customerBooleans = Set(binding.columns.filter { $0.type == .boolean }.map(\.name))
            if case .files = binding.origin, case .files? = bindings[.events]?.origin {
                tables.customersGiveEverySignup = Self.customersGiveEverySignup(staging)
            }
        }
        if let binding = bindings[.spend] {
            spend = Catalog.Table(isLoaded: binding.rowCount != 0, columns: binding.columns.map { column in
                Catalog.Column(name: column.name, kind: Self.kind(column.type), role: binding.role(of: column.name)?.rawValue)
            })
            tables.spend = EngineTableName.raw(binding.engineTable, dialect: dialect)
        }
        catalog = Catalog(events: events, customers: customers, spend: spend, orderColumn: orderColumn, missingAmount: missingAmount,
                          stageMap: stageMap, settings: settings, eventNames: eventNames)
        self.tables = tables
    }

    /// Whether every customer with an event has a customers row with a signup, in Siklus's own parse of
    /// the files it wrote to the engine (`SQLSourceTables.customersGiveEverySignup`).
    /// - Complexity: O(customers).
    static func customersGiveEverySignup(_ store: Store) -> Bool {
        guard let signup = store.customers.column(for: .signup), case .int64(let values) = signup.data else { return false }
        let offsets = store.events.offsets, hasRow = store.customers.hasRow, nulls = signup.nulls
        for c in 0..<store.events.customerCount where offsets[c + 1] > offsets[c] {
            guard c < values.count, c < hasRow.count, hasRow[c], !(nulls?[c] ?? false) else { return false }
        }
        return true
    }

    /// How the binder compares an engine column's values (booleans as the text `true` / `false`; the
    /// SQL compiler compares them as booleans, `SQLSourceTables.eventBooleans`).
    static func kind(_ type: SQLValueType) -> Catalog.ValueKind {
        switch type {
        case .text, .boolean: .text
        case .integer, .number: .number
        case .timestamp: .time
        }
    }
}
