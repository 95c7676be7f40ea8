import Foundation
import SiklusEngine
import SiklusLanguage

/// Every way this module turns a value into text, kept in one place so the terminal charts,
/// SVG, HTML, CSV and JSON agree (and so the shell can later share or replace it).
///
/// Three registers: `plain` is full precision for machines (CSV, JSON); `display` is what a
/// person reads in a table (grouped thousands, money to 2 decimals, percentages to 1);
/// `compact` fits a chart cell or bar label (`1.2k`, `42%`, `3.5d`).
public enum ValueFormatter {
    /// Full precision without grouping: integral values without a fraction, others as the
    /// shortest text that reads back to the same `Double`. Nil for NaN and infinities.
    public static func plain(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    /// A date or period start as ISO 8601: `2022-09-01`, or with the time when not at midnight.
    public static func isoDate(seconds: Int64) -> String {
        let date = CivilDate(unixSeconds: seconds)
        return date.secondOfDay == 0 ? date.iso : date.isoDateTime
    }

    /// An integer with thousands separators: `12,345`.
    public static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + insertGrouping(digits)
    }

    /// `value` with exactly `decimals` fraction digits, optionally with thousands separators, rounded half
    /// away from zero (42.25 → `42.3`, as a spreadsheet would; printf's round-half-even gives `42.2`).
    /// Shared with the shell's box tables, so a table and its chart never show different digits.
    public static func fixed(_ value: Double, decimals: Int, grouping: Bool = true) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
        if abs(value) < 1e15, (0...3).contains(decimals) {
            var scale: Int64 = 1
            for _ in 0..<decimals { scale *= 10 }
            let scaled = Int64((abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero))
            let integer = String(scaled / scale)
            var fraction = ""
            if decimals > 0 {
                let digits = String(scaled % scale)
                fraction = "." + String(repeating: "0", count: decimals - digits.count) + digits
            }
            // Never "-0.00": a value that rounds to zero has no sign.
            return (value < 0 && scaled != 0 ? "-" : "") + (grouping ? insertGrouping(integer) : integer) + fraction
        }
        var text = String(format: "%.\(max(0, decimals))f", value)
        // "-0.0" reads as a different number from "0.0"; drop the sign of a rounded-away zero.
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            text.removeFirst()
        }
        guard grouping else { return text }
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        let integer = insertGrouping(String(parts.first ?? "0"))
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (negative ? "-" : "") + integer + fraction
    }

    /// A value as a person reads it in a table: `12,345`, `1,234.50`, `42.5%`, `1.25`, `3.5 d`.
    public static func display(_ value: Double, unit: ValueUnit) -> String {
        localized(englishDisplay(value, unit: unit), unit: unit)
    }

    private static func englishDisplay(_ value: Double, unit: ValueUnit) -> String {
        switch unit {
        case .count:
            return value == value.rounded() ? fixed(value, decimals: 0) : fixed(value, decimals: 1)
        case .money: return fixed(value, decimals: 2)
        case .percent: return fixed(value, decimals: 1) + "%"
        case .ratio: return trimmed(fixed(value, decimals: 3))
        case .days: return DurationText.underADay(value) ?? fixed(value, decimals: 1) + " d"
        case .date: return date(value)
        case .text: return plain(value) ?? ""
        }
    }

    /// A value squeezed for a chart cell or bar end: `950`, `1.2k`, `12k`, `1.2M`, `42%`, `3.5d`.
    public static func compact(_ value: Double, unit: ValueUnit) -> String {
        localized(englishCompact(value, unit: unit), unit: unit)
    }

    private static func englishCompact(_ value: Double, unit: ValueUnit) -> String {
        switch unit {
        case .percent:
            if value == 0 { return "0%" }
            if abs(value) < 1 { return value < 0 ? "-<1%" : "<1%" }
            return fixed(value, decimals: 0, grouping: false) + "%"
        case .days:
            if let short = DurationText.underADay(value) { return short.replacingOccurrences(of: " ", with: "") }
            // One decimal below ten days, so a column of medians reads 2.0d, 5.5d, 23d.
            return fixed(value, decimals: abs(value) < 9.95 ? 1 : 0) + "d"
        case .ratio:
            return trimmed(fixed(value, decimals: 2, grouping: false))
        case .money:
            return abbreviated(value, smallDecimals: value == value.rounded() ? 0 : 2)
        case .count, .text:
            return abbreviated(value, smallDecimals: value == value.rounded() ? 0 : 1)
        case .date:
            return date(value)
        }
    }

    /// A date cell from Unix seconds; values no timestamp can hold (NaN, ±∞, beyond Int64) print as numbers
    /// instead of trapping in the conversion.
    static func date(_ value: Double) -> String {
        value.isFinite && abs(value) < 1e15 ? isoDate(seconds: Int64(value)) : (plain(value) ?? "")
    }

    /// `count` rounded for display, with non-finite or out-of-range values shown as they are.
    static func groupedCount(_ count: Double) -> String {
        localized(count.isFinite && abs(count) < 1e15 ? grouped(Int64(count.rounded())) : (plain(count) ?? ""), unit: .count)
    }

    /// A number's text in the current language: in Indonesian `1.234,5` (the decimal and thousands marks
    /// swapped), as the shell's tables write it; dates and text as they are. `plain` (csv, json) never changes.
    static func localized(_ text: String, unit: ValueUnit) -> String {
        guard Language.current == .id, unit != .date, unit != .text else { return text }
        return String(text.map { $0 == "," ? "." : $0 == "." ? "," : $0 })
    }

    /// The cell of `column` at `row` as `display` text; nil for a null cell. Dates in a column
    /// named after a period (`month`, `quarter`, …) read as that period: `2022-09`, `2022-Q3`.
    public static func display(_ column: ResultColumn, row: Int) -> String? {
        switch column.values {
        case .text(let values): return values[row]
        case .integer(let values):
            guard let value = values[row] else { return nil }
            switch column.unit {
            case .date: return TimeDimension(columnName: column.name)?.label(seconds: value) ?? isoDate(seconds: value)
            case .count, .text: return grouped(value)
            default: return display(Double(value), unit: column.unit)
            }
        case .number(let values):
            return values[row].map { display($0, unit: column.unit) }
        }
    }

    /// The words that name a unit in an axis title or column header, or nil for text.
    public static func unitName(_ unit: ValueUnit) -> String? {
        switch unit {
        case .count: return "customers"
        case .money: return "money"
        case .percent: return "%"
        case .ratio: return "ratio"
        case .days: return "days"
        case .date: return "date"
        case .text: return nil
        }
    }

    /// `1234` → `1.2k`, `12345` → `12k`, `1234567` → `1.2M`: at most four significant characters.
    static func abbreviated(_ value: Double, smallDecimals: Int) -> String {
        let magnitude = abs(value)
        let sign = value < 0 ? "-" : ""
        // Below 999.5 the plain number is short enough; above, take the smallest suffix whose
        // rounded mantissa stays under 1000 (so 999,960 becomes "1M", not "1000k").
        guard magnitude >= 999.5 else {
            return trimmed(fixed(value, decimals: smallDecimals, grouping: false))
        }
        let units: [(Double, String)] = [(1e3, "k"), (1e6, "M"), (1e9, "B"), (1e12, "T")]
        for (index, (limit, suffix)) in units.enumerated() {
            let scaled = magnitude / limit
            guard scaled < 999.5 || index == units.count - 1 else { continue }
            let text = fixed(scaled, decimals: scaled < 9.95 ? 1 : 0, grouping: false)
            return sign + trimmed(text) + suffix
        }
        return sign + fixed(magnitude, decimals: 0)
    }

    /// Drops trailing zeros of a fraction: `1.50` → `1.5`, `2.0` → `2`.
    static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = Substring(text)
        while result.hasSuffix("0") { result = result.dropLast() }
        if result.hasSuffix(".") { result = result.dropLast() }
        return String(result)
    }

    private static func insertGrouping(_ digits: String) -> String {
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
