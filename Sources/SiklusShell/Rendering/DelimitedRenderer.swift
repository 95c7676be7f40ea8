import Foundation
import SiklusEngine

/// `csv` and `tsv`: a header row, then one line per row, values exact (`CellText.exact`).
///
/// Quoting follows RFC 4180: a field containing the delimiter, a double quote, CR or LF is wrapped in
/// double quotes with inner quotes doubled. Lines end in LF rather than RFC 4180's CRLF, because the
/// Unix tools these files usually feed (`cut`, `awk`, `sort`) expect LF; every CSV reader accepts it.
/// Nulls are empty fields.
struct DelimitedRenderer: TableRenderer {
    /// `,` for csv, a tab for tsv.
    var delimiter: Character

    func render(_ table: ResultTable, options: RenderOptions) -> String {
        var out = table.columns.map { quote($0.name) }.joined(separator: String(delimiter)) + "\n"
        for row in 0..<table.rowCount {
            out += table.columns.map { quote(CellText.exact($0, row: row) ?? "") }.joined(separator: String(delimiter))
            out += "\n"
        }
        return out
    }

    /// `field`, quoted when it contains the delimiter, a quote, CR or LF.
    func quote(_ field: String) -> String {
        // Unicode-scalar check: "\r\n" is a single Character, which `contains("\n")` would miss.
        let needsQuotes = field.unicodeScalars.contains { scalar in
            scalar == "\"" || scalar == "\n" || scalar == "\r" || Character(scalar) == delimiter
        }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
