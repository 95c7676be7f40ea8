/// Draws a `HeatmapModel` as a grid of shaded cells with the numbers kept readable.
///
/// With colour each cell is a viridis background behind black or white digits; without colour
/// each cell is a shade block pair (░▒▓█) beside its number, e.g. `▓▓ 42%`. Columns that do not
/// fit the width are dropped from the right, rows that do not fit the height from the bottom,
/// and a note says what was left out.
struct HeatmapRenderer {
    let model: HeatmapModel
    let options: ChartOptions

    /// Column widths chosen for the available width.
    private struct Layout {
        var labelWidth: Int
        var sizeWidth: Int?
        var cellWidth: Int
        var headers: [String]
        var visibleColumns: Int
        /// Shade blocks per plain cell: two normally, one when space is tight.
        var shadeWidth: Int
    }

    func render() throws -> [StyledLine] {
        let width = options.width
        let scale = model.shadeScale(levels: options.color ? TerminalPalette.heat.count : TerminalPalette.shades.count)
        let values = model.rows.map { $0.cells.map { $0.map(cellText) } }
        let valueWidth = max(2, values.flatMap { $0.compactMap { $0.map(DisplayWidth.of) } }.max() ?? 0)
        guard let layout = fit(valueWidth: valueWidth) else {
            throw ChartError.tooSmall(kind: model.sizeHeader == nil ? .transitionHeatmap : .heatmap,
                                      width: options.width, height: options.height,
                                      minWidth: 6 + 1 + valueWidth + 4, minHeight: 5)
        }
        let hiddenColumns = model.columnLabels.count - layout.visibleColumns
        var rowRoom = options.height - 3
        if hiddenColumns > 0 || model.rows.count > rowRoom { rowRoom -= 1 }
        guard rowRoom >= 1 else {
            throw ChartError.tooSmall(kind: model.sizeHeader == nil ? .transitionHeatmap : .heatmap,
                                      width: options.width, height: options.height, minWidth: width, minHeight: 5)
        }
        let visibleRows = min(model.rows.count, rowRoom)

        var lines = [TerminalLayout.title(model.title, width: width)]
        lines.append(headerLine(layout))
        for (index, row) in model.rows.prefix(visibleRows).enumerated() {
            lines.append(rowLine(row, texts: values[index], layout: layout, valueWidth: valueWidth, scale: scale))
        }
        if let note = omissionNote(hiddenRows: model.rows.count - visibleRows, hiddenColumns: hiddenColumns) {
            lines.append(TerminalLayout.note(note, width: width))
        }
        lines.append(legend(scale))
        return lines
    }

    /// The number shown in a cell: `42%`, `<1%`, `1.2k`.
    private func cellText(_ cell: HeatmapModel.Cell) -> String {
        ValueFormatter.compact(cell.value, unit: model.valueUnit)
    }

    /// Tries roomier layouts first (full labels, size column, full headers) and gives up space
    /// until every column fits; if none does, keeps the layout showing the most columns.
    private func fit(valueWidth: Int) -> Layout? {
        let labelNatural = min(16, max(DisplayWidth.of(model.rowHeader), model.rows.map { DisplayWidth.of($0.label) }.max() ?? 0))
        let sizeNatural = model.sizeHeader.map { header in
            max(DisplayWidth.of(header), model.rows.compactMap { $0.size.map { DisplayWidth.of(sizeText($0)) } }.max() ?? 0)
        }
        let fullHeaders = model.columnLabels
        let shortHeaders = model.columnLabels.map { TerminalLayout.abbreviation($0) }
        var best: Layout?
        for labelCap in [16, 10, 6] {
            for keepSize in [true, false] where keepSize || sizeNatural != nil {
                for headers in [fullHeaders, shortHeaders] where headers == shortHeaders || fitsUncut(headers) {
                    for shadeWidth in options.color ? [2] : [2, 1] {
                        let labelWidth = min(labelNatural, labelCap)
                        let sizeWidth = keepSize ? sizeNatural : nil
                        let headerWidth = headers.map(DisplayWidth.of).max() ?? 0
                        // Colour: " 42% " cells touch; plain: " ▓▓ 42%" cells carry their own gap.
                        let content = options.color ? valueWidth + 2 : valueWidth + 2 + shadeWidth
                        // A header may reach into the cell's right padding, but keeps one space on its left.
                        let cellWidth = max(content, min(headerWidth, 8) + 1)
                        let prefix = labelWidth + (sizeWidth.map { $0 + 1 } ?? 0) + (options.color ? 1 : 0)
                        let visible = min(headers.count, max(0, (options.width - prefix) / cellWidth))
                        let layout = Layout(labelWidth: labelWidth, sizeWidth: sizeWidth, cellWidth: cellWidth,
                                            headers: headers, visibleColumns: visible, shadeWidth: shadeWidth)
                        if visible == headers.count { return layout }
                        if visible > (best?.visibleColumns ?? 0) { best = layout }
                    }
                }
            }
        }
        return best
    }

    /// Full headers are used only when none needs cutting; otherwise the abbreviations are tried.
    private func fitsUncut(_ headers: [String]) -> Bool {
        headers.allSatisfy { DisplayWidth.of($0) <= 8 }
    }

    private func sizeText(_ size: Double) -> String {
        ValueFormatter.groupedCount(size)
    }

    private func headerLine(_ layout: Layout) -> StyledLine {
        var text = DisplayWidth.pad(model.rowHeader, to: layout.labelWidth)
        if let sizeWidth = layout.sizeWidth, let header = model.sizeHeader {
            text += " " + DisplayWidth.pad(header, to: sizeWidth, alignRight: true)
        }
        if options.color { text += " " }
        // Headers end where the numbers end (one column before the cell edge in colour mode);
        // a header longer than the number may use that last column too.
        let trailing = options.color ? 1 : 0
        for header in layout.headers.prefix(layout.visibleColumns) {
            let room = layout.cellWidth - 1
            let shift = DisplayWidth.of(header) > room - trailing ? 0 : trailing
            text += " " + DisplayWidth.pad(header, to: room - shift, alignRight: true) + String(repeating: " ", count: shift)
        }
        return StyledLine(text, Style(bold: true))
    }

    private func rowLine(_ row: HeatmapModel.Row, texts: [String?], layout: Layout, valueWidth: Int, scale: ShadeScale) -> StyledLine {
        var line = StyledLine(DisplayWidth.pad(row.label, to: layout.labelWidth))
        if let sizeWidth = layout.sizeWidth {
            line.append(" " + DisplayWidth.pad(row.size.map(sizeText) ?? "", to: sizeWidth, alignRight: true))
        }
        if options.color { line.append(" ") }
        for (cell, text) in zip(row.cells, texts).prefix(layout.visibleColumns) {
            guard let cell, let text else {
                line.append(String(repeating: " ", count: layout.cellWidth))
                continue
            }
            let level = scale.level(cell.percent)
            if options.color {
                let background = level == 0 ? TerminalPalette.heatZero : TerminalPalette.heat[level - 1]
                let foreground = level == 0 ? TerminalPalette.muted : TerminalPalette.foreground(on: background)
                let body = DisplayWidth.pad(text, to: layout.cellWidth - 1, alignRight: true) + " "
                line.append(body, Style(foreground: foreground, background: background))
            } else {
                let shade = level == 0
                    ? String(repeating: " ", count: layout.shadeWidth)
                    : String(repeating: TerminalPalette.shades[level - 1], count: layout.shadeWidth)
                let body = shade + " " + DisplayWidth.pad(text, to: valueWidth, alignRight: true)
                line.append(DisplayWidth.pad(body, to: layout.cellWidth, alignRight: true))
            }
        }
        return line
    }

    private func omissionNote(hiddenRows: Int, hiddenColumns: Int) -> String? {
        var parts: [String] = []
        if hiddenRows > 0 {
            parts.append("\(hiddenRows) more \(model.rowNoun)\(hiddenRows == 1 ? "" : "s")")
        }
        if hiddenColumns > 0 {
            let hidden = model.columnLabels.suffix(hiddenColumns)
            let range = hidden.count == 1 ? (hidden.first ?? "") : "\(hidden.first ?? "")–\(hidden.last ?? "")"
            let noun = model.sizeHeader == nil ? "columns" : (hidden.count == 1 ? "period" : "periods")
            parts.append("\(noun) \(range)")
        }
        guard !parts.isEmpty else { return nil }
        let note = "… " + TerminalLayout.list(parts) + " not shown"
        let hint = note + " (enlarge the terminal or export to HTML)"
        return DisplayWidth.of(hint) <= options.width ? hint : note
    }

    private func legend(_ scale: ShadeScale) -> StyledLine {
        let entries = (1...scale.levels).map { level -> (swatch: StyledLine, label: String) in
            if options.color {
                return (StyledLine("  ", Style(background: TerminalPalette.heat[level - 1])), scale.legendLabel(level))
            }
            return (StyledLine(String(TerminalPalette.shades[level - 1])), scale.legendLabel(level))
        }
        let lines = TerminalLayout.flow(entries, prefix: model.shadeMeaning + ":", width: options.width)
        // One line is enough to read the scale; a cut legend is better than a taller chart.
        return (lines.count == 1 ? lines[0] : TerminalLayout.flow(entries, width: options.width)[0]).clipped(to: options.width)
    }
}
