import SiklusLanguage
import SiklusPlan

/// `did <event> [op N times] [within d [of signup]]` as a customer condition, as `BehaviourPredicate`:
/// the customer's rows of the event in the window (inclusive bounds, none after as_of), counted.
///
/// Customers without such rows have no row in a grouped count, so a comparison that 0 satisfies
/// (`< 2`, `= 0`) keeps every customer *not* among those whose count fails it.
extension SQLLoweringState {
    func behaviour(_ condition: BehaviourCondition) throws(SQLNotExpressible) -> SQLExpression {
        guard let staged = builder.sharedName("staged"), let people = builder.sharedName("people") else {
            throw SQLNotExpressible("a behavioural filter outside a cohort source")
        }
        let ts = SQLExpression.col("e", "ts")
        var conditions: [SQLExpression] = [.equal(.col("e", "event"), .text(condition.event)), .binary(ts, .lessEqual, asOf),
                                           .isNull(.col("e", "customer_id"), negated: true)]
        var joins: [SQLJoin] = []
        switch condition.window {
        case .all: break
        case .last(let seconds):
            conditions.append(.binary(ts, .greaterEqual, .binary(asOf, .minus, .library(.interval(seconds: seconds), []))))
        case .sinceSignup(let seconds):
            joins.append(SQLJoin(.inner, .table(people, alias: "p"), .on(.equal(.col("p", "customer_id"), .col("e", "customer_id")))))
            conditions.append(.binary(ts, .greaterEqual, .col("p", "signup")))
            conditions.append(.binary(ts, .lessEqual, .binary(.col("p", "signup"), .plus, .library(.interval(seconds: seconds), []))))
        }
        let zeroHolds = condition.holds(0)
        let comparison = SQLExpression.binary(.countAll(), Self.binary(condition.op), .integer(condition.count))
        let counted = SQLQuery(SQLSelect([.column("customer_id", table: "e")], from: .table(staged, alias: "e"), joins: joins,
                                         where: .and(conditions), groupBy: [.col("e", "customer_id")],
                                         having: zeroHolds ? .unary(.not, comparison) : comparison))
        return .inQuery(.column("customer_id"), counted, negated: zeroHolds)
    }
}
