import SiklusCharts
import SiklusEngine

/// `line`: SQLite's `.mode line`. One `column = value` line per cell with the names right-aligned,
/// values formatted for reading like box mode (control characters escaped, see `CellText.display`), a
/// blank line between rows; nulls print as an empty value. Under `.maxrows` a `… N rows …` block stands
/// for the rows not shown.
///
///        cohort = 2022-09
///     customers = 1,204
struct LineRenderer: TableRenderer {
    func render(_ table: ResultTable, options: RenderOptions) -> String {
        let names = table.columns.map { CellText.display($0.name) }
        let nameWidth = names.map(DisplayWidth.of).max() ?? 0
        let window = RowWindow(rowCount: table.rowCount, limit: options.maxRows)
        var blocks: [String] = []
        for row in window.shownRows {
            if window.isCut, blocks.count == window.head { blocks.append(window.marker) }
            blocks.append(table.columns.indices.map { index in
                DisplayWidth.pad(names[index], to: nameWidth, alignRight: true) + " = "
                    + CellText.display(CellText.formatted(table.columns[index], row: row, locale: options.locale) ?? "")
            }.joined(separator: "\n"))
        }
        if window.isCut, window.tail == 0 { blocks.append(window.marker) }
        for row in table.footer {
            blocks.append(CellText.footer(row, columns: table.columns.count, locale: options.locale).enumerated().map { index, text in
                DisplayWidth.pad(names[index], to: nameWidth, alignRight: true) + " = " + text
            }.joined(separator: "\n"))
        }
        return blocks.isEmpty ? "" : blocks.joined(separator: "\n\n") + "\n"
    }
}
