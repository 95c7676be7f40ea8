/// Constructs each dialect spells its own way: the keys of a dialect's function library. The lowering
/// writes `.library(.periodLabel(.month), [ts])`; the printer asks the dialect for the template.
public enum SQLFunction: Sendable, Equatable, CustomStringConvertible {
    /// `(ts)` → the first moment of ts's period, a timestamp.
    case periodStart(SQLPeriod)
    /// `(ts)` → Siklus's period label: `2022-09-14` (day; week: its first day), `2022-09`, `2022-Q3`, `2022`.
    case periodLabel(SQLPeriod)
    /// `(from, to)` → whole periods from `from`'s period to `to`'s (period number of `to` minus that of `from`).
    case periodDifference(SQLPeriod)
    /// `(ts)` → Unix seconds (UTC), a number.
    case epochSeconds
    /// `(seconds)` → the timestamp that many seconds after 1970-01-01 00:00:00 UTC.
    case timestampFromEpoch
    /// `()` → an interval of this many seconds (added to or subtracted from timestamps).
    case interval(seconds: Int64)
    /// `(a, b)` → `a / b` as a double; NULL when `b` is 0 or NULL (integer operands never truncate).
    case safeDivide
    /// `(x)` → a number as Siklus labels it: whole numbers without a fraction (`3`, `2.5`).
    case numberLabel

    public var description: String {
        switch self {
        case .periodStart(let p): "the start of a \(p)"
        case .periodLabel(let p): "the label of a \(p)"
        case .periodDifference(let p): "the number of \(p)s between two times"
        case .epochSeconds: "a time as Unix seconds"
        case .timestampFromEpoch: "Unix seconds as a time"
        case .interval: "an interval"
        case .safeDivide: "division"
        case .numberLabel: "a number as a label"
        }
    }
}

/// A calendar period, as `PeriodCalendar` numbers them. Weeks start on `week(startingOn:)`
/// (0 = Sunday … 6 = Saturday, as `set week_start`).
public enum SQLPeriod: Sendable, Equatable, CustomStringConvertible {
    case day
    case week(startingOn: Int)
    case month, quarter, year

    public var description: String {
        switch self {
        case .day: "day"
        case .week: "week"
        case .month: "month"
        case .quarter: "quarter"
        case .year: "year"
        }
    }
}

/// A construct a dialect cannot express (or the compiler cannot express in it yet): the query is
/// refused with this error rather than printed as SQL that would compute something else.
public struct SQLNotExpressible: Error, Sendable, Equatable, CustomStringConvertible {
    /// What has no equivalent: "median in ClickHouse", "transitions".
    public var construct: String
    public var dialect: SQLDialect?

    public init(_ construct: String, dialect: SQLDialect? = nil) {
        self.construct = construct
        self.dialect = dialect
    }

    public var description: String {
        "no \(dialect?.displayName ?? "SQL") equivalent for \(construct)"
    }
}
