import SiklusTime
/// What the printer needs to know about one engine: a few switches (after PRQL's `DialectHandler`)
/// and a function library of templates (after PRQL's `std.sql.prql`). A template the dialect does not
/// have is `nil`: the printer then refuses the query with an error naming the construct.
///
/// The defaults here are generic SQL; each dialect (one file: `DuckDBDialect`, `PostgresDialect`,
/// `SparkDialect`) overrides what it spells differently. A new engine is a new file plus a case of
/// `SQLDialect`.
public protocol SQLDialectDefinition: Sendable {
    var dialect: SQLDialect { get }
    /// `"` (standard) or `` ` `` (Spark).
    var identifierQuote: Character { get }
    /// Words that must be quoted when used as a name (in addition to `SQLReservedWords.common`).
    var reservedWords: Set<String> { get }
    /// True when `SELECT t.* EXCLUDE (c)` exists; otherwise the printer lists the remaining columns.
    var supportsColumnExclude: Bool { get }
    /// True when aggregates take `FILTER (WHERE …)`; otherwise the printer moves the condition into
    /// the argument (`sum(CASE WHEN c THEN x END)`), and refuses library aggregates that need it.
    var supportsAggregateFilter: Bool { get }
    /// Appended to a text `ORDER BY` term so text sorts byte-wise (` COLLATE "C"`), nil when the
    /// engine already compares text byte-wise.
    var bytewiseCollation: String? { get }
    /// True when the engine evaluates a CTE again at every reference (Spark inlines them); the remote
    /// run then computes such CTEs once, as cached views (`SQLLoweredQuery.materializedRun`).
    var evaluatesCTEAtEveryReference: Bool { get }
    /// The hint after `SELECT` that makes the engine copy the relation `quotedAlias` to every worker
    /// instead of shuffling both sides of its join (nil: the engine takes no such hint, or needs none).
    func broadcastHint(_ quotedAlias: String) -> String?

    func typeName(_ type: SQLType) -> String
    func textLiteral(_ text: String) -> String
    func numberLiteral(_ value: Double) -> String
    /// `TIMESTAMP '2023-12-31 23:59:59'`.
    func timestampLiteral(_ seconds: Int64) -> String
    /// The template of a scalar construct, or nil when the dialect cannot express it.
    func template(_ function: SQLFunction) -> SQLTemplate?
    /// The template of a library aggregate (`median`, `firstByTime` with `argumentCount` arguments).
    func aggregateTemplate(_ function: SQLAggregateFunction, argumentCount: Int) -> SQLTemplate?
}

public extension SQLDialectDefinition {
    var identifierQuote: Character { "\"" }
    var reservedWords: Set<String> { [] }
    var supportsColumnExclude: Bool { false }
    var supportsAggregateFilter: Bool { true }
    var bytewiseCollation: String? { nil }
    var evaluatesCTEAtEveryReference: Bool { false }
    func broadcastHint(_ quotedAlias: String) -> String? { nil }

    func typeName(_ type: SQLType) -> String {
        switch type {
        case .text: "VARCHAR"
        case .bigint: "BIGINT"
        case .integer: "INTEGER"
        case .double: "DOUBLE"
        case .boolean: "BOOLEAN"
        case .timestamp: "TIMESTAMP"
        case .date: "DATE"
        }
    }

    func textLiteral(_ text: String) -> String {
        "'" + text.replacing("'", with: "''") + "'"
    }

    func numberLiteral(_ value: Double) -> String {
        precondition(value.isFinite, "a non-finite number has no SQL literal")
        return "\(value)"
    }

    func timestampLiteral(_ seconds: Int64) -> String {
        "TIMESTAMP '\(CivilTime.formatTimestamp(seconds))'"
    }

    /// Generic SQL for what most engines share; dialects call it for the rest of their `template`.
    func standardTemplate(_ function: SQLFunction) -> SQLTemplate? {
        switch function {
        case .safeDivide:
            return SQLTemplate("CAST({0} AS \(typeName(.double))) / nullif({1}, 0)")
        case .numberLabel:
            // Whole numbers print without a fraction, as Siklus labels them.
            return SQLTemplate("CASE WHEN {0} = round({0}) AND abs({0}) < 1e15 THEN CAST(CAST({0} AS BIGINT) AS \(typeName(.text))) "
                               + "ELSE CAST({0} AS \(typeName(.text))) END")
        case .interval(let seconds):
            return SQLTemplate("INTERVAL '\(IntervalWords.words(seconds))'")
        case .periodStart, .periodLabel, .periodDifference, .epochSeconds, .timestampFromEpoch:
            return nil
        }
    }

    /// Days to add to a 0 = Sunday weekday so that `week_start` becomes 0: `(weekday + offset) % 7`
    /// is the number of days since the week began.
    func weekStartOffset(_ weekStart: Int) -> Int { (7 - weekStart) % 7 }
}

/// Interval text: `90 days`, `36 hours`, `1800 seconds` (the largest whole unit).
enum IntervalWords {
    static func words(_ seconds: Int64) -> String {
        let (value, unit) = parts(seconds)
        return "\(value) \(unit)\(value == 1 ? "" : "s")"
    }

    /// The value and its unit (`day`, `hour`, `minute`, `second`).
    static func parts(_ seconds: Int64) -> (Int64, String) {
        if seconds != 0 && seconds % 86_400 == 0 { return (seconds / 86_400, "day") }
        if seconds != 0 && seconds % 3_600 == 0 { return (seconds / 3_600, "hour") }
        if seconds != 0 && seconds % 60 == 0 { return (seconds / 60, "minute") }
        return (seconds, "second")
    }
}

public extension SQLDialect {
    /// The switches and function library of this dialect.
    var definition: any SQLDialectDefinition {
        switch self {
        case .duckdb: DuckDBDialect()
        case .postgres: PostgresDialect()
        case .spark: SparkDialect()
        }
    }
}
