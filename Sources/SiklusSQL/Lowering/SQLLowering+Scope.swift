import SiklusLanguage
import SiklusPlan

/// The source and the `stage` / `where` steps: each narrows the customers CTE, the events CTE or both,
/// as the in-memory `Scope` does.
extension SQLLoweringState {
    /// `events` or `cohort [filters] [by …]`: the first customers and events CTEs.
    mutating func source() throws(SQLNotExpressible) {
        let candidates = try signupCandidates()
        let people = people(narrowedTo: candidates, customersWindow: tables.customersGiveEverySignup ? try customersSignupWindow() : nil)
        var items: [SQLSelectItem] = [.all(table: nil)]
        var conditions: [SQLExpression] = []
        switch query.source {
        case .events:
            // Read from the source table: a second reference to `staged` would evaluate its window again.
            let withEvent = SQLSelect([.named(.column(tables.eventCustomer, table: "t"), "customer_id")], from: .table(tables.events, alias: "t"))
            conditions.append(.inQuery(.column("customer_id"), SQLQuery(withEvent), negated: false))
        case .cohort(let filter):
            if let filter { conditions.append(try condition(filter, inEvents: false)) }
        }
        if let grouping = query.grouping {
            let dimension = try self.dimension(grouping.dimension)
            items.append(.named(dimension.label(people), "cohort"))
            cohort = dimension.precomputed(as: "cohort")
        }
        customers = builder.add("customers_1", "1. the source: the customers in scope", SQLSelect(items, from: .table(people, alias: people),
                                                                                                 where: conditions.isEmpty ? nil : .and(conditions)))
        // A cohort filter narrows the customers before the purchase-number window, not after it; without
        // one every customer with an event is in scope. Either way the events below are those of the
        // customers in scope, and the join only adds their columns (dropped when none is read, so the
        // customers CTE is read once less).
        let narrowed = if case .cohort(let filter) = query.source { filter != nil } else { false }
        // A signup window (`cohort signup=2022-09`) is usually a small share of the customers: Spark
        // broadcasts them into the events' scan (1M customers, pyspark: avg_order 7.0 s → 4.9 s; a window
        // holding every customer, 1M ids broadcast, 14.9 s → 16.7 s). Other cohort filters (`country = US`)
        // can keep most customers, so their events are still shuffled to a join.
        let staged = narrowed ? stagedEvents(of: customers, broadcastCustomers: candidates != nil) : staged()
        events = builder.add("events_1", "   their events, with the customer's columns alongside", SQLSelect(
            [.all(table: "e"), .allExcept(table: "p", excluded: ["customer_id"], columns: peopleColumns + (cohort == nil ? [] : ["cohort"]))],
            from: .table(staged, alias: "e"),
            joins: [SQLJoin(.inner, .table(customers, alias: "p"), .on(.equal(.col("p", "customer_id"), .col("e", "customer_id"))))]))
        eventsJoinOnlyAddsColumns = events
        eventsWithinCustomers = true
    }

    /// `stage <name>`: the stage's events and the customers with one; churn: the customers churned as of
    /// as_of, with their churn events.
    mutating func scopeStage(_ stage: Stage) {
        let previousCustomers = customers, previousEvents = events
        let inStage = SQLExpression.equal(.column("stage"), .text(stage.name))
        if stage == .lapsed { return scopeLapsed() }
        if stage == .churn {
            let lifecycle = lifecycle()
            let churned = SQLQuery(SQLSelect([.column("customer_id")], from: .table(lifecycle, alias: nil), where: .column("churned")))
            customers = builder.add("customers_stage", "stage churn: the customers churned as of as_of", SQLSelect(
                [.all(table: nil)], from: .table(previousCustomers, alias: nil), where: .inQuery(.column("customer_id"), churned, negated: false)))
            events = builder.add("events_stage", "   … with their churn events", SQLSelect([.all(table: nil)], from: .table(previousEvents, alias: nil), where: inStage))
            eventsWithinCustomers = false
            return
        }
        events = builder.add("events_stage", "stage \(stage.name): its events …", SQLSelect([.all(table: nil)], from: .table(previousEvents, alias: nil), where: inStage))
        customers = builder.add("customers_stage", "   … and the customers who have one", SQLSelect(
            [.all(table: nil)], from: .table(previousCustomers, alias: nil), where: hasEvent()))
    }

    /// `where`: on customers when it reads only customer attributes, else on events (and the customers
    /// who still have one).
    mutating func scopeFilter(_ filter: RowFilter) throws(SQLNotExpressible) {
        if filter.isCustomerLevel {
            customers = builder.add("customers_where", "where: the customers for whom it holds", SQLSelect(
                [.all(table: nil)], from: .table(customers, alias: nil), where: try condition(filter, inEvents: false)))
            eventsWithinCustomers = false
            return
        }
        events = builder.add("events_where", "where: the events for which it holds …", SQLSelect(
            [.all(table: nil)], from: .table(events, alias: nil), where: try condition(filter, inEvents: true)))
        customers = builder.add("customers_where", "   … and the customers who still have one", SQLSelect(
            [.all(table: nil)], from: .table(customers, alias: nil), where: hasEvent()))
    }

    /// `customer_id IN (SELECT customer_id FROM <events CTE>)`.
    private func hasEvent() -> SQLExpression {
        .inQuery(.column("customer_id"), SQLQuery(SQLSelect([.column("customer_id")], from: .table(events, alias: nil))), negated: false)
    }

    /// The column holding `attribute` in an events CTE (`inEvents`) or a customers CTE.
    func column(_ attribute: Attribute, inEvents: Bool, alias: String? = nil) throws(SQLNotExpressible) -> SQLExpression {
        guard inEvents || attribute.isCustomerLevel else { throw SQLNotExpressible("an event column read per customer") }
        let name: String
        switch attribute {
        case .customerID: name = "customer_id"
        case .signup: name = "signup"
        case .firstPurchase: name = "first_purchase"
        case .acquisitionChannel: name = "acquisition_channel"
        case .customerColumn(let i):
            guard let alias = personColumns[i] else { throw SQLNotExpressible("the customers column \(catalog.customers.columns[i].name)") }
            name = alias
        case .event: name = "event"
        case .eventChannel: name = "channel"
        case .amount: name = "amount"
        case .ts: name = "ts"
        case .eventExtra(let i): name = eventColumns[i]
        case .stage: name = "stage"
        }
        return .column(name, table: alias)
    }

    /// A row filter with Siklus's meaning: a missing value matches no comparison and no membership test
    /// (SQL's NULL logic agrees), but `not` of an unknown is true (`IS NOT TRUE`).
    func condition(_ filter: RowFilter, inEvents: Bool) throws(SQLNotExpressible) -> SQLExpression {
        switch filter {
        case .and(let a, let b):
            return .binary(try condition(a, inEvents: inEvents), .and, try condition(b, inEvents: inEvents))
        case .or(let a, let b):
            return .binary(try condition(a, inEvents: inEvents), .or, try condition(b, inEvents: inEvents))
        case .not(let a):
            return .isNotTrue(try condition(a, inEvents: inEvents))
        case .compare(let attribute, let op, let value, _):
            if isBoolean(attribute) { return booleanCompare(try column(attribute, inEvents: inEvents), op, value) }
            return try compare(try column(attribute, inEvents: inEvents), op, value)
        case .compareAttributes(let a, let op, let b, _):
            return .binary(try asText(a, inEvents: inEvents), Self.binary(op), try asText(b, inEvents: inEvents))
        case .member(let attribute, let values, let negated, _):
            let x = try column(attribute, inEvents: inEvents)
            if isBoolean(attribute) { return booleanMember(x, values, negated: negated) }
            if values.allSatisfy({ if case .time = $0 { false } else { true } }) {
                return .inList(x, try values.map { v throws(SQLNotExpressible) in try literal(v) }, negated: negated)
            }
            let any = SQLExpression.or(try values.map { v throws(SQLNotExpressible) in try compare(x, .equal, v) })
            // `not in` needs a value, like `!=`.
            return negated ? .binary(.isNull(x, negated: true), .and, .unary(.not, any)) : any
        case .did(let behaviour, _):
            return try self.behaviour(behaviour)
        }
    }

    /// `x op value`; a time compared with a date means its period `[start, end)`.
    func compare(_ x: SQLExpression, _ op: ComparisonOperator, _ value: FilterValue) throws(SQLNotExpressible) -> SQLExpression {
        guard case .time(let range) = value else { return .binary(x, Self.binary(op), try literal(value)) }
        let start = SQLExpression.timestamp(range.start), end = SQLExpression.timestamp(range.end)
        switch op {
        case .equal: return .binary(.binary(x, .greaterEqual, start), .and, .binary(x, .less, end))
        case .notEqual: return .binary(.binary(x, .less, start), .or, .binary(x, .greaterEqual, end))
        case .less: return .binary(x, .less, start)
        case .lessEqual: return .binary(x, .less, end)
        case .greater: return .binary(x, .greaterEqual, end)
        case .greaterEqual: return .binary(x, .greaterEqual, start)
        }
    }

    func literal(_ value: FilterValue) throws(SQLNotExpressible) -> SQLExpression {
        switch value {
        case .text(let s): return .text(s)
        case .number(let v): return v == v.rounded() && abs(v) < 1e15 ? .integer(Int64(v)) : .number(v)
        case .time: throw SQLNotExpressible("a time in a list of non-times")
        }
    }

    static func binary(_ op: ComparisonOperator) -> SQLBinaryOperator {
        switch op {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessEqual: .lessEqual
        case .greater: .greater
        case .greaterEqual: .greaterEqual
        }
    }
}
