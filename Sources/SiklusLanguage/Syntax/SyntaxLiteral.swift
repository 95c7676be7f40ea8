/// A typed constant written in a query.
///
/// Bare words in value position — the right side of `=`, `!=`, `<`… and the items of `in (…)`, and
/// `set` values — are `.name`: the parser does not decide whether `social` in `channel = social` is a
/// column or the text "social". The engine resolves a `.name` as a column when one exists with that
/// name and as a string otherwise (or by the option's own vocabulary, for `set week_start = monday`).
public enum Literal: Hashable, Sendable, CustomStringConvertible {
    /// Digits only: `42`, `-7`.
    case integer(Int64)
    /// A decimal: `3.5`, `-0.25`, `1.5e3`.
    case number(Double)
    /// A quoted string, decoded: `"social"`, `'Jakarta'`.
    case string(String)
    /// A calendar date or timestamp; its precision tells a month from a day.
    case date(DateLiteral)
    /// An amount of time: `90d`, `12w`.
    case duration(DurationLiteral)
    /// A bare word in value position, exactly as written: `social`, `ID`, `monday`.
    case name(String)

    /// The literal as it would be written in a query (strings re-quoted and escaped).
    public var description: String {
        switch self {
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .string(let value): quotedStringLiteral(value)
        case .date(let value): value.description
        case .duration(let value): value.description
        case .name(let value): value
        }
    }

    /// What kind of value this is, for messages: "integer", "number", "string", "date", "duration", "name".
    public var typeName: String {
        switch self {
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .date: "date"
        case .duration: "duration"
        case .name: "name"
        }
    }
}

/// A literal and where it was written.
public struct LiteralNode: Hashable, Sendable, CustomStringConvertible {
    /// The value.
    public var literal: Literal
    /// Where it was written (including a leading `-` and the quotes of a string).
    public var span: SourceSpan

    /// `literal` written at `span`.
    public init(_ literal: Literal, at span: SourceSpan) {
        self.literal = literal
        self.span = span
    }

    /// Same as `literal.description`.
    public var description: String { literal.description }
}

/// The unit of a duration literal, from its suffix.
///
/// `m` is minutes, as analysts write it (`within 30m`); months are `mo`. Until issue 11 `m` meant
/// months, so `30m` was read as 900 days.
public enum DurationUnit: String, Hashable, Sendable, CaseIterable {
    /// `s`, `sec`, `secs`, `second`, `seconds`.
    case second
    /// `m`, `min`, `mins`, `minute`, `minutes`.
    case minute
    /// `h`, `hr`, `hrs`, `hour`, `hours`.
    case hour
    /// `d`, `day`, `days`.
    case day
    /// `w`, `wk`, `week`, `weeks`.
    case week
    /// `mo`, `month`, `months` (calendar months).
    case month
    /// `q`, `qtr`, `quarter`, `quarters` (calendar quarters: three months).
    case quarter
    /// `y`, `yr`, `year`, `years` (calendar years).
    case year

    /// Every accepted suffix, by unit, in the order error messages list them.
    public static let spellings: [(unit: DurationUnit, suffixes: [String])] = [
        (.second, ["s", "sec", "secs", "second", "seconds"]),
        (.minute, ["m", "min", "mins", "minute", "minutes"]),
        (.hour, ["h", "hr", "hrs", "hour", "hours"]),
        (.day, ["d", "day", "days"]),
        (.week, ["w", "wk", "week", "weeks"]),
        (.month, ["mo", "month", "months"]),
        (.quarter, ["q", "qtr", "quarter", "quarters"]),
        (.year, ["y", "yr", "year", "years"]),
    ]

    /// The unit a suffix names, case-insensitively; nil for anything else.
    public init?(suffix: String) {
        let lowered = suffix.lowercased()
        guard let unit = Self.spellings.first(where: { $0.suffixes.contains(lowered) })?.unit else { return nil }
        self = unit
    }

    /// The units and their spellings, for an error about an unknown unit, in the current language:
    /// "`s` seconds, `m`/`min` minutes, …" (Indonesian: "`s` detik, `m`/`min` menit, …").
    public static var listing: String {
        spellings.map { entry in
            let name = Language.current == .en ? "\(entry.unit.rawValue)s" : MessageCatalog.noun(entry.unit.rawValue)
            return entry.suffixes.filter { $0.count <= 3 }.map { "`\($0)`" }.joined(separator: "/") + " " + name
        }.joined(separator: ", ")
    }

    /// The short suffix used when printing: `s`, `min`, `h`, `d`, `w`, `mo`, `q`, `y` (`min` rather than
    /// `m`, so nobody reading it back takes it for months).
    public var symbol: String {
        switch self {
        case .second: "s"
        case .minute: "min"
        case .hour: "h"
        case .day: "d"
        case .week: "w"
        case .month: "mo"
        case .quarter: "q"
        case .year: "y"
        }
    }

    /// Seconds in one unit, or nil for calendar units (months, quarters and years vary in length).
    public var fixedSeconds: Int64? {
        switch self {
        case .second: 1
        case .minute: 60
        case .hour: 3_600
        case .day: 86_400
        case .week: 604_800
        case .month, .quarter, .year: nil
        }
    }
}

/// An amount of time as written: a count and a unit (`90d` is 90 × `.day`).
public struct DurationLiteral: Hashable, Sendable, CustomStringConvertible {
    /// How many units.
    public var value: Int64
    /// Which unit.
    public var unit: DurationUnit

    /// `value` × `unit`.
    public init(value: Int64, unit: DurationUnit) {
        self.value = value
        self.unit = unit
    }

    /// Length in seconds for seconds through weeks; nil for months, quarters and years (the engine
    /// approximates calendar units) and on overflow.
    public var seconds: Int64? {
        guard let perUnit = unit.fixedSeconds else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: perUnit)
        return overflow ? nil : product
    }

    /// Short form: `90d`, `12w`, `30min`, `6mo`.
    public var description: String { "\(value)\(unit.symbol)" }
}
