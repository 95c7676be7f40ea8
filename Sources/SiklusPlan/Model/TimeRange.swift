import SiklusLanguage
import SiklusTime

/// A half-open range of Unix seconds `[start, end)`: what a date literal such as `2022-09` covers.
public struct TimeRange: Hashable, Sendable {
    /// The first second in the range.
    public var start: Int64
    /// The first second after the range.
    public var end: Int64

    /// A range from `start` (inclusive) to `end` (exclusive).
    public init(start: Int64, end: Int64) {
        self.start = start
        self.end = end
    }

    /// Whether `t` is in the range.
    @inlinable
    public func contains(_ t: Int64) -> Bool { t >= start && t < end }

    /// The whole period a date literal names: a quarter, month, day or one second.
    public static func of(_ date: DateLiteral) -> TimeRange {
        func day(_ y: Int, _ m: Int, _ d: Int) -> Int64 { CivilTime.days(year: y, month: m, day: d) * CivilTime.secondsPerDay }
        func monthStart(_ y: Int, _ m: Int) -> Int64 { day(y + (m - 1) / 12, (m - 1) % 12 + 1, 1) }
        switch date {
        case .quarter(let y, let q):
            return TimeRange(start: monthStart(y, (q - 1) * 3 + 1), end: monthStart(y, (q - 1) * 3 + 4))
        case .month(let y, let m):
            return TimeRange(start: monthStart(y, m), end: monthStart(y, m + 1))
        case .day(let y, let m, let d):
            let s = day(y, m, d)
            return TimeRange(start: s, end: s + CivilTime.secondsPerDay)
        case .timestamp(let y, let m, let d, let hh, let mm, let ss):
            let s = day(y, m, d) + Int64(hh * 3600 + mm * 60 + ss)
            return TimeRange(start: s, end: s + 1)
        }
    }

    /// `a..b` inclusive of the whole of `b`'s period.
    public static func between(_ a: DateLiteral, _ b: DateLiteral) -> TimeRange {
        TimeRange(start: of(a).start, end: of(b).end)
    }
}
