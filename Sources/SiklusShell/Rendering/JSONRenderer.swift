import SiklusCharts
import SiklusEngine

/// `json`: an array of objects, one row per line. Numbers are JSON numbers at full precision, nulls
/// (and NaN or infinite numbers, which JSON cannot express) are `null`, dates are `"YYYY-MM-DD"` strings.
///
///     [
///       {"cohort": "2022-09", "customers": 1204},
///       {"cohort": "2022-10", "customers": 998}
///     ]
struct JSONRenderer: TableRenderer {
    func render(_ table: ResultTable, options: RenderOptions) -> String {
        guard table.rowCount > 0 else { return "[]\n" }
        let keys = table.columns.map { Self.string($0.name) }
        var lines: [String] = []
        for row in 0..<table.rowCount {
            let fields = table.columns.indices.map { i in keys[i] + ": " + value(table.columns[i], row: row) }
            lines.append("  {" + fields.joined(separator: ", ") + "}")
        }
        return "[\n" + lines.joined(separator: ",\n") + "\n]\n"
    }

    private func value(_ column: ResultColumn, row: Int) -> String {
        guard let text = CellText.exact(column, row: row) else { return "null" }
        switch column.values {
        case .text:
            return Self.string(text)
        case .integer:
            return column.unit == .date ? Self.string(text) : text
        case .number(let values):
            if column.unit == .date { return Self.string(text) }
            guard let number = values[row], number.isFinite else { return "null" }
            return text
        }
    }

    /// `text` as a JSON string literal.
    static func string(_ text: String) -> String { JSONText.quoted(text) }
}
