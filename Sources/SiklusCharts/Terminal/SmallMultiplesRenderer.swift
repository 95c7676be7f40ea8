/// Draws a `SmallMultiplesModel`: one panel of horizontal bars per metric over the same group labels,
/// side by side when they fit the width, else stacked (`SmallMultiplesLayout`). Each panel has its own
/// scale; a bar is drawn by magnitude and its printed value keeps the sign.
///
///     cpa, repeat_rate by cohort
///     cohort     cpa (money)                 repeat_rate (%)
///     affiliate  ████████▎ 50.89             ███████████████▋ 35.0%
///     display    ████████████████▍ 199.22    ██████████████████▏ 40.7%
struct SmallMultiplesRenderer {
    let model: SmallMultiplesModel
    let options: ChartOptions

    func render() throws -> [StyledLine] {
        let texts = model.panels.map(\.texts)
        let layout = try SmallMultiplesLayout(
            labelWidths: model.labels.map(DisplayWidth.of), headerWidth: DisplayWidth.of(model.labelHeader),
            valueWidths: texts.map { $0.map(DisplayWidth.of).max() ?? 1 }, rows: model.labels.count,
            width: options.width, height: options.height, present: options.present)
        var lines = [TerminalLayout.title(model.title, width: options.width)]
        switch layout.arrangement {
        case .sideBySide: lines += sideBySide(layout, texts: texts)
        case .stacked: lines += stacked(layout, texts: texts)
        }
        if layout.shownPanels < model.panels.count {
            let hidden = model.panels.dropFirst(layout.shownPanels).map(\.metric)
            lines.append(TerminalLayout.note("… \(TerminalLayout.list(hidden)) not shown (enlarge the terminal)", width: options.width))
        }
        return lines
    }

    /// Labels once on the left, then each panel's title over its column of bars.
    private func sideBySide(_ layout: SmallMultiplesLayout, texts: [[String]]) -> [StyledLine] {
        let panelWidth = { (index: Int) in layout.barWidth + 1 + layout.valueWidths[index] }
        var header = StyledLine(DisplayWidth.pad(DisplayWidth.truncate(model.labelHeader, to: layout.labelWidth), to: layout.labelWidth), Style(bold: true))
        for (index, panel) in model.panels.enumerated() {
            header.append(String(repeating: " ", count: SmallMultiplesLayout.gap))
            header.append(DisplayWidth.pad(DisplayWidth.truncate(panel.title, to: panelWidth(index)), to: panelWidth(index)), Style(bold: true))
        }
        var lines = [header]
        for row in 0..<layout.shownRows {
            for part in 0..<layout.linesPerBar {
                let label = part == 0 ? DisplayWidth.truncate(model.labels[row], to: layout.labelWidth) : ""
                var line = StyledLine(DisplayWidth.pad(label, to: layout.labelWidth), options.present && part == 0 ? Style(bold: true) : nil)
                for (index, panel) in model.panels.enumerated() {
                    line.append(String(repeating: " ", count: SmallMultiplesLayout.gap))
                    let start = line.width
                    appendBar(&line, panel: panel, index: index, row: row, barWidth: layout.barWidth, value: part == 0 ? texts[index][row] : nil)
                    line.pad(to: start + panelWidth(index))
                }
                lines.append(line)
            }
        }
        if layout.shownRows < model.labels.count {
            lines.append(TerminalLayout.note("… \(model.labels.count - layout.shownRows) more rows not shown", width: options.width))
        }
        return lines
    }

    /// Each panel under its own title line, with the labels repeated.
    private func stacked(_ layout: SmallMultiplesLayout, texts: [[String]]) -> [StyledLine] {
        var lines: [StyledLine] = []
        for (index, panel) in model.panels.enumerated().prefix(layout.shownPanels) {
            var header = StyledLine(DisplayWidth.pad(DisplayWidth.truncate(model.labelHeader, to: layout.labelWidth), to: layout.labelWidth) + " ",
                                    Style(bold: true))
            header.append(DisplayWidth.truncate(panel.title, to: max(1, options.width - layout.labelWidth - 1)), Style(bold: true))
            lines.append(header)
            for row in 0..<layout.shownRows {
                for part in 0..<layout.linesPerBar {
                    let label = part == 0 ? DisplayWidth.truncate(model.labels[row], to: layout.labelWidth) : ""
                    var line = StyledLine(DisplayWidth.pad(label, to: layout.labelWidth) + " ", options.present && part == 0 ? Style(bold: true) : nil)
                    appendBar(&line, panel: panel, index: index, row: row, barWidth: layout.barWidth, value: part == 0 ? texts[index][row] : nil)
                    lines.append(line)
                }
            }
            if layout.shownRows < model.labels.count {
                lines.append(TerminalLayout.note("… \(model.labels.count - layout.shownRows) more rows not shown", width: options.width))
            }
        }
        return lines
    }

    /// The bar of `row` in `panel`, scaled to the panel's largest magnitude, then its value.
    private func appendBar(_ line: inout StyledLine, panel: SmallMultiplesModel.Panel, index: Int, row: Int, barWidth: Int, value: String?) {
        let scale = panel.scale
        let length = scale > 0 ? abs(panel.values[row] ?? 0) / scale * Double(barWidth) : 0
        line.append(BlockBar.bar(length: length), Style(foreground: TerminalPalette.series[index % TerminalPalette.series.count]))
        if let value { line.append(" " + value, options.present ? Style(bold: true) : nil) }
    }
}
