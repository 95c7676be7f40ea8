import SiklusTime
@testable import SiklusSQL

/// Siklus's period arithmetic (`PeriodCalendar` in the engine), restated for the template tests'
/// expected values: day numbers since 1970-01-01 (a Thursday), weeks from `week_start`.
enum ReferenceCalendar {
    static func seconds(_ y: Int64, _ m: Int64, _ d: Int64, _ hh: Int64 = 0, _ mm: Int64 = 0, _ ss: Int64 = 0) -> Int64 {
        days(y, m, d) * 86_400 + hh * 3600 + mm * 60 + ss
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's `days_from_civil`).
    static func days(_ y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func day(of seconds: Int64) -> Int64 { seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400 }

    /// The period number of a moment, as `PeriodCalendar.index`.
    static func index(_ period: SQLPeriod, _ seconds: Int64) -> Int64 {
        let day = day(of: seconds)
        let (y, m) = { (c: (year: Int, month: Int, day: Int)) in (Int64(c.year), Int64(c.month)) }(CivilTime.civil(days: day))
        switch period {
        case .day: return day
        case .week(let weekStart):
            let shifted = day + Int64((4 - weekStart + 7) % 7)
            return shifted >= 0 ? shifted / 7 : (shifted - 6) / 7
        case .month: return y * 12 + m - 1
        case .quarter: return y * 4 + (m - 1) / 3
        case .year: return y
        }
    }

    /// The first second of the period holding `seconds`.
    static func start(_ period: SQLPeriod, _ seconds: Int64) -> Int64 {
        let p = index(period, seconds)
        switch period {
        case .day: return p * 86_400
        case .week(let weekStart): return (p * 7 - Int64((4 - weekStart + 7) % 7)) * 86_400
        case .month: return days(p / 12, p % 12 + 1, 1) * 86_400
        case .quarter: return days(p / 4, p % 4 * 3 + 1, 1) * 86_400
        case .year: return days(p, 1, 1) * 86_400
        }
    }

    /// The label Siklus prints: `2022-09-14`, `2022-09`, `2022-Q3`, `2022`.
    static func label(_ period: SQLPeriod, _ seconds: Int64) -> String {
        let date = String(CivilTime.formatTimestamp(start(period, seconds)).prefix(10))
        switch period {
        case .day, .week: return date
        case .month: return String(date.prefix(7))
        case .quarter: return "\(date.prefix(4))-Q\(index(period, seconds) % 4 + 1)"
        case .year: return String(date.prefix(4))
        }
    }
}
