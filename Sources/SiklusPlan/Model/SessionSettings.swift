import SiklusLanguage
import SiklusTime

/// Options changed with `set`: how churn, "now" and periods are defined for this session.
public struct SessionSettings: Sendable, Hashable {
    /// A customer who has purchased and then shows no event for this long is churned (`set churn_after = 90d`).
    public var churnAfter: Int64 = 90 * CivilTime.secondsPerDay
    /// The moment state metrics are evaluated at (`set as_of = 2023-12-31`, the end of that day);
    /// nil means the end of the last day with data.
    public var asOf: Int64?
    /// The default period for retention, cohorts and time dimensions (`set period = week`).
    public var period: PeriodUnit = .month
    /// First day of a week, 0 = Sunday … 6 = Saturday (`set week_start = monday`).
    public var weekStart: Int = 1

    public init() {}

    /// Option names, for completion and "did you mean".
    public static let optionNames = ["churn_after", "as_of", "period", "week_start"] + DisplaySettings.optionNames

    package static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    /// Applies `set <option> = <value>`, or explains what the option expects.
    package mutating func apply(_ statement: SetStatement) throws(Diagnostic) {
        let value = statement.value
        switch statement.option.lowercased {
        case "churn_after":
            guard case .duration(let duration) = value.literal, duration.value > 0 else {
                throw Diagnostic(MessageCatalog.text("bind.set.churn_after"), at: value.span, hints: [MessageCatalog.text("bind.set.churn_after_hint")])
            }
            guard let seconds = duration.approximateSeconds, seconds <= 1000 * 365 * CivilTime.secondsPerDay else {
                throw Diagnostic(MessageCatalog.text("bind.set.churn_after_long"), at: value.span, hints: [MessageCatalog.text("bind.set.churn_after_long_hint")])
            }
            churnAfter = seconds
        case "as_of":
            guard case .date(let date) = value.literal else {
                if case .name(let word) = value.literal, ["latest", "auto", "now", "none"].contains(word.lowercased()) { asOf = nil; return }
                throw Diagnostic(MessageCatalog.text("bind.set.as_of"), at: value.span, hints: [MessageCatalog.text("bind.set.as_of_hint")])
            }
            asOf = TimeRange.of(date).end - 1
        case "period":
            guard let word = Self.word(value), let unit = PeriodUnit(rawValue: word) else {
                throw Diagnostic(MessageCatalog.text("bind.set.period"), at: value.span,
                                 hints: Self.word(value).flatMap { Diagnostic.didYouMeanHint(for: $0, among: PeriodUnit.allCases.map(\.rawValue)) }.map { [$0] } ?? [])
            }
            period = unit
        case "week_start":
            guard let word = Self.word(value), let day = Self.weekdays.firstIndex(where: { $0.hasPrefix(word) && word.count >= 3 }) else {
                throw Diagnostic(MessageCatalog.text("bind.set.week_start"), at: value.span,
                                 hints: Self.word(value).flatMap { Diagnostic.didYouMeanHint(for: $0, among: Self.weekdays) }.map { [$0] } ?? [])
            }
            weekStart = day
        default:
            throw Diagnostic.unknown("option", statement.option.text, at: statement.option.span, among: Self.optionNames,
                                     fallbackHint: MessageCatalog.text("bind.set.options", ["options": Self.optionNames.joined(separator: ", ")]))
        }
    }

    /// A short description of the current settings, for `set` with no change and for `explain`.
    public func describe(dataEnd: Int64?) -> String {
        let asOfText = asOf.map { CivilTime.formatDate($0) } ?? "latest (\(dataEnd.map { CivilTime.formatDate($0) } ?? "no data"))"
        return "churn_after = \(DurationText.compact(churnAfter)), as_of = \(asOfText), period = \(period.rawValue), week_start = \(Self.weekdays[weekStart])"
    }

    private static func word(_ value: LiteralNode) -> String? {
        switch value.literal {
        case .name(let word), .string(let word): word.lowercased()
        default: nil
        }
    }
}

extension DurationLiteral {
    /// Seconds, counting months as 30 days, quarters as 90 and years as 365 (churn windows and funnel windows are
    /// approximate by nature); nil on overflow.
    package var approximateSeconds: Int64? {
        let days: Int64
        switch unit {
        case .month: days = 30
        case .quarter: days = 90
        case .year: days = 365
        default: return seconds
        }
        let (result, overflow) = value.multipliedReportingOverflow(by: days * CivilTime.secondsPerDay)
        return overflow ? nil : result
    }
}
