import SiklusCharts
import SiklusEngine

/// `line`: SQLite's `.mode line`. One `column = value` line per cell with the names right-aligned,
/// exact values, a blank line between rows; nulls print as an empty value.
///
///        cohort = 2022-09
///     customers = 1204
struct LineRenderer: TableRenderer {
    func render(_ table: ResultTable, options: RenderOptions) -> String {
        let nameWidth = table.columns.map { DisplayWidth.of($0.name) }.max() ?? 0
        var blocks: [String] = []
        for row in 0..<table.rowCount {
            blocks.append(table.columns.map { column in
                DisplayWidth.pad(column.name, to: nameWidth, alignRight: true) + " = " + (CellText.exact(column, row: row) ?? "")
            }.joined(separator: "\n"))
        }
        return blocks.isEmpty ? "" : blocks.joined(separator: "\n\n") + "\n"
    }
}
