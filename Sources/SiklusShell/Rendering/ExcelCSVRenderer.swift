import SiklusLanguage
import SiklusEngine

/// CSV for a spreadsheet in the session's language (`.mode csv excel`, `.export FILE excel`). Excel
/// reads a CSV with the separators of the computer's regional settings: where the decimal separator is
/// a comma (Indonesia, most of Europe) the list separator is `;`. So in Indonesian the fields are
/// separated by `;` and numbers written with a decimal comma (`1234,5`); in English it is plain csv.
/// Values stay exact (full precision, no thousands separators, ISO dates) and the header keeps the
/// canonical column names, as csv does.
struct ExcelCSVRenderer: TableRenderer {
    /// Whose separators to use.
    var language: Language

    /// `;` where the decimal separator is a comma, else `,`.
    var delimiter: Character { language == .id ? ";" : "," }

    func render(_ table: ResultTable, options: RenderOptions) -> String {
        let fields = DelimitedRenderer(delimiter: delimiter)
        var out = table.columns.map { fields.quote($0.name) }.joined(separator: String(delimiter)) + "\n"
        for row in 0..<table.rowCount {
            out += table.columns.map { fields.quote(cell($0, row: row)) }.joined(separator: String(delimiter)) + "\n"
        }
        return out
    }

    /// The exact text of a cell, with a decimal comma for a number in Indonesian.
    func cell(_ column: ResultColumn, row: Int) -> String {
        guard let text = CellText.exact(column, row: row) else { return "" }
        guard language == .id, column.unit != .date, case .number = column.values else { return text }
        return text.replacingOccurrences(of: ".", with: ",")
    }
}
