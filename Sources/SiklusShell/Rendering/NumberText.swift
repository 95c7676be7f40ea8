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

    /// An integer with thousands separators: `1,234,567`.
    static func grouped(_ value: Int64) -> String {
        groupDigits(String(value.magnitude), negative: value < 0)
    }

    /// `value` rounded half away from zero to `decimals` places (42.25 → `42.3`, as a spreadsheet
    /// would, where printf's round-half-even gives `42.2`), with thousands separators: `1,234.50`.
    /// Never `-0.00`. Magnitudes from 1e15 up, where fixed digits mean nothing, use `plain`.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite, abs(value) < 1e15, (0...3).contains(decimals) else { return plain(value) }
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero))
        let integer = scaled / scale
        var fraction = ""
        if decimals > 0 {
            let digits = String(scaled % scale)
            fraction = "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return groupDigits(String(integer), negative: value < 0 && scaled != 0) + fraction
    }

    private static func groupDigits(_ digits: String, negative: Bool) -> String {
        var result = ""
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (negative ? "-" : "") + result
    }
}
