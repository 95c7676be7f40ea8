import SiklusTime
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
        let civil = CivilTime.civil(days: days)
        let (year, month, day) = (Int64(civil.year), Int64(civil.month), Int64(civil.day))
        digits(year, 4, &bytes); bytes.append(UInt8(ascii: "-"))
        digits(month, 2, &bytes); bytes.append(UInt8(ascii: "-"))
        digits(day, 2, &bytes); bytes.append(UInt8(ascii: " "))
        digits(secondOfDay / 3600, 2, &bytes); bytes.append(UInt8(ascii: ":"))
        digits(secondOfDay / 60 % 60, 2, &bytes); bytes.append(UInt8(ascii: ":"))
        digits(secondOfDay % 60, 2, &bytes)
        return true
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
