import SiklusCharts
import SiklusEngine

/// `json`: each result is one JSON array of row objects on one line, so several results in one run
/// are JSON Lines (one `JSON.parse` per line). Numbers are JSON numbers at full precision, nulls (and NaN
/// or infinite numbers, which JSON cannot express) are `null`, dates are `"YYYY-MM-DD"` strings.
///
///     [{"cohort": "2022-09", "customers": 1204}, {"cohort": "2022-10", "customers": 998}]
struct JSONRenderer: TableRenderer {
    func render(_ table: ResultTable, options: RenderOptions) -> String {
        let keys = table.columns.map { Self.string($0.name) }
        var rows: [String] = []
        rows.reserveCapacity(table.rowCount)
        for row in 0..<table.rowCount {
            let fields = table.columns.indices.map { i in keys[i] + ": " + value(table.columns[i], row: row) }
            rows.append("{" + fields.joined(separator: ", ") + "}")
        }
        return "[" + rows.joined(separator: ", ") + "]\n"
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
