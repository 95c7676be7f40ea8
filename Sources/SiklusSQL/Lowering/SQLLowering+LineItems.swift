import SiklusPlan

/// Line items (events with an order column), as the store's `OrderIndex`: an order is a distinct
/// (customer, order id) among purchase rows (a purchase row without an id is an order of its own),
/// counted at its earliest row (time, then file order). An order is a return when its id is `C` followed
/// by digits while every other id is all digits, or when all its rows have a negative amount; a return is
/// never an order nor a first purchase, and its rows are in no stage. The purchase stage is every row of
/// the customer's first order; later orders are retention.
///
/// `line_items` adds these flags to the source table, so `event_rows` reads it instead: `purchase_no` is
/// 0 on a return's rows, 1 on the first order's, 2 on other orders' (NULL off purchases), and
/// `order_start` / `return_start` mark the row each order and return is counted at.
extension SQLLoweringState {
    /// True when the events are line items grouped by an order column.
    var hasOrders: Bool { catalog.orderColumn != nil }

    /// The columns `event_rows` adds for line items.
    var orderColumns: [String] { hasOrders ? ["order_start", "return_start"] : [] }

    /// A purchase row that is part of an order (not of a return): every purchase row without line items.
    func isOrderRow(_ alias: String?) -> SQLExpression {
        hasOrders ? .binary(.column("purchase_no", table: alias), .greaterEqual, .integer(1)) : isPurchase(alias)
    }

    /// The row an order is counted at: every purchase row without line items.
    func startsOrder(_ alias: String?) -> SQLExpression {
        hasOrders ? .equal(.column("order_start", table: alias), .integer(1)) : isPurchase(alias)
    }

    /// The row a return is counted at (none without line items).
    func startsReturn(_ alias: String?) -> SQLExpression {
        hasOrders ? .equal(.column("return_start", table: alias), .integer(1)) : .boolean(false)
    }

    /// `line_items`: the source table with each purchase row's order flags, over alias `t` like the source.
    /// - Complexity: three window passes over the events (order partitions, then customer partitions).
    mutating func lineItemSource(amount: SQLExpression) -> String {
        if let name = builder.sharedName("line_items") { return name }
        let t = "t"
        let id = SQLExpression.cast(.column(catalog.orderColumn ?? "", table: t), .text)
        let purchase = SQLExpression.inList(tables.eventName.map { .column($0, table: t) } ?? .cast(.null, .text),
                                            query.stageMap.purchaseEvents.map(SQLExpression.text), negated: false)
        let rowNo = tables.loadOrder.map { SQLExpression.column($0, table: t) } ?? .cast(.null, .bigint)
        let loose = SQLExpression.caseWhen([SQLWhen(.isNull(id, negated: false), rowNo)], else: nil)
        let order = [SQLExpression.column(tables.eventCustomer, table: t), purchase, id, loose]
        let negative = SQLExpression.caseWhen([SQLWhen(.binary(amount, .less, .integer(0)), .integer(1))], else: .integer(0))
        let orders = builder.add("line_items_orders", "line items: each purchase row's order (customer and order id; a row without an id is its own), its place in the order, and whether all the order's rows are negative", SQLSelect([
            .all(table: t), .named(.coalesce(purchase, .boolean(false)), "li_purchase"), .named(id, "li_order"), .named(loose, "li_loose"),
            .named(.window(.call("row_number", []), SQLWindow(partitionBy: order, orderBy: fileOrder(t))), "li_row"),
            .named(.window(.aggregate(.min, negative), SQLWindow(partitionBy: order)), "li_negative"),
        ], from: .table(tables.events, alias: t)))

        // Cancellation ids count only when every other id is all digits (decided over all purchase rows).
        let digits = { (x: SQLExpression) in SQLExpression.binary(.binary(Self.withoutDigits(x), .equal, .text("")), .and, .binary(x, .notEqual, .text(""))) }
        let isCancel = SQLExpression.binary(.inList(.call("substr", [.column("li_order"), .integer(1), .integer(1)]), [.text("C"), .text("c")], negated: false),
                                            .and, digits(.call("substr", [.column("li_order"), .integer(2)])))
        let flag = { (x: SQLExpression) in SQLExpression.caseWhen([SQLWhen(x, .integer(1))], else: .integer(0)) }
        let ids = SQLQuery(SQLSelect([.named(flag(isCancel), "c"), .named(flag(digits(.column("li_order"))), "d")], from: .table(orders, alias: nil),
                                     where: .binary(.column("li_purchase"), .and, .isNull(.column("li_order"), negated: true))))
        let cancellations = SQLExpression.subquery(SQLQuery(SQLSelect([.named(flag(.and([
            .equal(.aggregate(.max, .column("c")), .integer(1)), .equal(.aggregate(.max, .column("d")), .integer(1)),
            .equal(.aggregate(.min, .binary(.column("c"), .plus, .column("d"))), .integer(1))])), "cancellations")], from: .subquery(ids, alias: "i"))))
        let isReturn = SQLExpression.binary(.column("li_purchase"), .and, .or([
            .equal(.column("li_negative"), .integer(1)),
            .binary(.isNull(.column("li_order"), negated: true), .and, .binary(.equal(cancellations, .integer(1)), .and, isCancel))]))
        let startsOrder = SQLExpression.and([.column("li_purchase"), .unary(.not, .column("li_return")), .equal(.column("li_row"), .integer(1))])
        let returns = builder.add("line_items_returns", "   … which orders are returns (C-prefixed ids among numeric ones, or only negative rows), and each customer's orders by their first row", SQLSelect([
            .all(table: nil), .named(.coalesce(isReturn, .boolean(false)), "li_return"),
        ], from: .table(orders, alias: nil)))
        let ranked = builder.add("line_items_ranked", nil, SQLSelect([
            .all(table: nil),
            .named(.window(.call("row_number", []), SQLWindow(partitionBy: [.column(tables.eventCustomer), startsOrder], orderBy: fileOrder(returns))), "li_order_rank"),
        ], from: .table(returns, alias: nil)))
        // The first order: the one whose first row comes first (time, then file order).
        let isFirstStart = SQLExpression.and([startsOrder, .equal(.column("li_order_rank"), .integer(1))])
        let byCustomer = SQLWindow(partitionBy: [.column(tables.eventCustomer)])
        return builder.add("line_items", "   … and the customer's first order (the purchase stage)", SQLSelect([
            .all(table: nil),
            .named(.window(.aggregate(.max, .caseWhen([SQLWhen(isFirstStart, .column("li_order"))], else: nil)), byCustomer), "li_first_order"),
            .named(.window(.aggregate(.max, .caseWhen([SQLWhen(isFirstStart, .column("li_loose"))], else: nil)), byCustomer), "li_first_loose"),
        ], from: .table(ranked, alias: nil)), sharedAs: "line_items")
    }

    /// A `line_items` row (alias `t`) that belongs to an order, not a return.
    func lineItemIsOrderRow(_ t: String) -> SQLExpression {
        .binary(.col(t, "li_purchase"), .and, .unary(.not, .col(t, "li_return")))
    }

    /// `event_rows`' line-item columns over the `line_items` row (alias `t`): `purchase_no`, `order_start`,
    /// `return_start`.
    func lineItemColumns(_ t: String) -> [SQLSelectItem] {
        let inFirst = SQLExpression.or([.equal(.col(t, "li_order"), .col(t, "li_first_order")), .equal(.col(t, "li_loose"), .col(t, "li_first_loose"))])
        let first = SQLExpression.equal(.col(t, "li_row"), .integer(1))
        return [
            .named(.caseWhen([SQLWhen(.unary(.not, .col(t, "li_purchase")), .cast(.null, .bigint)), SQLWhen(.col(t, "li_return"), .integer(0)),
                              SQLWhen(.coalesce(inFirst, .boolean(false)), .integer(1))], else: .integer(2)), "purchase_no"),
            .named(.caseWhen([SQLWhen(.and([.col(t, "li_purchase"), .unary(.not, .col(t, "li_return")), first]), .integer(1))], else: .integer(0)), "order_start"),
            .named(.caseWhen([SQLWhen(.and([.col(t, "li_purchase"), .col(t, "li_return"), first]), .integer(1))], else: .integer(0)), "return_start"),
        ]
    }

    /// Line items in a funnel: an order is one event, at its first row (a return's too); its other rows
    /// are dropped, even by strict funnels. Nil without line items.
    func funnelLineItemRows(_ alias: String) -> SQLExpression? {
        guard hasOrders else { return nil }
        return .unary(.not, .and([.isNull(.col(alias, "purchase_no"), negated: true), .unary(.not, startsOrder(alias)), .unary(.not, startsReturn(alias))]))
    }

    /// `x` with every digit removed (empty when `x` is all digits), in functions every dialect has.
    private static func withoutDigits(_ x: SQLExpression) -> SQLExpression {
        (0...9).reduce(x) { text, digit in .call("replace", [text, .text(String(digit)), .text("")]) }
    }
}

extension SQLExpression {
    /// `self AND condition` when `apply`, else `self`.
    func and(if apply: Bool, _ condition: SQLExpression) -> SQLExpression { apply ? .binary(self, .and, condition) : self }
}
