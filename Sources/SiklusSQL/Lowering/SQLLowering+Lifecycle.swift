import SiklusPlan

/// The CTEs every lifecycle question builds on, added once and only when needed: `staged` (each event
/// with its purchase number and stage), `people` (each customer's derived facts, as `CustomerFacts`) and
/// `lifecycle` (each customer's state as of `as_of`, as `LifecycleState`).
extension SQLLoweringState {
    /// `event IN (purchase names)` on a row of `alias` (nil: unqualified).
    func isPurchase(_ alias: String?) -> SQLExpression {
        .inList(.column("event", table: alias), query.stageMap.purchaseEvents.map(SQLExpression.text), negated: false)
    }

    /// `event IN (engagement names)`, or nil when the retention stage lists none.
    func isEngagement(_ alias: String?) -> SQLExpression? {
        let names = query.stageMap.events[.retention] ?? []
        return names.isEmpty ? nil : .inList(.column("event", table: alias), names.map(SQLExpression.text), negated: false)
    }

    /// The events table read with role names (`customer_id`, `ts`, `event`, `amount`, `channel`, `row_no`),
    /// each purchase numbered by time then file order.
    mutating func staged() -> String {
        if let name = builder.sharedName("staged") { return name }
        return stagedEvents(of: nil)
    }

    /// `staged` over the events of the customers in the customers CTE `customers` only (nil: every event;
    /// the shared `staged`): purchase numbers are per customer, so narrowing the customers first gives each
    /// kept event the same number, and the window sorts only their events. `broadcastCustomers`: the
    /// customers are few enough for Spark to copy them to every task (`SQLSelect.broadcast`), so the events
    /// are filtered where they are read rather than all shuffled to meet them.
    mutating func stagedEvents(of customers: String?, broadcastCustomers: Bool = false) -> String {
        let t = "t"
        func role(_ column: String?, _ type: SQLType) -> SQLExpression { sourceColumn(column, type, t) }
        let derived = derivedEvents
        var items: [SQLSelectItem] = [
            .named(.column(tables.eventCustomer, table: t), "customer_id"),
            .named(.column(tables.eventTime, table: t), "ts"),
            .named(role(tables.eventName, .text), "event"),
            .named(derived.amount, "amount"),
            .named(role(tables.eventChannel, .text), "channel"),
            .named(role(tables.loadOrder, .bigint), "row_no"),
        ]
        items += catalog.events.columns.enumerated().map { i, column in
            let name = eventColumns[i]
            return derived.columns[i].map { .named($0, name) } ?? (name == column.name ? .column(column.name, table: t) : .named(.column(column.name, table: t), name))
        }
        // Numbered apart, the flag is a column of a subquery, so a filter on it passes below the window
        // (`SQLLowering+PerCustomerEvents`).
        let apart = numbersPurchasesApart
        let purchase = apart ? SQLExpression.column(Self.purchaseFlag, table: t) : isSourcePurchase(t)
        let number = SQLExpression.window(.call("row_number", []), SQLWindow(partitionBy: [.column(tables.eventCustomer, table: t), purchase],
                                                                             orderBy: fileOrder(t)))
        // Line items number orders instead (`SQLLowering+LineItems`).
        items += hasOrders ? lineItemColumns(t) : [.named(.caseWhen([SQLWhen(purchase, number)], else: nil), "purchase_no")]
        if apart { items.append(.column(Self.purchaseFlag, table: t)) }
        let source = hasOrders ? lineItemSource(amount: derived.amount) : tables.events
        let inScope: SQLExpression? = customers.map { customers in
            .inQuery(.column(tables.eventCustomer, table: t), SQLQuery(SQLSelect([.column("customer_id")], from: .table(customers, alias: nil),
                                                                                  broadcast: broadcastCustomers ? customers : nil)),
                     negated: false)
        }
        let from: SQLTableReference = apart
            ? .subquery(SQLQuery(SQLSelect([.all(table: t), .named(isSourcePurchase(t), Self.purchaseFlag)], from: .table(source, alias: t), where: inScope)), alias: t)
            : .table(source, alias: t)
        let rows = builder.add("event_rows", "events with role names; purchase_no numbers each customer's purchases by time, ties in file order",
                               SQLSelect(items, from: from, where: apart ? nil : inScope))

        let map = query.stageMap
        // A return's rows (purchase_no 0) are in no stage.
        var arms = hasOrders ? [SQLWhen(.equal(.column("purchase_no"), .integer(0)), .cast(.null, .text))] : []
        arms.append(SQLWhen(.equal(.column("purchase_no"), .integer(1)), .text("purchase")))
        var retention = SQLExpression.binary(.column("purchase_no"), .greater, .integer(1))
        if let engagement = isEngagement(nil) { retention = .binary(retention, .or, engagement) }
        arms.append(SQLWhen(retention, .text("retention")))
        for stage in [Stage.awareness, .education, .consideration, .advocacy, .churn] {
            guard let names = map.events[stage], !names.isEmpty else { continue }
            arms.append(SQLWhen(.inList(.column("event"), names.map(SQLExpression.text), negated: false), .text(stage.name)))
        }
        return builder.add("staged", "every event with its lifecycle stage: the first purchase is stage purchase, later ones retention",
                           SQLSelect([.all(table: nil), .named(.caseWhen(arms, else: nil), "stage")], from: .table(rows, alias: nil)),
                           sharedAs: customers == nil ? "staged" : nil)
    }

    /// Time, then file order (or, without a load-order column, the other event columns).
    func fileOrder(_ alias: String) -> [SQLOrderTerm] {
        var terms = [SQLOrderTerm(.column(tables.eventTime, table: alias))]
        if let order = tables.loadOrder { return terms + [SQLOrderTerm(.column(order, table: alias))] }
        for column in [tables.eventName, tables.eventAmount, tables.eventChannel].compactMap({ $0 }) {
            terms.append(SQLOrderTerm(.column(column, table: alias), isText: column != tables.eventAmount))
        }
        return terms
    }

    /// Every customer of either table: signup (the customers table's, else the first event), first event,
    /// first purchase, acquisition channel (the customers table's, else the first event's with one), and
    /// the customers table's other columns.
    ///
    /// The facts are read from the source table, not from `staged`: they need no purchase numbers, and an
    /// engine that evaluates a CTE at every reference (Spark) or materializes one read twice (PostgreSQL)
    /// would otherwise run `staged`'s window over every event once more. The customers of either table
    /// are the customers table FULL JOIN the facts (one hash join, not a DISTINCT over both id lists).
    /// With `candidates` (a query of `customer_id`s, `signupCandidates()`), only those customers are
    /// listed, each with exact facts; `customersWindow` (a condition on the customers table's row, alias
    /// `c`) narrows the customers rows directly where the candidates are exactly those rows.
    ///
    /// When the customers table gives every signup (`SQLSourceTables.customersGiveEverySignup`), every
    /// customer with facts has a customers row: a LEFT JOIN lists them all and signup is the customers
    /// table's alone, so a query reading no other fact drops the join (`SQLColumnOnlyJoin.dropFacts`).
    mutating func people(narrowedTo candidates: SQLQuery? = nil, customersWindow: SQLExpression? = nil) -> String {
        if let name = builder.sharedName("people") { return name }
        let t = "t"
        let channel = sourceColumn(tables.eventChannel, .text, t), time = SQLExpression.column(tables.eventTime, table: t)
        let firstChannel = SQLExpression.aggregate(SQLAggregate(.firstByTime, [channel, time, sourceColumn(tables.loadOrder, .bigint, t)],
                                                                filter: .isNull(channel, negated: true)))
        let facts = SQLQuery(SQLSelect([
            .named(.column(tables.eventCustomer, table: t), "customer_id"),
            .named(.aggregate(.min, time), "first_event"),
            // Line items: a return is never a first purchase (`SQLLowering+LineItems`).
            .named(.aggregate(.min, time, where: hasOrders ? lineItemIsOrderRow(t) : isSourcePurchase(t)), "first_purchase"),
            .named(firstChannel, "first_channel"),
        ], from: .table(hasOrders ? lineItemSource(amount: derivedEvents.amount) : tables.events, alias: t),
           where: candidates.map { .inQuery(.column(tables.eventCustomer, table: t), $0, negated: false) }, groupBy: [.column(tables.eventCustomer, table: t)]))
        let customersTable = catalog.customers
        let id = tables.customerID
        let factsName = builder.add("customer_facts", "each customer's first event, first purchase and first channel", facts, sharedAs: "customer_facts")
        guard customersTable.isLoaded else {
            return builder.add("people", "every customer with signup (their first event: no customers table), first event, first purchase and acquisition channel",
                               SQLSelect([.column("customer_id"), .named(.column("first_event"), "signup"), .column("first_event"),
                                          .column("first_purchase"), .named(.column("first_channel"), "acquisition_channel")],
                                         from: .table(factsName, alias: nil)), sharedAs: "people")
        }
        let customerID = SQLExpression.cast(.column(id, table: "c"), .text)
        let signupColumn = customersTable.index(ofRole: "signup").map { SQLExpression.cast(.column(customersTable.columns[$0].name, table: "c"), .timestamp) }
        let complete = tables.customersGiveEverySignup && signupColumn != nil
        let signup = signupColumn.map { complete ? $0 : .coalesce($0, .col("f", "first_event")) } ?? .col("f", "first_event")
        let acquisition = customersTable.index(ofRole: "channel").map { SQLExpression.coalesce(.column(customersTable.columns[$0].name, table: "c"), .col("f", "first_channel")) }
            ?? .col("f", "first_channel")
        var items: [SQLSelectItem] = [.named(complete ? customerID : .coalesce(customerID, .col("f", "customer_id")), "customer_id"), .named(signup, "signup"),
                                      .column("first_event", table: "f"), .column("first_purchase", table: "f"), .named(acquisition, "acquisition_channel")]
        for i in personColumns.keys.sorted() {
            items.append(.named(.column(customersTable.columns[i].name, table: "c"), personColumns[i] ?? ""))
        }
        let narrowedRows: SQLSelect? = customersWindow.map { SQLSelect([.all(table: "c")], from: .table(tables.customers, alias: "c"), where: $0) }
            ?? candidates.map { SQLSelect([.all(table: nil)], from: .table(tables.customers, alias: nil), where: .inQuery(.cast(.column(id), .text), $0, negated: false)) }
        return builder.add("people", complete ? "every customer: signup (the customers table gives every one), first event, first purchase, acquisition channel"
                                              : "every customer of either table: signup (the customers table's, else the first event), first event, first purchase, acquisition channel",
                           SQLSelect(items, from: narrowedRows.map { .subquery(SQLQuery($0), alias: "c") } ?? .table(tables.customers, alias: "c"),
                                     joins: [SQLJoin(complete ? .left : .full, .table(factsName, alias: "f"), .on(.equal(.col("f", "customer_id"), customerID)))]),
                           sharedAs: "people")
    }

    /// A role's column of the source events table (alias `alias`), or a typed NULL when the table has none.
    func sourceColumn(_ column: String?, _ type: SQLType, _ alias: String) -> SQLExpression {
        column.map { .column($0, table: alias) } ?? .cast(.null, type)
    }

    /// `event IN (purchase names)` on a row of the source events table.
    func isSourcePurchase(_ alias: String) -> SQLExpression {
        .inList(sourceColumn(tables.eventName, .text, alias), query.stageMap.purchaseEvents.map(SQLExpression.text), negated: false)
    }

    /// Per customer with an event up to as_of, as `LifecycleState`: churned when their latest event (by
    /// time, then file order) is a churn event, or when they have purchased and their latest event is more
    /// than churn_after before as_of; bought; and the furthest journey stage reached.
    mutating func lifecycle() -> String {
        if let name = builder.sharedName("lifecycle") { return name }
        let staged = staged()
        let isChurn = SQLExpression.coalesce(.equal(.column("stage"), .text("churn")), .boolean(false))
        // The latest row is the first by time and file order both reversed.
        let latestIsChurn = SQLExpression.aggregate(SQLAggregate(.firstByTime, [isChurn, .unary(.negate, .library(.epochSeconds, [.column("ts")])),
                                                                                .unary(.negate, .column("row_no"))]))
        let inner = SQLQuery(SQLSelect([
            .column("customer_id"),
            .named(latestIsChurn, "latest_is_churn"),
            .named(.aggregate(.max, .column("ts")), "last_event"),
            .named(.aggregate(.min, .column("ts"), where: .equal(.column("purchase_no"), .integer(1))), "first_purchase"),
            .named(.aggregate(.max, .caseWhen(Stage.journey.enumerated().map { SQLWhen(.equal(.column("stage"), .text($0.element.name)), .integer(Int64($0.offset + 1))) },
                                              else: nil)), "furthest_rank"),
        ], from: .table(staged, alias: nil), where: .binary(.column("ts"), .lessEqual, asOf), groupBy: [.column("customer_id")]))
        let silent = SQLExpression.binary(.isNull(.column("first_purchase"), negated: true), .and,
                                          .binary(.column("last_event"), .less, .binary(asOf, .minus, .library(.interval(seconds: query.settings.churnAfter), []))))
        let churned = SQLExpression.binary(.column("latest_is_churn"), .or, silent)
        return builder.add("lifecycle", "each customer's state as of as_of: churned when the latest event (time, then file order) is a churn event, or when they bought and then showed no event for churn_after; lapsed when they never bought and showed no event for churn_after",
                           SQLSelect([.column("customer_id"), .named(churned, "churned"), .named(lapsedColumn(), "lapsed"),
                                      .named(.isNull(.column("first_purchase"), negated: true), "bought"),
                                      .named(.caseWhen(Stage.journey.enumerated().map { SQLWhen(.equal(.column("furthest_rank"), .integer(Int64($0.offset + 1))), .text($0.element.name)) },
                                                       else: nil), "furthest_stage")],
                                     from: .subquery(inner, alias: "s")), sharedAs: "lifecycle")
    }
}
