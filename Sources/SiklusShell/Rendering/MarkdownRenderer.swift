import SiklusCharts
import SiklusEngine

/// `markdown`: a GitHub-flavoured table with an alignment row (`---:` for numbers), values formatted
/// for reading like box mode (`CellText.formatted`), padded so the source reads as a table too. `|` in a
/// cell is escaped, newlines become `<br>` and other control characters are shown escaped
/// (`CellText.display`). Under `.maxrows` a row of `…` (the first cell `… N rows …`) stands for the rows
/// not shown.
///
///     | cohort  | customers |
///     |---------|----------:|
///     | 2022-09 |     1,204 |
struct MarkdownRenderer: TableRenderer {
    func render(_ table: ResultTable, options: RenderOptions) -> String {
        guard !table.columns.isEmpty else { return "\n" }
        let headers = table.columns.map { Self.escape($0.name) }
        let window = RowWindow(rowCount: table.rowCount, limit: options.maxRows)
        var cells = table.columns.map { column in
            window.shownRows.map { Self.escape(CellText.formatted(column, row: $0, locale: options.locale) ?? "") }
        }
        if window.isCut {
            for i in cells.indices { cells[i].insert(i == 0 ? window.marker : "…", at: window.head) }
        }
        for row in table.footer {
            for (i, text) in CellText.footer(row, columns: table.columns.count, locale: options.locale).enumerated() { cells[i].append(Self.escape(text)) }
        }
        let right = table.columns.map(CellText.isRightAligned)
        // At least 3 wide so the alignment row is `---` or `--:` under short headers.
        let widths = table.columns.indices.map { i in
            max(3, DisplayWidth.of(headers[i]), cells[i].map(DisplayWidth.of).max() ?? 0)
        }
        func line(_ values: [String]) -> String {
            "| " + values.indices.map { DisplayWidth.pad(values[$0], to: widths[$0], alignRight: right[$0]) }
                .joined(separator: " | ") + " |"
        }
        var lines = [line(headers)]
        lines.append("|" + widths.indices.map { i in
            right[i] ? String(repeating: "-", count: widths[i] + 1) + ":" : String(repeating: "-", count: widths[i] + 2)
        }.joined(separator: "|") + "|")
        for row in cells[0].indices { lines.append(line(cells.map { $0[row] })) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "|" { out += "\\|" } else if character.isNewline { out += "<br>" } else { out.append(character) }
        }
        return CellText.display(out)
    }
}
