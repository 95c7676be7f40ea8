import SiklusLanguage
import SiklusStore

/// A `where` condition or cohort filter in SQL, with Siklus's meaning kept exactly.
///
/// In Siklus a missing value never matches a comparison, and `not` (or `not in`) is then true. SQL's
/// NULL logic agrees for comparisons, `and` and `or`, so only negation differs: `not x` becomes
/// `(x) IS NOT TRUE`, which is true when `x` is false or unknown.
struct SQLCondition {
    let names: SQLNames
    /// True when the condition is evaluated on an events CTE, false on a customers CTE.
    let inEvents: Bool

    /// The SQL boolean expression; `parenthesizeOr` wraps a top-level `or` so it can be `AND`-ed.
    func translate(_ node: ExpressionNode, preferEvents: Bool, parenthesizeOr: Bool) throws(NoSQLEquivalent) -> String {
        let text = try expression(node, preferEvents: preferEvents)
        if parenthesizeOr, case .or = node.kind { return "(\(text))" }
        return text
    }

    private func expression(_ node: ExpressionNode, preferEvents: Bool) throws(NoSQLEquivalent) -> String {
        switch node.kind {
        case .and(let a, let b):
            return "\(try operand(a, preferEvents)) AND \(try operand(b, preferEvents))"
        case .or(let a, let b):
            return "\(try expression(a, preferEvents: preferEvents)) OR \(try expression(b, preferEvents: preferEvents))"
        case .not(let a):
            return "(\(try expression(a, preferEvents: preferEvents))) IS NOT TRUE"
        case .comparison(let left, let op, let right):
            let (column, attribute) = try self.column(left, preferEvents)
            return try comparison(column, attribute, op, right)
        case .membership(let value, let negated, let values):
            let (column, attribute) = try self.column(value, preferEvents)
            let inList: String
            switch attribute.kind(in: names.context.store) {
            case .code, .customerCode, .number:
                inList = "\(column) IN (\(try values.map { v throws(NoSQLEquivalent) in try literal(v, attribute) }.joined(separator: ", ")))"
            case .time:
                inList = try values.map { v throws(NoSQLEquivalent) in try comparison(column, attribute, .equal, v) }.joined(separator: " OR ")
            case .stage:
                throw NoSQLEquivalent("a condition on stage")
            }
            return negated ? "(\(inList)) IS NOT TRUE" : (values.count > 1 && attribute.kind(in: names.context.store) == .time ? "(\(inList))" : inList)
        case .column, .literal, .range:
            throw NoSQLEquivalent("a condition that is not a comparison")
        }
    }

    /// An `and` operand: an `or` inside it needs parentheses.
    private func operand(_ node: ExpressionNode, _ preferEvents: Bool) throws(NoSQLEquivalent) -> String {
        let text = try expression(node, preferEvents: preferEvents)
        if case .or = node.kind { return "(\(text))" }
        return text
    }

    private func column(_ node: ExpressionNode, _ preferEvents: Bool) throws(NoSQLEquivalent) -> (String, Attribute) {
        guard case .column(let name) = node.kind,
              let attribute = try? Attribute.resolve(name, in: names.context.store, preferEvents: preferEvents) else {
            throw NoSQLEquivalent("a comparison without a column on the left")
        }
        return (try names.column(attribute, inEvents: inEvents), attribute)
    }

    /// `column op value` for one comparison.
    private func comparison(_ column: String, _ attribute: Attribute, _ op: ComparisonOperator, _ value: ExpressionNode) throws(NoSQLEquivalent) -> String {
        switch attribute.kind(in: names.context.store) {
        case .code, .customerCode, .number:
            let sqlOp = op == .notEqual ? "<>" : op.rawValue
            return "\(column) \(sqlOp) \(try literal(value, attribute))"
        case .time:
            // A date names a whole period [start, end), as `TimeRange` does.
            let range: TimeRange
            switch value.kind {
            case .literal(.date(let date)): range = TimeRange.of(date)
            case .range(let lower, let upper):
                guard case .date(let a) = lower.literal, case .date(let b) = upper.literal else { throw NoSQLEquivalent("a range of non-dates") }
                range = TimeRange.between(a, b)
            default: throw NoSQLEquivalent("a time compared with a non-date")
            }
            let start = SQLText.timestamp(range.start), end = SQLText.timestamp(range.end)
            switch op {
            case .equal: return "\(column) >= \(start) AND \(column) < \(end)"
            case .notEqual: return "(\(column) < \(start) OR \(column) >= \(end))"
            case .less: return "\(column) < \(start)"
            case .lessEqual: return "\(column) < \(end)"
            case .greater: return "\(column) >= \(end)"
            case .greaterEqual: return "\(column) >= \(start)"
            }
        case .stage:
            throw NoSQLEquivalent("a condition on stage")
        }
    }

    /// A value compared with a text or number attribute.
    private func literal(_ node: ExpressionNode, _ attribute: Attribute) throws(NoSQLEquivalent) -> String {
        guard case .literal(let literal) = node.kind else { throw NoSQLEquivalent("a comparison of two columns") }
        if attribute.kind(in: names.context.store) == .number {
            guard let number = SQLText.number(literal) else { throw NoSQLEquivalent("a number compared with a non-number") }
            return number
        }
        guard let text = FilterBinder.text(of: node) else { throw NoSQLEquivalent("a text compared with a non-text") }
        return SQLText.string(text)
    }
}
