/// Draws a `SeriesModel` as braille line charts (thick half-block lines in presentation mode): one panel
/// per metric with a labelled y axis (ticks carry the unit), period labels under the x axis, and a
/// legend when there are groups.
///
/// Colour terminals tell series apart by colour; without colour every data point of a series
/// gets its own ASCII marker (`*`, `o`, `+`, …) on top of the braille line.
struct LineChartRenderer {
    let model: SeriesModel
    let options: ChartOptions

    /// Title, axis row and label row around each panel's plot rows.
    private static let panelChrome = 3
    private static let minimumPlotRows = 3

    func render() throws -> [StyledLine] {
        let seriesCount = model.seriesNames.count
        let legend = seriesCount > 1 ? legendLines() : []
        var available = options.height - 1 - legend.count
        let panelMinimum = LineChartRenderer.panelChrome + LineChartRenderer.minimumPlotRows
        var shownPanels = min(model.panels.count, max(1, available / panelMinimum))
        if shownPanels < model.panels.count {
            available -= 1
            shownPanels = min(model.panels.count, max(1, available / panelMinimum))
        }
        let plotRows = (available - shownPanels * LineChartRenderer.panelChrome) / shownPanels
        guard plotRows >= 2, options.width >= 24 else {
            throw ChartError.tooSmall(kind: .timeSeries, width: options.width, height: options.height,
                                      minWidth: 24, minHeight: 1 + legend.count + LineChartRenderer.panelChrome + 2)
        }

        var lines = [TerminalLayout.title(model.title, width: options.width)]
        for panel in model.panels.prefix(shownPanels) {
            lines += try panelLines(panel, plotRows: plotRows)
        }
        if shownPanels < model.panels.count {
            let hidden = model.panels.dropFirst(shownPanels).map(\.metric)
            lines.append(TerminalLayout.note("… \(TerminalLayout.list(hidden)) not shown (enlarge the terminal)", width: options.width))
        }
        return lines + legend
    }

    private func panelLines(_ panel: SeriesModel.Panel, plotRows: Int) throws -> [StyledLine] {
        guard let range = panel.range else {
            return [StyledLine(DisplayWidth.truncate("\(panel.axisTitle): no values", to: options.width))]
        }
        let scale = NiceScale(dataMin: range.min, dataMax: range.max, maxTicks: max(2, min(8, (plotRows + 1) / 2 + 1)))
        let formatter = AxisFormatter(scale: scale, unit: panel.unit)
        let tickLabels = scale.ticks.map { ($0, formatter.label($0)) }
        let labelWidth = tickLabels.map { DisplayWidth.of($0.1) }.max() ?? 1
        let plotColumns = options.width - labelWidth - 2
        guard plotColumns >= 8 else {
            throw ChartError.tooSmall(kind: .timeSeries, width: options.width, height: options.height,
                                      minWidth: labelWidth + 10, minHeight: options.height)
        }

        var canvas = DotCanvas(columns: plotColumns, rows: plotRows, dots: options.present ? .halfBlocks : .braille)
        let xDots = model.xLabels.indices.map { xDot($0, dotWidth: canvas.dotWidth) }
        let (across, down) = (canvas.dotsAcross, canvas.dotsDown)
        func yDot(_ value: Double) -> Int {
            Int(((scale.upper - value) / (scale.upper - scale.lower) * Double(canvas.dotHeight - 1)).rounded())
        }
        for (index, series) in panel.series.enumerated() {
            for (x, value) in series.values.enumerated() {
                guard let value else { continue }
                let point = (x: xDots[x], y: yDot(value))
                if x + 1 < series.values.count, let next = series.values[x + 1] {
                    canvas.line(from: point, to: (xDots[x + 1], yDot(next)), series: index)
                } else {
                    canvas.set(x: point.x, y: point.y, series: index)
                }
            }
        }
        let markers = options.color || panel.series.count < 2 ? [:]
            : markerCells(panel, plotColumns: plotColumns, xDots: xDots, yDot: yDot, across: across, down: down)

        var tickRows: [Int: String] = [:]
        for (value, label) in tickLabels {
            let row = yDot(value) / down
            if tickRows[row] == nil { tickRows[row] = label }
        }
        let axisStyle = Style(foreground: TerminalPalette.axis)
        var lines = [StyledLine(DisplayWidth.truncate(panel.axisTitle, to: options.width), Style(bold: true))]
        for row in 0..<plotRows {
            // Bold axis labels in presentation mode read from the back of a room.
            var line = StyledLine(DisplayWidth.pad(tickRows[row] ?? "", to: labelWidth, alignRight: true) + " ",
                                  options.present ? Style(bold: true) : nil)
            line.append(tickRows[row] == nil ? "│" : "┤", axisStyle)
            for column in 0..<plotColumns {
                if let marker = markers[row * plotColumns + column] {
                    line.append(String(TerminalPalette.markers[marker % TerminalPalette.markers.count]))
                } else if let character = canvas.character(column: column, row: row) {
                    let owner = canvas.owner(column: column, row: row) ?? 0
                    line.append(String(character), options.color ? seriesStyle(owner) : nil)
                } else {
                    line.append(" ")
                }
            }
            lines.append(line)
        }
        lines += xAxisLines(labelWidth: labelWidth, plotColumns: plotColumns, columnOf: xDots.map { $0 / across })
        return lines
    }

    /// Dot column of period `index`: spread over the full width, a lone period in the middle.
    private func xDot(_ index: Int, dotWidth: Int) -> Int {
        let count = model.xLabels.count
        guard count > 1 else { return dotWidth / 2 }
        return Int((Double(index) * Double(dotWidth - 1) / Double(count - 1)).rounded())
    }

    /// Cells that carry a series marker, keyed by `row * columns + column`. When points are
    /// closer than two cells only every k-th gets one, so the line stays visible between them.
    private func markerCells(_ panel: SeriesModel.Panel, plotColumns: Int, xDots: [Int], yDot: (Double) -> Int,
                             across: Int, down: Int) -> [Int: Int] {
        let spacing = xDots.count > 1 ? Double(xDots[xDots.count - 1] - xDots[0]) / Double(across) / Double(xDots.count - 1) : 4
        let stride = max(1, Int((2 / max(spacing, 0.01)).rounded(.up)))
        var cells: [Int: Int] = [:]
        for (index, series) in panel.series.enumerated() {
            for (x, value) in series.values.enumerated() where x % stride == 0 {
                guard let value else { continue }
                cells[(yDot(value) / down) * plotColumns + xDots[x] / across] = index
            }
        }
        return cells
    }

    private func seriesStyle(_ index: Int) -> Style {
        Style(foreground: TerminalPalette.series[index % TerminalPalette.series.count])
    }

    /// The x axis with ┬ under labelled periods, and the period labels centred under them.
    private func xAxisLines(labelWidth: Int, plotColumns: Int, columnOf: [Int]) -> [StyledLine] {
        let origin = labelWidth + 2
        let labels = model.xLabels.map { DisplayWidth.truncate($0, to: options.width) }
        var chosen: [(start: Int, text: String, column: Int)] = []
        for stride in 1...max(1, labels.count) {
            var placed: [(start: Int, text: String, column: Int)] = []
            var fits = true
            for index in Swift.stride(from: 0, to: labels.count, by: stride) {
                let column = origin + columnOf[index]
                let width = DisplayWidth.of(labels[index])
                let start = min(max(0, column - width / 2), options.width - width)
                if let last = placed.last, start < last.start + DisplayWidth.of(last.text) + 2 {
                    fits = false
                    break
                }
                placed.append((start, labels[index], column))
            }
            if fits {
                chosen = placed
                break
            }
        }
        var axis = String(repeating: " ", count: labelWidth + 1) + "└"
        var ticks = Set(chosen.map(\.column))
        ticks.remove(origin - 1)
        axis += (0..<plotColumns).map { ticks.contains(origin + $0) ? "┬" : "─" }.joined()
        var labelLine = StyledLine()
        for label in chosen {
            labelLine.pad(to: label.start)
            labelLine.append(label.text, options.present ? Style(bold: true) : nil)
        }
        return [StyledLine(axis, Style(foreground: TerminalPalette.axis)), labelLine]
    }

    private func legendLines() -> [StyledLine] {
        let entries = model.seriesNames.enumerated().map { index, name -> (swatch: StyledLine, label: String) in
            if options.color { return (StyledLine("━━", seriesStyle(index)), name) }
            return (StyledLine(String(TerminalPalette.markers[index % TerminalPalette.markers.count])), name)
        }
        let prefix = model.groupHeader.map { $0 + ":" } ?? ""
        return TerminalLayout.flow(entries, prefix: prefix, width: options.width)
    }
}
