import SiklusPlan

/// `rows [N]`, as the in-memory `RowListing`: the first N rows in scope in store order — customers in the
/// order they first appear in the loaded data (`customer_order`), then time, then file order — event rows
/// with every column and their lifecycle stage, or the customers in scope with their customers-file
/// columns, events in scope, first purchase and current stage. Times come back as Unix seconds and the
/// note's total as a column; `SQLRowListing` turns them into the result table.
extension SQLLoweringState {
    mutating func rows(_ plan: LogicalQuery.Rows) throws(SQLNotExpressible) -> SQLResultShape {
        guard tables.keepCustomerOrder else {
            throw SQLNotExpressible("rows over tables read straight from the files (they lose the order customers first appear in)")
        }
        let order = customerOrder()
        var columns: [(name: String, kind: SQLRowListing.Kind, value: SQLExpression)] = []
        var amountIfAny: Int?
        let from: SQLTableReference, joins: [SQLJoin], rowOrder: [SQLOrderTerm]
        if plan.listsCustomers {
            columns.append(("customer", .text, .col("p", "customer_id")))
            var customerJoins: [SQLJoin] = []
            if catalog.customers.isLoaded {
                for column in catalog.customers.columns {
                    columns.append((column.name, Self.kind(column.kind), .col("c", column.name)))
                }
                customerJoins.append(SQLJoin(.left, .table(tables.customers, alias: "c"),
                                             .on(.equal(.cast(.column(tables.customerID, table: "c"), .text), .col("p", "customer_id")))))
            }
            let counts = SQLQuery(SQLSelect([.column("customer_id"), .named(.countAll(), "n")], from: .table(events, alias: nil), groupBy: [.column("customer_id")]))
            customerJoins.append(SQLJoin(.left, .subquery(counts, alias: "n"), .on(.equal(.col("n", "customer_id"), .col("p", "customer_id")))))
            customerJoins.append(SQLJoin(.left, .table(lifecycle(), alias: "l"), .on(.equal(.col("l", "customer_id"), .col("p", "customer_id")))))
            columns.append(("events", .count, .coalesce(.col("n", "n"), .integer(0))))
            columns.append(("first_purchase", .time, .col("p", "first_purchase")))
            // As `stage_share` counts it: churn, else the furthest stage reached by as_of.
            columns.append(("stage", .text, currentStage("l")))
            from = .table(customers, alias: "p")
            joins = [SQLJoin(.inner, .table(order, alias: "o"), .on(.equal(.col("o", "customer_id"), .col("p", "customer_id"))))] + customerJoins
            rowOrder = [SQLOrderTerm(.col("o", "customer_no"))]
        } else {
            columns += [("customer", .text, .col("e", "customer_id")), ("ts", .time, .col("e", "ts")), ("event", .text, .col("e", "event"))]
            let derivesAmount = query.derives.contains(where: \.replacesAmount)
            if tables.eventAmount != nil || derivesAmount {
                // A loaded amount column is always shown; a derived one only when a listed row has a value.
                if tables.eventAmount == nil { amountIfAny = columns.count }
                columns.append(("amount", .money, .col("e", "amount")))
            }
            if tables.eventChannel != nil { columns.append(("channel", .text, .col("e", "channel"))) }
            for (i, column) in catalog.events.columns.enumerated() {
                columns.append((column.name, Self.kind(column.kind), .col("e", eventColumns[i])))
            }
            columns.append(("stage", .text, .col("e", "stage")))
            from = .table(events, alias: "e")
            joins = [SQLJoin(.inner, .table(order, alias: "o"), .on(.equal(.col("o", "customer_id"), .col("e", "customer_id"))))]
            rowOrder = [SQLOrderTerm(.col("o", "customer_no")), SQLOrderTerm(.col("e", "ts")), SQLOrderTerm(.col("e", "row_no"))]
        }
        let timeColumns = columns.filter { $0.kind == .time }
        let extras = SQLRowListing.extraColumns(timeColumns: timeColumns.count, amountFlag: amountIfAny != nil)
        // Two listed columns may share a name (an events column `stage` beside the lifecycle stage): the SQL
        // names them apart, the result table by the names Siklus shows.
        let names = columns.map(\.name)
        let sqlNames = names.enumerated().map { i, name in
            names.filter({ $0.lowercased() == name.lowercased() }).count > 1 || (extras + ["listing_no"]).contains(name.lowercased())
                ? "siklus_column_\(i + 1)" : name
        }
        var items: [SQLSelectItem] = zip(columns, sqlNames).map { column, sqlName in
            .named(column.kind == .time ? .cast(.library(.epochSeconds, [column.value]), .bigint) : column.value, sqlName)
        }
        items.append(.named(.window(.countAll(), SQLWindow()), "siklus_total"))
        for (k, column) in timeColumns.enumerated() {
            let hasTimeOfDay = SQLExpression.binary(column.value, .notEqual, .library(.periodStart(.day), [column.value]))
            items.append(.named(.caseWhen([SQLWhen(hasTimeOfDay, .integer(1))], else: .integer(0)), extras[k + 1]))
        }
        if amountIfAny != nil {
            items.append(.named(.caseWhen([SQLWhen(.isNull(.col("e", "amount"), negated: true), .integer(1))], else: .integer(0)), "siklus_has_amount"))
        }
        items.append(.named(.window(.call("row_number", []), SQLWindow(orderBy: rowOrder)), "listing_no"))
        let things = plan.listsCustomers ? "customers" : "event rows"
        let numbered = builder.add("listing", "rows: the \(things) in scope in store order (customers as they first appear in the data, then time, then file order), counted", SQLSelect(
            items, from: from, joins: joins))
        // The flags hold over the N rows listed, before any sort or limit, as in memory.
        let flags = extras.dropFirst().map { SQLSelectItem.named(.window(.aggregate(.max, .column($0)), SQLWindow()), $0) }
        let listed = SQLQuery(SQLSelect((sqlNames + ["siklus_total"]).map { .column($0) } + flags + [.column("listing_no")],
                                        from: .table(numbered, alias: nil),
                                        where: .binary(.column("listing_no"), .lessEqual, .integer(Int64(plan.limit)))))
        let measure = columns.indices.last { [.money, .count, .asLoaded].contains(columns[$0].kind) }.map { sqlNames[$0] }
        var shape = SQLResultShape(select: listed, columns: sqlNames + extras + ["listing_no"], order: [SQLOrderTerm(.column("listing_no"))],
                              hidden: ["listing_no"], measure: measure, textColumns: Set(columns.indices.filter { columns[$0].kind == .text }.map { sqlNames[$0] }),
                              reading: .rows(SQLRowListing(names: names, kinds: columns.map(\.kind), things: things, limit: plan.limit,
                                                           amountIfAny: amountIfAny)))
        shape.shownNames = Dictionary(zip(sqlNames, names).filter { $0 != $1 }, uniquingKeysWith: { first, _ in first })
        return shape
    }

    /// `customer_order`: each customer in scope numbered in store order: by the customers table's load
    /// order (Siklus's tables: the customer's code × 2³², equal to their events' minimum), else their
    /// first event's, then (a bound table, where neither says more) by id, byte-wise.
    mutating func customerOrder() -> String {
        let firstRows = SQLQuery(SQLSelect([.column("customer_id"), .named(.aggregate(.min, .column("row_no")), "first_row")],
                                           from: .table(staged(), alias: nil), groupBy: [.column("customer_id")]))
        var joins = [SQLJoin(.left, .subquery(firstRows, alias: "f"), .on(.equal(.col("f", "customer_id"), .col("p", "customer_id"))))]
        var key = SQLExpression.col("f", "first_row")
        if let loadOrder = tables.customerLoadOrder, catalog.customers.isLoaded {
            joins.append(SQLJoin(.left, .table(tables.customers, alias: "c"),
                                 .on(.equal(.cast(.column(tables.customerID, table: "c"), .text), .col("p", "customer_id")))))
            key = .coalesce(.col("c", loadOrder), key)
        }
        let number = SQLExpression.window(.call("row_number", []), SQLWindow(orderBy: [SQLOrderTerm(key), SQLOrderTerm(.col("p", "customer_id"), isText: true)]))
        return builder.add("customer_order", "each customer in scope in store order: as they first appear in the loaded data", SQLSelect(
            [.column("customer_id", table: "p"), .named(number, "customer_no")], from: .table(customers, alias: "p"), joins: joins))
    }

    /// How a loaded column is listed: text, times as ISO text, numbers as the engine typed them.
    private static func kind(_ kind: Catalog.ValueKind) -> SQLRowListing.Kind {
        switch kind {
        case .text: .text
        case .number: .asLoaded
        case .time: .time
        }
    }
}
