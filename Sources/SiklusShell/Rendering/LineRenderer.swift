import SiklusCharts
import SiklusEngine

/// `line`: SQLite's `.mode line`. One `column = value` line per cell with the names right-aligned,
/// exact values (control characters escaped, see `CellText.display`), a blank line between rows; nulls
/// print as an empty value.
///
///        cohort = 2022-09
///     customers = 1204
struct LineRenderer: TableRenderer {
    func render(_ table: ResultTable, options: RenderOptions) -> String {
        let names = table.columns.map { CellText.display($0.name) }
        let nameWidth = names.map(DisplayWidth.of).max() ?? 0
        var blocks: [String] = []
        for row in 0..<table.rowCount {
            blocks.append(table.columns.indices.map { index in
                DisplayWidth.pad(names[index], to: nameWidth, alignRight: true) + " = "
                    + CellText.display(CellText.exact(table.columns[index], row: row) ?? "")
            }.joined(separator: "\n"))
        }
        return blocks.isEmpty ? "" : blocks.joined(separator: "\n\n") + "\n"
    }
}
