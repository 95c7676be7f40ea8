import SiklusSQL
import SiklusStore

/// One table of a store as typed engine columns, for `SQLEngine.createTable`: what `load <table>
/// "<file>"` writes to a connected engine after Siklus's own parse of the file (sniffing, roles,
/// formats, skipped rows, line-item amounts), so the engine reads exactly what Siklus would.
///
/// Columns keep the file's names (role columns by the first file's header for that role); text is
/// written as dictionary codes (`.dictionary`), times as `.timestamp` (Unix seconds, UTC), missing
/// values as nulls. Events and customers carry one more column, `loadOrderColumn` (`eventLoadOrder`:
/// the store's customer, ts, file order), so equal times of a customer keep file order in SQL and `rows`
/// lists customers in store order.
struct StoreTableColumns {
    /// The name of the load-order column (made unique against the file's columns).
    static let loadOrderName = "siklus_load_order"

    /// The columns to create, in order.
    private(set) var columns: [SQLColumn] = []
    /// The column playing each role.
    private(set) var roles: [ColumnRole: String] = [:]
    /// The load-order column's name (events and customers).
    private(set) var loadOrderColumn: String?
    /// Names taken so far, lowercased: engines fold case, so `Amount` and `amount` would clash.
    private var taken: Set<String> = []

    /// `table` of `store`.
    /// - Complexity: O(rows × columns + distinct strings and customer ids).
    init(_ table: TableKind, of store: Store) {
        let reports = store.loads.filter { $0.table == table }
        func header(_ role: ColumnRole) -> String? {
            reports.lazy.compactMap { $0.columns.first { $0.role == role }?.name }.first
        }
        // One array of each dictionary, shared (not copied) by every text column.
        let customerIDs = store.customerIDs.strings, strings = store.strings.strings
        switch table {
        case .events:
            let events = store.events
            add(header(.customer) ?? "customer_id", .dictionary(codes: events.customer, strings: customerIDs), role: .customer)
            add(header(.ts) ?? "ts", .timestamp(events.ts.map { $0 }), role: .ts)
            // Always written: a transaction log's rows carry the event `purchase` the loader gave them.
            add(header(.event) ?? "event", .dictionary(codes: events.event, strings: strings), role: .event)
            // Without an amount column, line items' amount is quantity × unit price, computed by the loader.
            let lineItems = header(.quantity) != nil && header(.unit_price) != nil
            if let name = header(.amount) ?? (lineItems ? "amount" : nil) {
                let nulls = events.amountNulls
                add(name, .number(events.amount.indices.map { nulls?[$0] == true ? nil : events.amount[$0] }), role: .amount)
            }
            if let name = header(.channel) { add(name, .dictionary(codes: events.channel, strings: strings), role: .channel) }
            for column in events.extras {
                let role = reports.lazy.compactMap { $0.columns.first { $0.name == column.name }?.role }.first
                    ?? (column.name == events.orderColumn ? .order : nil)
                add(column.name, Self.values(of: column, rows: nil, strings: strings), role: role?.isStoredAsExtra == true ? role : nil)
            }
            let order = unique(Self.loadOrderName)
            add(order, .integer(Self.eventLoadOrder(events)), role: nil)
            loadOrderColumn = order
        case .customers:
            let customers = store.customers
            let slots = customers.hasRow.indices.filter { customers.hasRow[$0] }
            add(header(.customer) ?? "customer_id", .dictionary(codes: slots.map { Int32($0) }, strings: customerIDs), role: .customer)
            for (i, column) in customers.columns.enumerated() {
                let role = customers.roles.first { $0.value == i }?.key
                add(column.name, Self.values(of: column, rows: slots, strings: strings), role: role)
            }
            let order = unique(Self.loadOrderName)
            add(order, .integer(slots.map { Int64($0) << 32 }), role: nil)
            loadOrderColumn = order
        case .spend:
            for (i, column) in store.spend.columns.enumerated() {
                let role = store.spend.roles.first { $0.value == i }?.key
                add(column.name, Self.values(of: column, rows: nil, strings: strings), role: role)
            }
        }
    }

    /// Each event row's load order: its customer's store code (the order customers first appear in the
    /// loaded data) × 2³², plus the row's position among its customer's rows (time, then file order). So
    /// it orders a customer's equal times by file order, and its customer minimum (code × 2³²) equals the
    /// customers table's load order, which places customers with no events (`rows` lists store order).
    /// - Complexity: O(rows).
    static func eventLoadOrder(_ events: EventTable) -> [Int64] {
        var order = [Int64](repeating: 0, count: events.count)
        for r in 0..<events.count {
            let customer = events.customer[r]
            order[r] = Int64(customer) << 32 | Int64(r - events.rows(of: customer).lowerBound)
        }
        return order
    }

    /// The binding of the table these columns were written to.
    func binding(_ table: TableKind, engineTable: String, files: [String]) -> EngineTableBinding {
        EngineTableBinding(table: table, engineTable: engineTable,
                           columns: columns.map { SQLTableColumn(name: $0.name, type: $0.values.type) },
                           roles: roles, loadOrderColumn: loadOrderColumn, origin: .files(files),
                           rowCount: columns.first?.values.count ?? 0)
    }

    private mutating func add(_ name: String, _ values: SQLColumnValues, role: ColumnRole?) {
        let name = unique(name)
        taken.insert(name.lowercased())
        columns.append(SQLColumn(name: name, values: values))
        if let role { roles[role] = name }
    }

    /// `name`, or `name_2`, `name_3`, … when another column has it (ignoring case).
    private func unique(_ name: String) -> String {
        guard taken.contains(name.lowercased()) else { return name }
        var n = 2
        while taken.contains("\(name)_\(n)".lowercased()) { n += 1 }
        return "\(name)_\(n)"
    }

    /// A store column's values (at `rows`, or all), typed for the engine: dates and datetimes are
    /// timestamps, text stays dictionary codes (-1 is null).
    static func values(of column: Column, rows: [Int]?, strings: [String]) -> SQLColumnValues {
        let indices = rows ?? Array(0..<column.count)
        switch column.data {
        case .code(let codes):
            return .dictionary(codes: rows.map { $0.map { codes[$0] } } ?? codes, strings: strings)
        case .int64(let values):
            let present = indices.map { column.isNull($0) ? nil : values[$0] }
            return column.type == .date || column.type == .datetime ? .timestamp(present) : .integer(present)
        case .double(let values):
            return .number(indices.map { column.isNull($0) ? nil : values[$0] })
        }
    }
}
