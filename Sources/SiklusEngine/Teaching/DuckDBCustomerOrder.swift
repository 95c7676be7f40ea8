import SiklusSQL
import SiklusStore

extension DuckDBFileTables {
    /// How explain's file tables keep store order for `rows`: the store numbers customers as they first
    /// appear in the loads, in load order. The events' and the customers' `siklus_load_order` are numbered
    /// so that the SQL's `customer_order` (the customers table's number, else the customer's first event's)
    /// gives the same order: the table loaded first numbers from 1, the other from 2³² on; when the events
    /// came first, a customer who has events takes their first event's number (the customers row's is NULL).
    /// Events files loaded both before and after the customers file interleave codes in a way one number
    /// per table cannot say: then `rows` is refused, as for any table that loses the order.
    struct CustomerOrder {
        /// False when events files were loaded both before and after the customers file.
        let isKnown: Bool
        /// True when the customers file was loaded before every events file.
        let customersFirst: Bool
        let hasCustomers: Bool

        /// Without `listsRows` the events keep plain file numbers and the customers no number (`isKnown` false).
        init(_ store: Store, listsRows: Bool) {
            let kinds = store.loads.map(\.table).filter { $0 != .spend }
            let customersAt = kinds.firstIndex(of: .customers)
            let eventsAt = kinds.indices.filter { kinds[$0] == .events }
            hasCustomers = customersAt != nil && listsRows
            customersFirst = customersAt.map { at in eventsAt.allSatisfy { $0 > at } } ?? false
            isKnown = listsRows && (customersAt.map { at in eventsAt.allSatisfy { $0 > at } || eventsAt.allSatisfy { $0 < at } } ?? true)
        }

        /// Added before the events' row number: after every customers row when customers came first.
        var eventsBase: String { customersFirst && hasCustomers ? "4294967296 + " : "" }

        /// The customers table's load-order column (name and `expression AS name`), or nil without one.
        func customersColumn(_ roles: [ColumnRole: String], eventCustomer: String, named name: String,
                             printer: SQLPrinter) -> (name: String, sql: String)? {
            guard hasCustomers, isKnown, let id = roles[.customer] else { return nil }
            if customersFirst { return (name, "row_number() OVER () AS \(printer.identifier(name))") }
            let seen = "\(printer.identifier(id)) IN (SELECT \(printer.identifier(eventCustomer)) FROM events)"
            return (name, "CASE WHEN \(seen) THEN NULL ELSE 4294967296 + row_number() OVER () END AS \(printer.identifier(name))")
        }
    }
}
