/// A SQL scalar or aggregate expression, independent of any dialect: the printer spells it for one
/// engine (identifier quoting, literals, the function library's templates).
///
/// Names are stored raw (`Order Date`, `customer_id`); the printer quotes them where the dialect needs it.
public indirect enum SQLExpression: Sendable, Equatable {
    /// `alias.name`, or `name` when `table` is nil.
    case column(String, table: String? = nil)
    case null
    case integer(Int64)
    case number(Double)
    case text(String)
    case boolean(Bool)
    /// A moment, Unix seconds UTC, as a `TIMESTAMP` literal (timestamps without time zone, UTC session).
    case timestamp(Int64)
    case unary(SQLUnaryOperator, SQLExpression)
    case binary(SQLExpression, SQLBinaryOperator, SQLExpression)
    /// A function every dialect spells alike (`coalesce`, `nullif`, `least`, `abs`, `round`, `row_number`).
    case call(String, [SQLExpression])
    /// An aggregate, optionally `DISTINCT` and filtered (`count(*) FILTER (WHERE …)`).
    case aggregate(SQLAggregate)
    /// A construct spelled differently per dialect (see `SQLFunction`): a template of the dialect's
    /// function library, or an error naming the construct when the dialect cannot express it.
    case library(SQLFunction, [SQLExpression])
    /// `f OVER (PARTITION BY … ORDER BY …)`.
    case window(SQLExpression, SQLWindow)
    /// `CASE WHEN c THEN v … ELSE e END`.
    case caseWhen([SQLWhen], else: SQLExpression?)
    case cast(SQLExpression, SQLType)
    /// `x IS NULL` / `x IS NOT NULL`.
    case isNull(SQLExpression, negated: Bool)
    /// `(x) IS NOT TRUE`: Siklus's negation (a missing value never matches, so `not` of it is true).
    case isNotTrue(SQLExpression)
    /// `a IS DISTINCT FROM b` (or `IS NOT DISTINCT FROM` when negated).
    case isDistinctFrom(SQLExpression, SQLExpression, negated: Bool)
    /// `x IN (a, b)`; an empty list prints `FALSE` (or `TRUE` when negated), as `IN ()` is not SQL.
    case inList(SQLExpression, [SQLExpression], negated: Bool)
    /// `x IN (SELECT …)`.
    case inQuery(SQLExpression, SQLQuery, negated: Bool)
    /// `(SELECT …)` returning one value.
    case subquery(SQLQuery)
}

/// One `WHEN condition THEN value` arm of a `CASE`.
public struct SQLWhen: Sendable, Equatable {
    public var condition: SQLExpression
    public var value: SQLExpression

    public init(_ condition: SQLExpression, _ value: SQLExpression) {
        self.condition = condition
        self.value = value
    }
}

public enum SQLUnaryOperator: String, Sendable, Equatable {
    case not = "NOT"
    case negate = "-"
}

/// Binary operators, with the precedence the printer parenthesizes by.
public enum SQLBinaryOperator: String, Sendable, Equatable {
    case or = "OR", and = "AND"
    case equal = "=", notEqual = "<>", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case concat = "||"
    case plus = "+", minus = "-"
    case times = "*", divide = "/"

    /// Higher binds tighter (standard SQL: OR < AND < NOT < comparison < || < + - < * /).
    var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: 4
        case .concat: 5
        case .plus, .minus: 6
        case .times, .divide: 7
        }
    }

    /// Operators where `a op (b op c)` equals `(a op b) op c`, so a right operand of the same
    /// precedence needs no parentheses.
    var isAssociative: Bool { self == .or || self == .and || self == .plus || self == .times || self == .concat }
}

/// The column types Siklus casts to; each dialect spells them (`DOUBLE`, `DOUBLE PRECISION`, `STRING`).
public enum SQLType: String, Sendable, Equatable {
    case text, bigint, double, boolean, timestamp, date, integer
}

/// Conveniences that keep lowering code readable.
public extension SQLExpression {
    static func col(_ table: String, _ name: String) -> SQLExpression { .column(name, table: table) }
    static func and(_ terms: [SQLExpression]) -> SQLExpression {
        terms.dropFirst().reduce(terms.first ?? .boolean(true)) { .binary($0, .and, $1) }
    }
    static func or(_ terms: [SQLExpression]) -> SQLExpression {
        terms.dropFirst().reduce(terms.first ?? .boolean(false)) { .binary($0, .or, $1) }
    }
    static func coalesce(_ values: SQLExpression...) -> SQLExpression { .call("coalesce", values) }
    static func equal(_ a: SQLExpression, _ b: SQLExpression) -> SQLExpression { .binary(a, .equal, b) }
    /// `a / b` as a double, NULL when `b` is 0 or NULL (Siklus's division).
    static func safeDivide(_ a: SQLExpression, _ b: SQLExpression) -> SQLExpression { .library(.safeDivide, [a, b]) }
    /// `count(*)`, optionally filtered.
    static func countAll(where filter: SQLExpression? = nil) -> SQLExpression {
        .aggregate(SQLAggregate(.countAll, [], filter: filter))
    }
    static func aggregate(_ function: SQLAggregateFunction, _ argument: SQLExpression, where filter: SQLExpression? = nil) -> SQLExpression {
        .aggregate(SQLAggregate(function, [argument], filter: filter))
    }
}
