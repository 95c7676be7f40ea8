import SiklusTime
import SiklusSQL

/// Writes rows in the text format of `COPY … FROM STDIN`: values separated by tabs, rows ended by a
/// newline, `\N` for NULL, and backslash, tab, newline and carriage return escaped. Doubles are written
/// in Swift's shortest form that reads back to the same bits (never rounded), `NaN`/`Infinity` spelled as
/// PostgreSQL reads them; timestamps as `YYYY-MM-DD HH:MM:SS` UTC with astronomical years turned into
/// PostgreSQL's ` BC`. Dictionary text is escaped once per distinct string, not once per cell.
struct PostgresCopyEncoder {
    private enum Column {
        case text([String?])
        case dictionary(codes: [Int32], escaped: [[UInt8]])
        case integer([Int64?])
        case number([Double?])
        case timestamp([Int64?])
        case boolean([Bool?])
    }

    private let columns: [Column]
    let rowCount: Int

    init(_ columns: [SQLColumn]) {
        let count = columns.first?.values.count ?? 0
        precondition(columns.allSatisfy { $0.values.count == count }, "createTable: every column has the same count")
        rowCount = count
        self.columns = columns.map { column in
            switch column.values {
            case .text(let values): .text(values)
            case .dictionary(let codes, let strings):
                .dictionary(codes: codes, escaped: strings.map { string in
                    var bytes: [UInt8] = []
                    Self.appendEscaped(string, to: &bytes)
                    return bytes
                })
            case .integer(let values): .integer(values)
            case .number(let values): .number(values)
            case .timestamp(let values): .timestamp(values)
            case .boolean(let values): .boolean(values)
            }
        }
    }

    /// Appends row `row` (0-based), newline included.
    func appendRow(_ row: Int, to out: inout [UInt8]) {
        for (index, column) in columns.enumerated() {
            if index > 0 { out.append(UInt8(ascii: "\t")) }
            switch column {
            case .text(let values):
                if let value = values[row] { Self.appendEscaped(value, to: &out) } else { Self.appendNull(to: &out) }
            case .dictionary(let codes, let escaped):
                let code = codes[row]
                if code >= 0 { out.append(contentsOf: escaped[Int(code)]) } else { Self.appendNull(to: &out) }
            case .integer(let values):
                if let value = values[row] { Self.appendInteger(value, to: &out) } else { Self.appendNull(to: &out) }
            case .number(let values):
                if let value = values[row] { Self.appendNumber(value, to: &out) } else { Self.appendNull(to: &out) }
            case .timestamp(let values):
                if let value = values[row] { Self.appendTimestamp(value, to: &out) } else { Self.appendNull(to: &out) }
            case .boolean(let values):
                if let value = values[row] { out.append(value ? UInt8(ascii: "t") : UInt8(ascii: "f")) } else { Self.appendNull(to: &out) }
            }
        }
        out.append(UInt8(ascii: "\n"))
    }

    static func appendNull(to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "N"))
    }

    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "\t"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case UInt8(ascii: "\n"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            default: out.append(byte)
            }
        }
    }

    static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        // Magnitude as UInt64, so Int64.min is written too.
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[i]) }
        }
    }

    static func appendNumber(_ value: Double, to out: inout [UInt8]) {
        if value.isNaN { out.append(contentsOf: "NaN".utf8); return }
        if value.isInfinite { out.append(contentsOf: (value < 0 ? "-Infinity" : "Infinity").utf8); return }
        // `description` is the shortest text that parses back to exactly `value` (e.g. `0.1`, `5e-324`).
        out.append(contentsOf: value.description.utf8)
    }

    /// `YYYY-MM-DD HH:MM:SS` of Unix seconds `value`; years before 1 as PostgreSQL writes them (` BC`).
    static func appendTimestamp(_ value: Int64, to out: inout [UInt8]) {
        let (days, seconds) = floorDivision(value, 86_400)
        let civil = CivilTime.civil(days: days)
        let date = (year: Int64(civil.year), month: Int64(civil.month), day: Int64(civil.day))
        let bc = date.year <= 0
        appendPadded(bc ? 1 - date.year : date.year, width: 4, to: &out)
        out.append(UInt8(ascii: "-"))
        appendPadded(date.month, width: 2, to: &out)
        out.append(UInt8(ascii: "-"))
        appendPadded(date.day, width: 2, to: &out)
        out.append(UInt8(ascii: " "))
        appendPadded(seconds / 3600, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendPadded(seconds / 60 % 60, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendPadded(seconds % 60, width: 2, to: &out)
        if bc { out.append(contentsOf: " BC".utf8) }
    }

    private static func appendPadded(_ value: Int64, width: Int, to out: inout [UInt8]) {
        var threshold: Int64 = 1
        for _ in 1..<width { threshold *= 10 }
        while value < threshold, threshold > 1 { out.append(UInt8(ascii: "0")); threshold /= 10 }
        appendInteger(value, to: &out)
    }

    /// Quotient and remainder rounded toward minus infinity (remainder in 0..<divisor).
    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let q = value / divisor, r = value % divisor
        return r < 0 ? (q - 1, r + divisor) : (q, r)
    }
}
