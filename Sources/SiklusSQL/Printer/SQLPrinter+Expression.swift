/// Expressions: operators parenthesized by precedence, literals and types in the dialect's spelling,
/// library constructs through the dialect's templates.
extension SQLPrinter {
    public func expression(_ e: SQLExpression) throws(SQLNotExpressible) -> String {
        switch e {
        case .column(let name, let table):
            return (table.map { identifier($0) + "." } ?? "") + identifier(name)
        case .null:
            return "NULL"
        case .integer(let v):
            return String(v)
        case .number(let v):
            guard v.isFinite else { throw SQLNotExpressible("a non-finite number", dialect: dialect.dialect) }
            return dialect.numberLiteral(v)
        case .text(let s):
            return dialect.textLiteral(s)
        case .boolean(let b):
            return b ? "TRUE" : "FALSE"
        case .timestamp(let seconds):
            return dialect.timestampLiteral(seconds)
        case .unary(let op, let operand):
            let inner = try expression(operand)
            switch op {
            case .not: return "NOT " + (needsParentheses(operand, under: 3) ? "(\(inner))" : inner)
            case .negate: return "-" + parenthesized(operand, inner)
            }
        case .binary(let left, let op, let right):
            var l = try expression(left), r = try expression(right)
            if needsParentheses(left, under: op.precedence) { l = "(\(l))" }
            if needsParentheses(right, under: op.precedence, rightOf: op) { r = "(\(r))" }
            return "\(l) \(op.rawValue) \(r)"
        case .call(let name, let arguments):
            return "\(name)(\(try list(arguments)))"
        case .aggregate(let aggregate):
            return try self.aggregate(aggregate)
        case .library(let function, let arguments):
            guard let template = dialect.template(function) else {
                throw SQLNotExpressible(function.description, dialect: dialect.dialect)
            }
            return template.fill(try arguments.map { a throws(SQLNotExpressible) in parenthesized(a, try expression(a)) })
        case .window(let function, let window):
            var parts: [String] = []
            if !window.partitionBy.isEmpty { parts.append("PARTITION BY " + (try list(window.partitionBy))) }
            if !window.orderBy.isEmpty { parts.append("ORDER BY " + (try orderTerms(window.orderBy))) }
            if let frame = window.frame { parts.append(frame.sql) }
            return "\(try expression(function)) OVER (\(parts.joined(separator: " ")))"
        case .caseWhen(let arms, let otherwise):
            var text = "CASE"
            for arm in arms { text += " WHEN \(try expression(arm.condition)) THEN \(try expression(arm.value))" }
            if let otherwise { text += " ELSE \(try expression(otherwise))" }
            return text + " END"
        case .cast(let value, let type):
            return "CAST(\(try expression(value)) AS \(dialect.typeName(type)))"
        case .isNull(let value, let negated):
            return "\(parenthesized(value, try expression(value))) IS \(negated ? "NOT " : "")NULL"
        case .isNotTrue(let value):
            return "(\(try expression(value))) IS NOT TRUE"
        case .isDistinctFrom(let a, let b, let negated):
            return "\(parenthesized(a, try expression(a))) IS \(negated ? "NOT " : "")DISTINCT FROM \(parenthesized(b, try expression(b)))"
        case .inList(let value, let values, let negated):
            // `IN ()` is not SQL: nothing matches an empty list.
            guard !values.isEmpty else { return negated ? "TRUE" : "FALSE" }
            return "\(parenthesized(value, try expression(value))) \(negated ? "NOT IN" : "IN") (\(try list(values)))"
        case .inQuery(let value, let query, let negated):
            let body = try lines(query).joined(separator: " ")
            return "\(parenthesized(value, try expression(value))) \(negated ? "NOT IN" : "IN") (\(body))"
        case .subquery(let query):
            return "(" + (try lines(query).joined(separator: " ")) + ")"
        }
    }

    private func list(_ expressions: [SQLExpression]) throws(SQLNotExpressible) -> String {
        var out: [String] = []
        for e in expressions { out.append(try expression(e)) }
        return out.joined(separator: ", ")
    }

    /// Standard aggregates as `f(DISTINCT x) FILTER (WHERE c)`; library ones through the dialect.
    private func aggregate(_ a: SQLAggregate) throws(SQLNotExpressible) -> String {
        let filter = try a.filter.map { f throws(SQLNotExpressible) in " FILTER (WHERE \(try expression(f)))" } ?? ""
        if let name = a.function.standardName {
            if a.function == .countAll {
                guard let condition = a.filter else { return "count(*)" }
                if dialect.supportsAggregateFilter { return "count(*)" + filter }
                return "count(CASE WHEN \(try expression(condition)) THEN 1 END)"
            }
            let distinct = a.distinct ? "DISTINCT " : ""
            if let condition = a.filter, !dialect.supportsAggregateFilter {
                // The aggregates Siklus uses skip NULLs, so a CASE without ELSE drops the other rows.
                let arguments = a.arguments.map { SQLExpression.caseWhen([SQLWhen(condition, $0)], else: nil) }
                return "\(name)(\(distinct)\(try list(arguments)))"
            }
            return "\(name)(\(distinct)\(try list(a.arguments)))\(filter)"
        }
        guard let template = dialect.aggregateTemplate(a.function, argumentCount: a.arguments.count) else {
            throw SQLNotExpressible(a.function.libraryWords, dialect: dialect.dialect)
        }
        if a.filter != nil && !dialect.supportsAggregateFilter {
            throw SQLNotExpressible("a filtered \(a.function == .median ? "median" : "first value by time")", dialect: dialect.dialect)
        }
        return template.fill(try a.arguments.map { x throws(SQLNotExpressible) in parenthesized(x, try expression(x)) }, filter: filter)
    }

    /// True when `e` printed under an operator of `precedence` needs parentheses.
    private func needsParentheses(_ e: SQLExpression, under precedence: Int, rightOf op: SQLBinaryOperator? = nil) -> Bool {
        switch e {
        case .binary(_, let inner, _):
            if inner.precedence < precedence { return true }
            if let op, inner.precedence == precedence { return !(op.isAssociative && inner == op) }
            return false
        case .unary(.not, _), .isNull, .isNotTrue, .isDistinctFrom, .inList, .inQuery:
            return precedence > 3
        case .library, .aggregate:
            return true
        case .caseWhen:
            return false
        default:
            return false
        }
    }
}
