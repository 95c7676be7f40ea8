import SiklusLanguage

/// Calendar periods in DuckDB, matching `PeriodCalendar`: the same labels (`2022-09`, `2022-Q3`, a
/// week's first day) and the same period arithmetic.
struct SQLPeriods {
    /// 0 = Sunday … 6 = Saturday, as `set week_start`.
    let weekStart: Int

    /// The first day of `expression`'s week. Monday weeks are DuckDB's own `date_trunc('week', …)`.
    func weekStart(of expression: String) -> String {
        if weekStart == 1 { return "date_trunc('week', \(expression))" }
        // dayofweek: 0 = Sunday, like week_start.
        return "CAST(\(expression) AS DATE) - CAST((dayofweek(\(expression)) + \((7 - weekStart) % 7)) % 7 AS INTEGER)"
    }

    /// The period label of a timestamp (NULL stays NULL).
    func label(_ unit: PeriodUnit, _ expression: String) -> String {
        switch unit {
        case .day: "strftime(\(expression), '%Y-%m-%d')"
        case .week: "strftime(\(weekStart(of: expression)), '%Y-%m-%d')"
        case .month: "strftime(\(expression), '%Y-%m')"
        case .quarter: "strftime(\(expression), '%Y') || '-Q' || quarter(\(expression))"
        case .year: "strftime(\(expression), '%Y')"
        }
    }

    /// Whole periods from `from`'s period to `to`'s (period of `to` minus period of `from`).
    func difference(_ unit: PeriodUnit, from: String, to: String) -> String {
        switch unit {
        case .week: "datediff('day', \(weekStart(of: from)), \(weekStart(of: to))) // 7"
        default: "datediff('\(unit.rawValue)', \(from), \(to))"
        }
    }
}
