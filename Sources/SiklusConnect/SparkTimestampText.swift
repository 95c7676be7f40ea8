/// Unix seconds as the UTC text Spark's CSV reader parses (`yyyy-MM-dd HH:mm:ss`), on the proleptic
/// Gregorian calendar Spark uses since 3.0 (no Julian switch in 1582).
enum SparkTimestampText {
    /// Seconds of 0001-01-01 00:00:00 and 9999-12-31 23:59:59 UTC: Spark's timestamp range.
    static let range: ClosedRange<Int64> = -62_135_596_800...253_402_300_799

    /// The text of `seconds`, or nil outside `range`.
    static func format(_ seconds: Int64) -> String? {
        var bytes: [UInt8] = []
        guard append(seconds, to: &bytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the text of `seconds` as ASCII bytes (no allocation per value); false outside `range`.
    static func append(_ seconds: Int64, to bytes: inout [UInt8]) -> Bool {
        guard range.contains(seconds) else { return false }
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        digits(year, 4, &bytes); bytes.append(UInt8(ascii: "-"))
        digits(month, 2, &bytes); bytes.append(UInt8(ascii: "-"))
        digits(day, 2, &bytes); bytes.append(UInt8(ascii: " "))
        digits(secondOfDay / 3600, 2, &bytes); bytes.append(UInt8(ascii: ":"))
        digits(secondOfDay / 60 % 60, 2, &bytes); bytes.append(UInt8(ascii: ":"))
        digits(secondOfDay % 60, 2, &bytes)
        return true
    }

    /// Howard Hinnant's days-to-civil algorithm (days since 1970-01-01).
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `value` (0 ≤ value < 10^width) in `width` digits, zero-padded.
    private static func digits(_ value: Int64, _ width: Int, _ bytes: inout [UInt8]) {
        var divisor: Int64 = width == 4 ? 1000 : 10
        while divisor > 0 {
            bytes.append(UInt8(48 + value / divisor % 10))
            divisor /= 10
        }
    }
}
