/// Calendar arithmetic on Unix seconds (UTC), without Foundation's Calendar in hot loops.
///
/// Days ↔ civil dates use Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms.
public enum CivilTime {
    /// Seconds in a day. Inlinable (not a stored `let`), like the functions below: the loader's per-field
    /// parsers use it from another module, where a stored global would cost an accessor call per field.
    @inlinable
    public static var secondsPerDay: Int64 { 86_400 }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    @inlinable
    public static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day number.
    @inlinable
    public static func civil(days z0: Int64) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (Int(y), Int(m), Int(d))
    }

    /// Day number of a timestamp (floor division, so times before 1970 work).
    @inlinable
    public static func day(of seconds: Int64) -> Int64 {
        seconds >= 0 ? seconds / secondsPerDay : (seconds - secondsPerDay + 1) / secondsPerDay
    }

    /// Whether a civil date exists.
    @inlinable
    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= daysInMonth(year: year, month: month)
    }

    /// The number of days in a month of a year.
    @inlinable
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `2022-09-14`.
    public static func formatDate(_ seconds: Int64) -> String {
        let (y, m, d) = civil(days: day(of: seconds))
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    /// `2022-09-14 10:21:14`, or just the date at midnight.
    public static func formatDateTime(_ seconds: Int64) -> String {
        let d = day(of: seconds)
        let s = seconds - d * secondsPerDay
        if s == 0 { return formatDate(seconds) }
        return formatDate(seconds) + " " + pad(Int(s / 3600), 2) + ":" + pad(Int(s / 60 % 60), 2) + ":" + pad(Int(s % 60), 2)
    }

    /// `2022-09-14 00:00:00`: always with the time, as SQL timestamp literals want it; years before 1 as
    /// astronomical years with a sign (`-0044-03-15 12:00:00`).
    public static func formatTimestamp(_ seconds: Int64) -> String {
        let d = day(of: seconds)
        let (y, m, dd) = civil(days: d)
        let s = seconds - d * secondsPerDay
        let year = y < 0 ? "-" + pad(-y, 4) : pad(y, 4)
        return year + "-" + pad(m, 2) + "-" + pad(dd, 2) + " " + pad(Int(s / 3600), 2) + ":" + pad(Int(s / 60 % 60), 2) + ":" + pad(Int(s % 60), 2)
    }

    package static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
