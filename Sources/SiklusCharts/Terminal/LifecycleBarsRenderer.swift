/// Draws a `LifecycleModel` as vertical stacked bars, one column per period: new, returning and
/// resurrecting stacked up from the axis, dormant hanging below it (PostHog's lifecycle picture). When the
/// periods do not fit the width, the latest ones are drawn and the title says how many.
struct LifecycleBarsRenderer {
    let model: LifecycleModel
    let options: ChartOptions

    /// Colours and fills (without colour) of new, returning, resurrecting, dormant.
    static let colors: [UInt8] = [34, 39, 178, 160]
    static let fills: [Character] = ["█", "▓", "▒", "░"]

    func render() throws -> [StyledLine] {
        let top = ValueFormatter.compact(model.maxActive, unit: .count), bottom = "-" + ValueFormatter.compact(model.maxDormant, unit: .count)
        let gutter = max(DisplayWidth.of(top), DisplayWidth.of(bottom), 1) + 1
        let plotRows = options.height - 3   // title, legend, period labels
        let room = options.width - gutter
        guard plotRows >= 4, room >= 4 else {
            throw ChartError.tooSmall(kind: .lifecycleBars, width: options.width, height: options.height, minWidth: gutter + 4, minHeight: 7)
        }
        let columnWidth = max(1, min(3, room / model.periods.count))
        let shown = Array(model.periods.suffix(room / columnWidth))
        let total = model.maxActive + model.maxDormant
        let up = total > 0 ? max(model.maxActive > 0 ? 1 : 0, min(plotRows - 1, Int((Double(plotRows - 1) * model.maxActive / total).rounded()))) : plotRows - 1
        let down = plotRows - 1 - up

        var title = model.title
        if shown.count < model.periods.count { title += " (the last \(shown.count) of \(model.periods.count) periods)" }
        var lines = [TerminalLayout.title(title, width: options.width)]
        let legend = LifecycleModel.classes.indices.map { i in
            (swatch: StyledLine(String(Self.fills[i]), Style(foreground: Self.colors[i])), label: LifecycleModel.classes[i])
        }
        lines.append(TerminalLayout.flow(legend, width: options.width).first ?? StyledLine())
        // Rows above the axis count down to 1; the axis is 0; rows below count -1, -2, ….
        for level in stride(from: up, through: -down, by: -1) {
            let tick = level == up ? top : level == 0 ? "0" : level == -down && down > 0 ? bottom : ""
            var line = StyledLine(DisplayWidth.pad(String(repeating: " ", count: gutter - 1 - DisplayWidth.of(tick)) + tick, to: gutter - 1) + " ",
                                  Style(foreground: TerminalPalette.axis))
            for period in shown {
                let cell = level == 0 ? ("─", TerminalPalette.axis) : self.cell(period, level: level, up: up, down: down)
                line.append(String(repeating: cell.0, count: columnWidth), cell.0 == " " ? nil : Style(foreground: cell.1))
            }
            lines.append(line)
        }
        var labels = StyledLine(String(repeating: " ", count: gutter), Style(foreground: TerminalPalette.muted))
        if let first = shown.first?.label, let last = shown.last?.label {
            let span = shown.count * columnWidth
            let text = shown.count == 1 || DisplayWidth.of(first) + DisplayWidth.of(last) + 1 > span
                ? first : first + String(repeating: " ", count: span - DisplayWidth.of(first) - DisplayWidth.of(last)) + last
            labels.append(DisplayWidth.truncate(text, to: room), Style(foreground: TerminalPalette.muted))
        }
        lines.append(labels)
        return lines
    }

    /// The character and colour of one cell of a period's column at `level` (≥ 1 above the axis, ≤ -1 below).
    private func cell(_ period: LifecycleModel.Period, level: Int, up: Int, down: Int) -> (Character, UInt8) {
        if level < 0 {
            let depth = model.maxDormant > 0 ? Int((period.dormant / model.maxDormant * Double(down)).rounded()) : 0
            return -level <= depth ? (Self.fills[3], Self.colors[3]) : (" ", 0)
        }
        var stacked = 0.0
        for (i, value) in period.active.enumerated() {
            stacked += value
            let height = model.maxActive > 0 ? Int((stacked / model.maxActive * Double(up)).rounded()) : 0
            if level <= height { return (Self.fills[i], Self.colors[i]) }
        }
        return (" ", 0)
    }
}
