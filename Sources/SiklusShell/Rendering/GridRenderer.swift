import SiklusCharts
import SiklusEngine
import SiklusLanguage

/// Aligned tables: `box` (Unicode borders), `table` (ASCII borders) and `plain` (no borders, for
/// reading in a pipe). Values are formatted for reading (`CellText.formatted`: money to 2 decimals,
/// percent to 1, counts as integers); numbers are right-aligned, text and dates left-aligned, nulls
/// empty. Under `.maxrows` the first and last rows frame a `… N rows …` line (`RowWindow`).
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
        let nullText = style.marksNulls && options.color ? "·" : ""
        let window = RowWindow(rowCount: table.rowCount, limit: options.maxRows)
        let shown = window.shownRows
        var nullMarks: [[Bool]] = []
        let footer = table.footer.map { CellText.footer($0, columns: table.columns.count, locale: options.locale) }
        let cells: [[String]] = table.columns.enumerated().map { index, column in
            var marks: [Bool] = []
            let texts = shown.map { row -> String in
                let text = CellText.formatted(column, row: row, locale: options.locale)
                marks.append(text == nil)
                return text.map(Self.singleLine) ?? nullText
            }
            nullMarks.append(marks + footer.map { _ in false })
            return texts + footer.map { $0[index] }
        }
        var layout = GridLayout(headers: table.columns.map { Self.singleLine($0.name) }, cells: cells,
                                rightAligned: table.columns.map(CellText.isRightAligned),
                                maxWidth: options.maxWidth, style: style)
        if window.isCut { widenForMarker(&layout, window.marker, maxWidth: options.maxWidth) }
        var lines: [String] = []
        if style.showsFooter, let title = table.title { lines.append(paint.dim(CellText.display(title.text(in: options.locale.language)))) }
        // The `…` column added for hidden columns has no null marks of its own.
        let markedColumns = layout.columns.count - (layout.hiddenColumnCount > 0 ? 1 : 0)
        if !layout.columns.isEmpty {
            if let top = style.top { lines.append(rule(top, layout)) }
            lines.append(row(layout.columns.map { paint.bold(DisplayWidth.pad($0.header, to: $0.width, alignRight: $0.rightAligned)) }))
            if let separator = style.headerSeparator { lines.append(rule(separator, layout)) }
            for r in shown.indices {
                if window.isCut, r == window.head { lines.append(markerRow(window.marker, layout, paint)) }
                lines.append(row(layout.columns.enumerated().map { index, column in
                    let padded = DisplayWidth.pad(column.cells[r], to: column.width, alignRight: column.rightAligned)
                    let isNull = index < markedColumns && nullMarks[index][r] && !nullText.isEmpty
                    return isNull ? paint.dim(padded) : padded
                }))
            }
            if window.isCut, window.tail == 0 { lines.append(markerRow(window.marker, layout, paint)) }
            // The mean rows under their own rule.
            if !footer.isEmpty, let separator = style.headerSeparator ?? style.top { lines.append(rule(separator, layout)) }
            for r in shown.count..<(shown.count + footer.count) {
                lines.append(row(layout.columns.map { DisplayWidth.pad($0.cells[r], to: $0.width, alignRight: $0.rightAligned) }))
            }
            if let bottom = style.bottom { lines.append(rule(bottom, layout)) }
        }
        if style.showsFooter {
            lines.append(paint.dim(Self.footer(rows: table.rowCount, shown: window.isCut ? shown.count : nil,
                                               hiddenColumns: layout.hiddenColumnCount, elapsed: options.elapsed)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Width inside the borders of a row: the columns and the separators between them.
    private func innerWidth(_ layout: GridLayout) -> Int {
        layout.columns.reduce(0) { $0 + $1.width } + DisplayWidth.of(style.rowSeparator) * max(0, layout.columns.count - 1)
    }

    /// Widens the last column so the `… N rows …` line fits inside the borders, as far as `maxWidth` allows.
    private func widenForMarker(_ layout: inout GridLayout, _ marker: String, maxWidth: Int?) {
        guard let last = layout.columns.indices.last else { return }
        let inner = innerWidth(layout)
        var deficit = DisplayWidth.of(marker) - inner
        if let maxWidth { deficit = min(deficit, maxWidth - inner - style.overhead(columnCount: 1)) }
        if deficit > 0 { layout.columns[last].width += deficit }
    }

    /// The line standing for the rows not shown, spanning every column.
    private func markerRow(_ marker: String, _ layout: GridLayout, _ paint: Paint) -> String {
        let inner = innerWidth(layout)
        return row([paint.dim(DisplayWidth.pad(DisplayWidth.truncate(marker, to: inner), to: inner, alignRight: false))])
    }

    /// `12 rows`, `1,000 rows (40 shown)`, `1 row · 2 columns not shown · 3.1 ms`.
    static func footer(rows: Int, shown: Int? = nil, hiddenColumns: Int, elapsed: Double?) -> String {
        let locale = ReadingLocale(language: .current)
        var count = rows == 1 ? MessageCatalog.text("grid.rows_one") : MessageCatalog.text("grid.rows_many", ["count": locale.grouped(rows)])
        if let shown { count += " " + MessageCatalog.text("grid.shown", ["count": locale.grouped(shown)]) }
        var parts = [count]
        if hiddenColumns > 0 {
            parts.append(hiddenColumns == 1 ? MessageCatalog.text("grid.column_hidden_one") : MessageCatalog.text("grid.columns_hidden_many", ["count": String(hiddenColumns)]))
        }
        if let elapsed { parts.append(locale.localizing(number: ElapsedText.describe(elapsed))) }
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
