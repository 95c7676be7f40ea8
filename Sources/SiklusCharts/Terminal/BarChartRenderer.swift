/// Draws a `BarModel` (a plain label + number table) as horizontal bars with the value after
/// each bar. Negative values are drawn by magnitude; the printed value keeps its sign.
struct BarChartRenderer {
    let model: BarModel
    let options: ChartOptions

    func render() throws -> [StyledLine] {
        let values = model.bars.map { $0.value.map { ValueFormatter.display($0, unit: model.unit) } ?? "—" }
        let valueWidth = values.map(DisplayWidth.of).max() ?? 1
        let labelWidth = min(20, max(DisplayWidth.of(model.labelHeader), model.bars.map { DisplayWidth.of($0.label) }.max() ?? 0))
        let barWidth = options.width - labelWidth - 1 - 1 - valueWidth
        guard barWidth >= 5, options.height >= 3 else {
            throw ChartError.tooSmall(kind: .bars, width: options.width, height: options.height,
                                      minWidth: labelWidth + valueWidth + 7, minHeight: 3)
        }
        var lines = [TerminalLayout.title(model.title, width: options.width)]
        var header = StyledLine(DisplayWidth.pad(model.labelHeader, to: labelWidth) + " ", Style(bold: true))
        header.append(DisplayWidth.truncate(AxisTitle.of(model.valueHeader, unit: model.unit), to: barWidth), Style(bold: true))
        lines.append(header)

        var room = options.height - lines.count
        let hidden = max(0, model.bars.count - room + (model.bars.count > room ? 1 : 0))
        if hidden > 0 { room -= 1 }
        // Presentation mode draws each bar two lines thick when every bar still fits.
        let thickness = options.present && model.bars.count * 2 <= room ? 2 : 1
        let scale = model.scale
        for (bar, value) in zip(model.bars, values).prefix(room) {
            let length = scale > 0 ? abs(bar.value ?? 0) / scale * Double(barWidth) : 0
            for part in 0..<thickness {
                var line = StyledLine(DisplayWidth.pad(part == 0 ? bar.label : "", to: labelWidth) + " ",
                                      options.present && part == 0 ? Style(bold: true) : nil)
                line.append(BlockBar.bar(length: length), Style(foreground: TerminalPalette.bar))
                if part == 0 { line.append(" " + value, options.present ? Style(bold: true) : nil) }
                lines.append(line)
            }
        }
        if hidden > 0 {
            lines.append(TerminalLayout.note("… \(hidden) more rows not shown", width: options.width))
        }
        return lines
    }
}
