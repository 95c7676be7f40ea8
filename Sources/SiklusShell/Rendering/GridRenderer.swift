import SiklusCharts
import SiklusEngine

/// Aligned tables: `box` (Unicode borders, formatted values), `table` (ASCII borders) and `plain`
/// (no borders, for pipes). Numbers are right-aligned, text and dates left-aligned, nulls empty.
///
///     ┌─────────┬───────────┬───────────┐
///     │ cohort  │ customers │ avg_order │
///     ├─────────┼───────────┼───────────┤
///     │ 2022-09 │     1,204 │     52.10 │
///     └─────────┴───────────┴───────────┘
///     1 row · 3.1 ms
struct GridRenderer: TableRenderer {
    var style: GridStyle

    func render(_ table: ResultTable, options: RenderOptions) -> String {
        let paint = Paint(enabled: options.color)
        let nullText = style.formatsValues && options.color ? "·" : ""
        var nullMarks: [[Bool]] = []
        let cells: [[String]] = table.columns.map { column in
            var marks: [Bool] = []
            let texts = (0..<table.rowCount).map { row -> String in
                let text = style.formatsValues ? CellText.formatted(column, row: row) : CellText.exact(column, row: row)
                marks.append(text == nil)
                return text.map(Self.singleLine) ?? nullText
            }
            nullMarks.append(marks)
            return texts
        }
        let layout = GridLayout(headers: table.columns.map { Self.singleLine($0.name) }, cells: cells,
                                rightAligned: table.columns.map(CellText.isRightAligned),
                                maxWidth: options.maxWidth, style: style)
        var lines: [String] = []
        if style.showsFooter, let title = table.title { lines.append(paint.dim(CellText.display(title))) }
        // The `…` column added for hidden columns has no null marks of its own.
        let markedColumns = layout.columns.count - (layout.hiddenColumnCount > 0 ? 1 : 0)
        if !layout.columns.isEmpty {
            if let top = style.top { lines.append(rule(top, layout)) }
            lines.append(row(layout.columns.map { paint.bold(DisplayWidth.pad($0.header, to: $0.width, alignRight: $0.rightAligned)) }))
            if let separator = style.headerSeparator { lines.append(rule(separator, layout)) }
            for r in 0..<table.rowCount {
                lines.append(row(layout.columns.enumerated().map { index, column in
                    let padded = DisplayWidth.pad(column.cells[r], to: column.width, alignRight: column.rightAligned)
                    let isNull = index < markedColumns && nullMarks[index][r] && !nullText.isEmpty
                    return isNull ? paint.dim(padded) : padded
                }))
            }
            if let bottom = style.bottom { lines.append(rule(bottom, layout)) }
        }
        if style.showsFooter {
            lines.append(paint.dim(Self.footer(rows: table.rowCount, hiddenColumns: layout.hiddenColumnCount, elapsed: options.elapsed)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `12 rows`, `1 row · 2 columns not shown · 3.1 ms`.
    static func footer(rows: Int, hiddenColumns: Int, elapsed: Double?) -> String {
        var parts = [rows == 1 ? "1 row" : "\(NumberText.grouped(Int64(rows))) rows"]
        if hiddenColumns > 0 { parts.append(hiddenColumns == 1 ? "1 column not shown" : "\(hiddenColumns) columns not shown") }
        if let elapsed { parts.append(ElapsedText.describe(elapsed)) }
        return parts.joined(separator: " · ")
    }

    private func rule(_ rule: GridStyle.Rule, _ layout: GridLayout) -> String {
        rule.left + layout.columns.map { String(repeating: rule.fill, count: $0.width) }.joined(separator: rule.junction) + rule.right
    }

    private func row(_ cells: [String]) -> String {
        let line = style.rowLeft + cells.joined(separator: style.rowSeparator) + style.rowRight
        // Plain mode has no right border, so padding of the last column would be trailing spaces.
        return style.rowRight.isEmpty ? String(line.reversed().drop { $0 == " " }.reversed()) : line
    }

    /// Control characters would break the grid or drive the terminal: they are shown escaped (`\n`, `\x1b`).
    static func singleLine(_ text: String) -> String { CellText.display(text) }
}
