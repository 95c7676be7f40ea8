import SiklusLanguage
import SiklusPlan

/// `did <event> [op N times] [within d [of signup]]` as a customer condition, as `BehaviourPredicate`:
/// the customer's rows of the event in the window (inclusive bounds, none after as_of), counted.
///
/// Every customer (`people`) is left-joined to their matching rows, so a customer without one counts 0
/// and a comparison that 0 satisfies (`< 2`, `= 0`) needs no `NOT IN` (Spark plans that as a null-aware
/// anti join, a broadcast).
extension SQLLoweringState {
    func behaviour(_ condition: BehaviourCondition) throws(SQLNotExpressible) -> SQLExpression {
        guard let staged = builder.sharedName("staged"), let people = builder.sharedName("people") else {
            throw SQLNotExpressible("a behavioural filter outside a cohort source")
        }
        // The rows' own conditions (as_of is a scalar subquery, which a join condition may not hold on
        // Spark) filter the events first; the join keeps only the conditions on the customer's signup.
        var conditions: [SQLExpression] = [.equal(.column("event"), .text(condition.event)), .binary(.column("ts"), .lessEqual, asOf)]
        var matches: [SQLExpression] = [.equal(.col("e", "customer_id"), .col("p", "customer_id"))]
        switch condition.window {
        case .all: break
        case .last(let seconds):
            conditions.append(.binary(.column("ts"), .greaterEqual, .binary(asOf, .minus, .library(.interval(seconds: seconds), []))))
        case .sinceSignup(let seconds):
            matches.append(.binary(.col("e", "ts"), .greaterEqual, .col("p", "signup")))
            matches.append(.binary(.col("e", "ts"), .lessEqual, .binary(.col("p", "signup"), .plus, .library(.interval(seconds: seconds), []))))
        }
        let rows = SQLQuery(SQLSelect([.column("customer_id"), .column("ts")], from: .table(staged, alias: nil), where: .and(conditions)))
        let comparison = SQLExpression.binary(.countAll(), Self.binary(condition.op), .integer(condition.count))
        if matches.count == 1, !condition.holds(0) {
            // Neither signup nor customers without the event matter: the rows alone, grouped (a smaller plan).
            return .inQuery(.column("customer_id"), SQLQuery(SQLSelect([.column("customer_id")], from: .subquery(rows, alias: "e"),
                                                                       groupBy: [.column("customer_id")], having: comparison)), negated: false)
        }
        let count = SQLExpression.aggregate(.count, .col("e", "customer_id"))
        let counted = SQLQuery(SQLSelect([.column("customer_id", table: "p")], from: .table(people, alias: "p"),
                                         joins: [SQLJoin(.left, .subquery(rows, alias: "e"), .on(.and(matches)))],
                                         groupBy: [.col("p", "customer_id")],
                                         having: .binary(count, Self.binary(condition.op), .integer(condition.count))))
        return .inQuery(.column("customer_id"), counted, negated: false)
    }
}

extension SQLLoweringState {
    /// `behaviour` reads the shared `staged` and `people`; the source adds `staged` only when it needs it
    /// (a narrowed source numbers its own customers' events), so a query with a `did` filter adds it first.
    mutating func addStagedForBehaviour() {
        var filters: [RowFilter] = query.scope.compactMap { if case .filter(let f, _) = $0 { f } else { nil } }
        if case .cohort(let filter?) = query.source { filters.append(filter) }
        if filters.contains(where: Self.readsBehaviour) { _ = staged() }
    }

    private static func readsBehaviour(_ filter: RowFilter) -> Bool {
        switch filter {
        case .and(let a, let b), .or(let a, let b): readsBehaviour(a) || readsBehaviour(b)
        case .not(let a): readsBehaviour(a)
        case .did: true
        case .compare, .compareAttributes, .member: false
        }
    }
}
