import SiklusLanguage
import SiklusPlan

/// What the scope steps do to spend rows, as the in-memory `SpendFilter`: the parts of a `where` on the
/// event time and the event channel narrow spend rows (read from the spend table's date and channel);
/// conditions on anything else, `stage` steps and cohort filters cannot, and leave the spend "unnarrowed"
/// (then an empty scope shows no spend).
extension SQLLoweringState {
    /// The conditions on spend rows (all must hold), and whether every step said all it says about them.
    func spendNarrowing() throws(SQLNotExpressible) -> (conditions: [SQLExpression], complete: Bool) {
        var conditions: [SQLExpression] = [], complete = true
        for step in query.spendScope {
            switch step {
            case .other:
                complete = false
            case .condition(let filter, _):
                let (test, whole) = try spendCondition(filter)
                if let test { conditions.append(test) }
                complete = complete && whole
            }
        }
        return (conditions, complete)
    }

    /// The test `filter` puts on spend rows (nil: none), and whether it says all the condition says. As
    /// `SpendFilter.narrowing`: either side of `and` narrows alone; `or` and `not` only when complete.
    private func spendCondition(_ filter: RowFilter) throws(SQLNotExpressible) -> (test: SQLExpression?, complete: Bool) {
        switch filter {
        case .and(let a, let b):
            let (l, r) = (try spendCondition(a), try spendCondition(b))
            let tests = [l.test, r.test].compactMap { $0 }
            return (tests.isEmpty ? nil : .and(tests), l.complete && r.complete)
        case .or(let a, let b):
            let (l, r) = (try spendCondition(a), try spendCondition(b))
            guard l.complete, r.complete, let x = l.test, let y = r.test else { return (nil, false) }
            return (.binary(x, .or, y), true)
        case .not(let a):
            let inner = try spendCondition(a)
            guard inner.complete, let x = inner.test else { return (nil, false) }
            return (.isNotTrue(x), true)
        case .compare(let attribute, let op, let value, _):
            guard let column = spendAttribute(attribute) else { return (nil, false) }
            return (try compare(column, op, value), true)
        case .compareAttributes:
            return (nil, false)
        case .member(let attribute, let values, let negated, _):
            guard let column = spendAttribute(attribute) else { return (nil, false) }
            let any = SQLExpression.or(try values.map { v throws(SQLNotExpressible) in try compare(column, .equal, v) })
            // `not in` needs a value, like `!=`.
            return (negated ? .binary(.isNull(column, negated: true), .and, .unary(.not, any)) : any, true)
        }
    }

    /// The spend column an event attribute reads on a spend row: `ts` its date, the event channel its channel.
    private func spendAttribute(_ attribute: Attribute) -> SQLExpression? {
        switch attribute {
        case .ts: spendColumn("date").map { .column($0) }
        case .eventChannel: spendColumn("channel").map { .column($0) }
        default: nil
        }
    }
}
