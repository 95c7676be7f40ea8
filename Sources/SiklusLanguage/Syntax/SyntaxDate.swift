/// A calendar date literal. The case is its precision, so `signup = 2022-09` (a whole month) and
/// `signup = 2022-09-14` (one day) stay distinguishable; the engine compares a column against the
/// whole period the literal names.
public enum DateLiteral: Hashable, Sendable, CustomStringConvertible {
    /// `2022-Q3`: a calendar quarter, 1…4.
    case quarter(year: Int, quarter: Int)
    /// `2022-09`: a calendar month, 1…12.
    case month(year: Int, month: Int)
    /// `2022-09-14`: one day.
    case day(year: Int, month: Int, day: Int)
    /// `2022-09-14T10:30` or `2022-09-14T10:30:15`: a moment, to the second (no time zone: UTC).
    case timestamp(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)

    /// How precise a date literal is.
    public enum Precision: String, Hashable, Sendable, CaseIterable {
        /// `2022-Q3`
        case quarter
        /// `2022-09`
        case month
        /// `2022-09-14`
        case day
        /// `2022-09-14T10:30:15`
        case timestamp
    }

    /// The literal's precision.
    public var precision: Precision {
        switch self {
        case .quarter: .quarter
        case .month: .month
        case .day: .day
        case .timestamp: .timestamp
        }
    }

    /// The year.
    public var year: Int {
        switch self {
        case .quarter(let year, _), .month(let year, _), .day(let year, _, _), .timestamp(let year, _, _, _, _, _): year
        }
    }

    /// The month, 1…12; for a quarter, its first month (`2022-Q3` → 7).
    public var month: Int {
        switch self {
        case .quarter(_, let quarter): (quarter - 1) * 3 + 1
        case .month(_, let month), .day(_, let month, _), .timestamp(_, let month, _, _, _, _): month
        }
    }

    /// The day of the month, or nil for month and quarter precision.
    public var day: Int? {
        switch self {
        case .quarter, .month: nil
        case .day(_, _, let day), .timestamp(_, _, let day, _, _, _): day
        }
    }

    /// ISO-style text: `2022-Q3`, `2022-09`, `2022-09-14`, `2022-09-14T10:30:15`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        switch self {
        case .quarter(let year, let quarter):
            return "\(pad(year, 4))-Q\(quarter)"
        case .month(let year, let month):
            return "\(pad(year, 4))-\(pad(month, 2))"
        case .day(let year, let month, let day):
            return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        case .timestamp(let year, let month, let day, let hour, let minute, let second):
            return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
        }
    }

    /// Parses the text of a `.date` token, or nil when it is malformed or names no real date.
    public init?(_ text: String) {
        guard case .success(let date) = DateLiteral.parse(text) else { return nil }
        self = date
    }

    /// Parses the text of a `.date` token, explaining what is wrong on failure
    /// ("month 13 is out of range (1–12)").
    static func parse(_ text: String) -> Result<DateLiteral, DateLiteralProblem> {
        let fields = text.split(whereSeparator: { "-:Tt".contains($0) }).map(String.init)
        guard fields.count >= 2, fields[0].count == 4, let year = Int(fields[0]) else {
            return .failure(DateLiteralProblem(MessageCatalog.text("parse.malformed_date", ["text": text])))
        }
        if let first = fields[1].first, first == "Q" || first == "q" {
            guard fields.count == 2, let quarter = Int(fields[1].dropFirst()) else {
                return .failure(DateLiteralProblem(MessageCatalog.text("parse.malformed_date", ["text": text])))
            }
            guard (1...4).contains(quarter) else { return .failure(DateLiteralProblem(MessageCatalog.text("parse.quarter_out_of_range", ["quarter": "\(quarter)"]))) }
            return .success(.quarter(year: year, quarter: quarter))
        }
        let numbers = fields.dropFirst().compactMap { Int($0) }
        guard numbers.count == fields.count - 1, [2, 3, 5, 6].contains(fields.count) else {
            return .failure(DateLiteralProblem(MessageCatalog.text("parse.malformed_date", ["text": text])))
        }
        let month = numbers[0]
        guard (1...12).contains(month) else { return .failure(DateLiteralProblem(MessageCatalog.text("parse.month_out_of_range", ["month": "\(month)"]))) }
        guard numbers.count >= 2 else { return .success(.month(year: year, month: month)) }
        let day = numbers[1], lastDay = DateLiteral.daysIn(month: month, year: year)
        guard (1...lastDay).contains(day) else {
            return .failure(DateLiteralProblem(MessageCatalog.text("parse.day_out_of_range", ["day": "\(day)", "month": "\(text.prefix(7))", "last": "\(lastDay)"])))
        }
        guard numbers.count >= 4 else { return .success(.day(year: year, month: month, day: day)) }
        let hour = numbers[2], minute = numbers[3], second = numbers.count > 4 ? numbers[4] : 0
        guard hour < 24, minute < 60, second < 60 else {
            return .failure(DateLiteralProblem(MessageCatalog.text("parse.time_out_of_range")))
        }
        return .success(.timestamp(year: year, month: month, day: day, hour: hour, minute: minute, second: second))
    }

    /// Days in a month of the proleptic Gregorian calendar.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Why a date token is not a valid date.
struct DateLiteralProblem: Error, Hashable {
    let message: String
    init(_ message: String) { self.message = message }
}
