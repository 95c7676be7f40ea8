import SiklusLanguage
import SiklusStore

/// Buckets timestamps into calendar periods (day, week, month, quarter, year) as consecutive integers,
/// so "period p + k" is plain arithmetic, and labels them (`2022-09`, `2022-Q3`, `2022-W37` as a start date).
struct PeriodCalendar: Sendable {
    let unit: PeriodUnit
    /// 0 = Sunday … 6 = Saturday.
    let weekStart: Int

    init(_ unit: PeriodUnit, weekStart: Int = 1) {
        self.unit = unit
        self.weekStart = weekStart
    }

    /// The period number of a timestamp.
    @inline(__always)
    func index(_ seconds: Int64) -> Int64 {
        index(day: CivilTime.day(of: seconds))
    }

    /// The period number of a day number (days since 1970-01-01).
    @inline(__always)
    func index(day: Int64) -> Int64 {
        switch unit {
        case .day:
            return day
        case .week:
            // 1970-01-01 was a Thursday (weekday 4).
            let shifted = day + Int64((4 - weekStart + 7) % 7)
            return shifted >= 0 ? shifted / 7 : (shifted - 6) / 7
        case .month, .quarter, .year:
            let (y, m, _) = CivilTime.civil(days: day)
            switch unit {
            case .month: return Int64(y * 12 + m - 1)
            case .quarter: return Int64(y * 4 + (m - 1) / 3)
            default: return Int64(y)
            }
        }
    }

    /// First second of period `p`, clamped to the range of `Int64` (the period after one holding a time
    /// near `Int64.max` starts "at the end of time", it does not trap).
    func start(_ p: Int64) -> Int64 {
        let day: Int64
        switch unit {
        case .day: day = p
        case .week: day = Self.clamped(p.multipliedReportingOverflow(by: 7), sign: p) - Int64((4 - weekStart + 7) % 7)
        case .month: day = CivilTime.days(year: Int(p / 12), month: Int(p % 12) + 1, day: 1)
        case .quarter: day = CivilTime.days(year: Int(p / 4), month: Int(p % 4) * 3 + 1, day: 1)
        case .year: day = CivilTime.days(year: Int(p), month: 1, day: 1)
        }
        return Self.clamped(day.multipliedReportingOverflow(by: CivilTime.secondsPerDay), sign: day)
    }

    /// A product, or the end of `Int64`'s range on the side of `sign` when it overflowed.
    private static func clamped(_ result: (partialValue: Int64, overflow: Bool), sign: Int64) -> Int64 {
        guard result.overflow else { return result.partialValue }
        return sign < 0 ? .min : .max
    }

    /// `2022-09-14` (day and week: the start date), `2022-09`, `2022-Q3`, `2022`.
    func label(_ p: Int64) -> String {
        switch unit {
        case .day, .week: return CivilTime.formatDate(start(p))
        case .month: return String(CivilTime.formatDate(start(p)).prefix(7))
        case .quarter: return "\(p / 4)-Q\(p % 4 + 1)"
        case .year: return String(p)
        }
    }
}

/// Period numbers for every day of a known span, so hot loops bucket a timestamp with one division
/// and one table read instead of a calendar conversion.
struct PeriodTable: Sendable {
    let calendar: PeriodCalendar
    private let firstDay: Int64
    private let table: [Int64]

    /// Covers `[minSeconds, maxSeconds]`; other times fall back to the calendar.
    init(_ calendar: PeriodCalendar, minSeconds: Int64, maxSeconds: Int64) {
        self.calendar = calendar
        let lo = CivilTime.day(of: minSeconds), hi = max(lo, CivilTime.day(of: maxSeconds))
        firstDay = lo
        table = hi - lo <= 200_000 ? (lo...hi).map { calendar.index(day: $0) } : []
    }

    @inline(__always)
    func index(_ seconds: Int64) -> Int64 {
        let d = CivilTime.day(of: seconds) - firstDay
        if d >= 0 && d < Int64(table.count) { return table[Int(d)] }
        return calendar.index(seconds)
    }
}
