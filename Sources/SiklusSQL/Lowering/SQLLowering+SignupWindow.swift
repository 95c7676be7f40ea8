import SiklusLanguage
import SiklusPlan

/// A cohort filter on signup (`cohort signup=2022-09 | …`) narrows `people` before its facts are computed.
///
/// Signup is the customers table's, else the customer's first event. So a customer whose signup satisfies
/// a condition on it has either a customers-table signup satisfying it, or an event whose time does (the
/// first one). The customers of either kind (the candidates) are a superset of the cohort, usually a
/// small one: `customer_facts` then aggregates only their events (all of them, so every fact stays exact)
/// and `people` joins only their customers rows, where without the narrowing both grouped every event of
/// every customer (1M customers on PostgreSQL: `cohort signup=2022-09 | stage retention | metric
/// avg_order` spent most of its time there).
extension SQLLoweringState {
    /// The conjuncts of `filter` that compare signup with a time (the others are kept by the cohort's own
    /// filter, which still applies).
    static func signupConditions(_ filter: RowFilter) -> [(ComparisonOperator, FilterValue)] {
        switch filter {
        case .and(let a, let b): signupConditions(a) + signupConditions(b)
        case .compare(.signup, let op, let value, _):
            if case .time = value { [(op, value)] } else { [] }
        default: []
        }
    }

    /// The candidates' ids for the source's cohort filter when it compares signup with a time (nil:
    /// nothing narrows the customers). `people` reads it twice, written out each time rather than as one
    /// CTE: PostgreSQL would materialize a CTE read twice, and a plan joining a materialized CTE scans the
    /// events it is joined to without parallel workers.
    ///
    /// When the customers table gives every signup (`SQLSourceTables.customersGiveEverySignup`), the
    /// candidates are its rows in the window alone: no event decides a signup.
    func signupCandidates() throws(SQLNotExpressible) -> SQLQuery? {
        guard let holds = try signupHolds() else { return nil }
        let fromCustomers = try customersSignupWindow().map { window in
            SQLSelect([.named(.cast(.column(tables.customerID, table: "c"), .text), "customer_id")], from: .table(tables.customers, alias: "c"), where: window)
        }
        if tables.customersGiveEverySignup, let fromCustomers { return SQLQuery(.select(fromCustomers)) }
        let fromEvents = SQLSelect([.named(.column(tables.eventCustomer, table: "t"), "customer_id")], from: .table(tables.events, alias: "t"),
                                   where: try holds(.column(tables.eventTime, table: "t")))
        return SQLQuery(fromCustomers.map { .unionAll([fromEvents, $0]) } ?? .select(fromEvents))
    }

    /// The cohort's signup conditions on the customers table's signup (alias `c`), or nil without such a
    /// column or conditions.
    func customersSignupWindow() throws(SQLNotExpressible) -> SQLExpression? {
        let customersTable = catalog.customers
        guard customersTable.isLoaded, let signup = customersTable.index(ofRole: "signup"), let holds = try signupHolds() else { return nil }
        return try holds(.cast(.column(customersTable.columns[signup].name, table: "c"), .timestamp))
    }

    /// The candidates whose signup is not in the customers table (no row, or no signup there) and who have an
    /// event satisfying the cohort's signup conditions: the only customers whose first event decides their
    /// signup (nil without a customers table with a signup column, where every candidate is one). For
    /// `SQLSignupFallbackFacts`.
    func signupFallbackCandidates() throws(SQLNotExpressible) -> SQLQuery? {
        let customersTable = catalog.customers
        guard customersTable.isLoaded, let signup = customersTable.index(ofRole: "signup"), let holds = try signupHolds() else { return nil }
        // The window's customers once each, then the customers table: PostgreSQL hashes those few ids and
        // probes them with one scan of the customers, where joining the window's events hashed every
        // customer (1M customers, 8 batches: avg_order 2.5 s → 2.1 s, the hand-written query 1.1–1.2 s).
        let inWindow = SQLSelect(distinct: true, [.named(.column(tables.eventCustomer, table: "t"), "customer_id")], from: .table(tables.events, alias: "t"),
                                 where: try holds(.column(tables.eventTime, table: "t")))
        return SQLQuery(SQLSelect([.column("customer_id", table: "w")], from: .subquery(SQLQuery(inWindow), alias: "w"),
                                  joins: [SQLJoin(.left, .table(tables.customers, alias: "c"),
                                                  .on(.equal(.cast(.column(tables.customerID, table: "c"), .text), .col("w", "customer_id"))))],
                                  where: .isNull(.column(customersTable.columns[signup].name, table: "c"), negated: false)))
    }

    /// `people` as the cohort needs it once the facts are narrowed to the fallback candidates (`facts`, read
    /// as `customer_id`, `first_event`): the customers-table rows whose signup satisfies the cohort's signup
    /// conditions, then the fallback candidates with their first event, where the FULL JOIN of the candidates'
    /// customers rows with the facts gave the same rows (a candidate with a customers-table signup takes it,
    /// the others have a facts row) but shuffled or hashed every customer (nil when nothing narrows).
    func signupPeople(facts: String) throws(SQLNotExpressible) -> SQLQuery? {
        let customersTable = catalog.customers
        guard let window = try customersSignupWindow(), let column = customersTable.index(ofRole: "signup") else { return nil }
        let signup = SQLExpression.cast(.column(customersTable.columns[column].name, table: "c"), .timestamp)
        return SQLQuery(.unionAll([
            SQLSelect([.named(.cast(.column(tables.customerID, table: "c"), .text), "customer_id"), .named(signup, "signup")],
                      from: .table(tables.customers, alias: "c"), where: window),
            SQLSelect([.column("customer_id", table: "f"), .named(.column("first_event", table: "f"), "signup")], from: .table(facts, alias: "f")),
        ]))
    }

    /// The source's signup conditions as a test of a time, or nil when its cohort filter compares no signup.
    private func signupHolds() throws(SQLNotExpressible) -> ((SQLExpression) throws(SQLNotExpressible) -> SQLExpression)? {
        guard case .cohort(let filter?) = query.source else { return nil }
        let conditions = Self.signupConditions(filter)
        guard !conditions.isEmpty else { return nil }
        return { x throws(SQLNotExpressible) in .and(try conditions.map { c throws(SQLNotExpressible) in try compare(x, c.0, c.1) }) }
    }
}
