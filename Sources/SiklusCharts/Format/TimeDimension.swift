import SiklusStore

/// The period a date column counts in, taken from its name, so a period start can be labelled
/// the way people read it ("2022-09" for a month, "2022-Q3" for a quarter).
public enum TimeDimension: String, Sendable, CaseIterable {
    /// A calendar day, labelled `2022-09-14`.
    case day
    /// A week, labelled by its first day.
    case week
    /// A month, labelled `2022-09`.
    case month
    /// A quarter, labelled `2022-Q3`.
    case quarter
    /// A year, labelled `2022`.
    case year

    /// The dimension a column is named after (`month`, `week`, …), or nil for other names.
    public init?(columnName: String) {
        self.init(rawValue: columnName.lowercased())
    }

    /// The label for the period starting at `seconds` (Unix seconds, UTC).
    public func label(seconds: Int64) -> String {
        let date = CivilDate(unixSeconds: seconds)
        switch self {
        case .day, .week: return date.iso
        case .month: return "\(date.paddedYear)-\(CivilDate.twoDigits(date.month))"
        case .quarter: return "\(date.paddedYear)-Q\((date.month - 1) / 3 + 1)"
        case .year: return date.paddedYear
        }
    }
}

/// A proleptic Gregorian calendar date in UTC, computed without `Calendar` so labels never
/// depend on the machine's time zone or locale.
struct CivilDate: Equatable {
    var year: Int64
    var month: Int
    var day: Int
    /// Seconds after midnight.
    var secondOfDay: Int64

    /// The date containing `unixSeconds` (the store's calendar arithmetic, so labels match its periods).
    init(unixSeconds: Int64) {
        let days = CivilTime.day(of: unixSeconds)
        secondOfDay = unixSeconds - days * CivilTime.secondsPerDay
        let (y, m, d) = CivilTime.civil(days: days)
        (year, month, day) = (Int64(y), m, d)
    }

    /// `yyyy-MM-dd`.
    var iso: String { "\(paddedYear)-\(Self.twoDigits(month))-\(Self.twoDigits(day))" }

    /// `yyyy-MM-ddTHH:mm:ssZ`.
    var isoDateTime: String {
        let h = Int(secondOfDay / 3_600), m = Int(secondOfDay % 3_600 / 60), s = Int(secondOfDay % 60)
        return "\(iso)T\(Self.twoDigits(h)):\(Self.twoDigits(m)):\(Self.twoDigits(s))Z"
    }

    /// The year with at least four digits, as ISO 8601 writes it.
    var paddedYear: String {
        let digits = String(abs(year))
        let padded = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return year < 0 ? "-" + padded : padded
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
