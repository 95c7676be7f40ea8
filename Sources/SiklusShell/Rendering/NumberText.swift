import Foundation
import SiklusCharts
/// Number → text conversions used by the renderers.
enum NumberText {
    /// Full precision without exponent notation for ordinary magnitudes: the shortest text that reads
    /// back as the same `Double` (`0.1`, `52.123456789`), integers without `.0` (`3`), and
    /// `1e-05` written as `0.00001`. Exponent notation is kept only outside 1e-9 ... 1e21, where
    /// plain digits would be mostly zeros. NaN and infinities are `nan`, `inf`, `-inf`.
    static func plain(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }  // large integral values, e.g. 2000000000000000.0
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }),
              let exponent = Int(text[text.index(after: e)...]), (-9...21).contains(exponent) else { return text }
        let mantissa = text[..<e]
        let negative = mantissa.hasPrefix("-")
        let unsigned = negative ? mantissa.dropFirst() : mantissa
        let integerDigits = unsigned.firstIndex(of: ".").map { unsigned.distance(from: unsigned.startIndex, to: $0) } ?? unsigned.count
        let digits = unsigned.filter { $0 != "." }
        let point = integerDigits + exponent
        var result: String
        if point <= 0 {
            result = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            result = digits + String(repeating: "0", count: point - digits.count)
        } else {
            let split = digits.index(digits.startIndex, offsetBy: point)
            result = digits[..<split] + "." + digits[split...]
        }
        return (negative ? "-" : "") + result
    }

    /// `value` to 6 significant digits, as `plain` writes the rounded number: `0.200991` for
    /// 0.20099135017183492, `-9582.43`, `15.4435`; integers below 1e15 exactly (`1234`), so counts such as
    /// `iterations` are not rounded. For numbers without a unit, whose magnitude no fixed number of decimals fits.
    static func significant(_ value: Double) -> String {
        guard value.isFinite, value != value.rounded() || abs(value) >= 1e15 else { return plain(value) }
        return plain(Double(String(format: "%.6g", value)) ?? value)
    }

    /// An integer with thousands separators: `1,234,567`.
    static func grouped(_ value: Int64) -> String { ValueFormatter.grouped(value) }

    /// `value` rounded half away from zero to `decimals` places, with thousands separators: `1,234.50`
    /// (the charts' formatting, so tables and charts agree). Magnitudes from 1e15 up use `plain`.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite, abs(value) < 1e15, (0...3).contains(decimals) else { return plain(value) }
        return ValueFormatter.fixed(value, decimals: decimals)
    }
}
