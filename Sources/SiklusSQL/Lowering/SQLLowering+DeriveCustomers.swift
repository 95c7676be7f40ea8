import SiklusPlan

/// `derive` over customer attributes (`derive per_year = amount / age`): the in-memory engine reads the
/// row's customer's value (none when the customer has no customers row). The lowering reads the events
/// through `events_with_customers`, the events table with each customers column a derive reads joined
/// alongside as a double, so every later CTE (and `line_items`) sees it as a column of the source.
extension SQLLoweringState {
    /// The source column holding customers column `i` for a derive.
    static func deriveCustomerColumn(_ i: Int) -> String { "siklus_customer_\(i + 1)" }

    /// Replaces the events source by `events_with_customers` when a derive reads a customers column.
    mutating func joinCustomerColumnsForDerive() throws(SQLNotExpressible) {
        var read = Set<Int>()
        for derive in query.derives { Self.customerColumns(derive.expression, into: &read) }
        guard !read.isEmpty else { return }
        guard catalog.customers.isLoaded else { throw SQLNotExpressible("derive over a customers column without a customers table") }
        let items: [SQLSelectItem] = [.all(table: "t")] + read.sorted().map { i in
            .named(.cast(.column(catalog.customers.columns[i].name, table: "c"), .double), Self.deriveCustomerColumn(i))
        }
        let name = builder.add("events_with_customers", "derive reads customers columns: each event with its customer's values (NULL without a customers row)", SQLSelect(
            items, from: .table(tables.events, alias: "t"),
            joins: [SQLJoin(.left, .table(tables.customers, alias: "c"),
                            .on(.equal(.cast(.column(tables.customerID, table: "c"), .text), .cast(.column(tables.eventCustomer, table: "t"), .text))))]))
        tables.events = name
    }

    private static func customerColumns(_ e: DeriveExpression, into read: inout Set<Int>) {
        switch e {
        case .constant: break
        case .column(let attribute): if case .customerColumn(let i) = attribute { read.insert(i) }
        case .negate(let operand): customerColumns(operand, into: &read)
        case .binary(let l, _, let r): customerColumns(l, into: &read); customerColumns(r, into: &read)
        }
    }
}
