import SiklusEngine

/// CSV (RFC 4180) and JSON renderings of a result table at full precision.
enum DataWriters {
    /// A header row then one row per result row, CRLF line ends, fields quoted only when they
    /// hold a comma, quote or line break. Nulls are empty fields; dates are ISO 8601.
    static func csv(_ table: ResultTable) -> String {
        var lines = [table.columns.map { quoted($0.name) }.joined(separator: ",")]
        for row in 0..<table.rowCount {
            lines.append(table.columns.map { quoted(plainText($0, row: row) ?? "") }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// An array with one object per row, keys in column order; numbers as JSON numbers, dates
    /// as ISO 8601 strings, nulls (and non-finite numbers) as `null`.
    static func json(_ table: ResultTable) -> String {
        guard table.rowCount > 0 else { return "[]\n" }
        let keys = table.columns.map { jsonString($0.name) }
        let rows = (0..<table.rowCount).map { row -> String in
            let fields = zip(keys, table.columns).map { key, column in "\(key): \(jsonValue(column, row: row))" }
            return "  {" + fields.joined(separator: ", ") + "}"
        }
        return "[\n" + rows.joined(separator: ",\n") + "\n]\n"
    }

    /// A cell as full-precision text; nil for null.
    static func plainText(_ column: ResultColumn, row: Int) -> String? {
        switch column.values {
        case .text(let values): return values[row]
        case .integer(let values):
            guard let value = values[row] else { return nil }
            return column.unit == .date ? ValueFormatter.isoDate(seconds: value) : String(value)
        case .number(let values): return values[row].flatMap(ValueFormatter.plain)
        }
    }

    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func jsonValue(_ column: ResultColumn, row: Int) -> String {
        guard let text = plainText(column, row: row) else { return "null" }
        switch column.values {
        case .text: return jsonString(text)
        case .integer: return column.unit == .date ? jsonString(text) : text
        case .number: return text
        }
    }

    static func jsonString(_ text: String) -> String { JSONText.quoted(text) }
}
