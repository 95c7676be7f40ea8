/// An aggregate call: `sum(x)`, `count(DISTINCT x)`, `median(x) FILTER (WHERE c)`.
///
/// Aggregates whose spelling differs per dialect (median, first value by time) go through the
/// dialect's function library; the others are standard SQL.
public struct SQLAggregate: Sendable, Equatable {
    public var function: SQLAggregateFunction
    public var arguments: [SQLExpression]
    public var distinct: Bool
    /// Rows the aggregate reads (`FILTER (WHERE …)`, or a `CASE` where the dialect has no `FILTER`).
    public var filter: SQLExpression?

    public init(_ function: SQLAggregateFunction, _ arguments: [SQLExpression], distinct: Bool = false, filter: SQLExpression? = nil) {
        self.function = function
        self.arguments = arguments
        self.distinct = distinct
        self.filter = filter
    }
}

public enum SQLAggregateFunction: Sendable, Equatable {
    /// `count(*)`.
    case countAll
    case count, sum, min, max, avg
    /// Siklus's median: the middle value, or the mean of the two middle values (see `Statistics.median`).
    case median
    /// The value of the row with the earliest time, ties broken by the later arguments (file order):
    /// arguments `value, time, tieBreak…`. NULL values are not skipped: filter them out when meant.
    case firstByTime
    /// The continuous quantile at `p` (0…1): linear interpolation between the order statistics around
    /// position (n − 1)·p, as DuckDB's `quantile_cont` (see `Statistics.quantile`).
    case quantile(Double)

    /// The sum of a double, added one value at a time in the order of the later arguments (`value, key…`),
    /// as Swift's loops add: SQL's `sum` adds in any order, which changes the last bits. No filter.
    case sumInOrder

    /// A library aggregate in words, for the error of a dialect that cannot express it.
    var libraryWords: String {
        switch self {
        case .median: "median"
        case .sumInOrder: "a sum in order"
        case .quantile: "a quantile"
        default: "the first value by time"
        }
    }

    /// The name of a standard aggregate; nil for the library's.
    var standardName: String? {
        switch self {
        case .countAll, .count: "count"
        case .sum: "sum"
        case .min: "min"
        case .max: "max"
        case .avg: "avg"
        case .median, .firstByTime, .quantile, .sumInOrder: nil
        }
    }
}

/// `OVER (PARTITION BY … ORDER BY …)`. With an `ORDER BY` the frame is SQL's default (every row up to
/// the current one and its peers), which all three dialects share.
public struct SQLWindow: Sendable, Equatable {
    public var partitionBy: [SQLExpression]
    public var orderBy: [SQLOrderTerm]
    /// The frame; nil is the engine's default (with `ORDER BY`: up to the current row and its peers).
    public var frame: SQLWindowFrame?

    public init(partitionBy: [SQLExpression] = [], orderBy: [SQLOrderTerm] = [], frame: SQLWindowFrame? = nil) {
        self.partitionBy = partitionBy
        self.orderBy = orderBy
        self.frame = frame
    }
}

/// A window frame every dialect spells the same way.
public enum SQLWindowFrame: Sendable, Equatable {
    /// `ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING`: the rows before the current one. Its start
    /// never moves, so engines aggregate it incrementally (min/max have no inverse to slide a frame).
    case rowsBefore

    var sql: String {
        switch self {
        case .rowsBefore: "ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING"
        }
    }
}

/// One `ORDER BY` term. Nulls are always placed explicitly (Spark sorts them first by default), and a
/// text term sorts byte-wise (`COLLATE "C"` on PostgreSQL), as Siklus does.
public struct SQLOrderTerm: Sendable, Equatable {
    public var expression: SQLExpression
    public var descending: Bool
    public var nullsFirst: Bool
    /// True when the term is text, so the printer asks for byte-wise order where the dialect needs it.
    public var isText: Bool

    public init(_ expression: SQLExpression, descending: Bool = false, nullsFirst: Bool = false, isText: Bool = false) {
        self.expression = expression
        self.descending = descending
        self.nullsFirst = nullsFirst
        self.isText = isText
    }
}
