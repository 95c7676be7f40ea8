import SiklusLanguage
/// Draws a `FunnelModel` as horizontal bars, one per step, scaled to the first step.
///
/// Each bar is followed by a faint ░ ghost up to the previous step's length, so the drop-off
/// between steps is visible at a glance; counts and conversion rates sit in aligned columns.
struct FunnelRenderer {
    let model: FunnelModel
    let options: ChartOptions

    /// Widths of the columns; a nil rate column is left out for lack of room.
    private struct Layout {
        var name: Int
        var count: Int
        var bar: Int
        var previous: Int?
        var first: Int?
        var median: Int?
    }

    private static let minimumBar = 5

    func render() throws -> [StyledLine] {
        guard let layout = fit() else {
            throw ChartError.tooSmall(kind: .funnelBars, width: options.width, height: options.height, minWidth: 30, minHeight: 3)
        }
        var lines = [TerminalLayout.title(model.title, width: options.width), header(layout)]
        let grouped = model.groupHeader != nil
        guard options.height - lines.count >= (grouped ? 2 : 1) else {
            throw ChartError.tooSmall(kind: .funnelBars, width: options.width, height: options.height,
                                      minWidth: 30, minHeight: lines.count + (grouped ? 2 : 1))
        }
        var hiddenSteps = 0
        var shown = 0
        for funnel in model.funnels {
            let remaining = options.height - lines.count
            let headingLines = grouped ? 1 : 0
            let noteLine = shown + 1 < model.funnels.count ? 1 : 0
            var visibleSteps = funnel.steps.count
            if headingLines + visibleSteps + noteLine > remaining {
                // Later funnels are drawn whole or not at all; the first is cut to fit.
                if shown > 0 { break }
                visibleSteps = max(1, remaining - headingLines - 1)
                hiddenSteps = funnel.steps.count - visibleSteps
            }
            if let label = funnel.label, grouped {
                let heading = (model.groupHeader ?? "") + " " + label
                lines.append(StyledLine(DisplayWidth.truncate(heading, to: options.width), Style(bold: true)))
            }
            // Presentation mode draws a lone funnel's bars two lines thick when every step still fits.
            let thick = options.present && model.funnels.count == 1 && visibleSteps * 2 <= remaining
            for (index, step) in funnel.steps.prefix(visibleSteps).enumerated() {
                let previous = index > 0 ? funnel.steps[index - 1].customers : nil
                lines.append(stepLine(step, previousCustomers: previous, scale: funnel.scale, layout: layout, indent: grouped))
                if thick {
                    lines.append(stepLine(step, previousCustomers: previous, scale: funnel.scale, layout: layout, indent: grouped, barOnly: true))
                }
            }
            shown += 1
            if hiddenSteps > 0 { break }
        }
        var hidden: [String] = []
        if hiddenSteps > 0 { hidden.append("\(hiddenSteps) more step\(hiddenSteps == 1 ? "" : "s")") }
        let hiddenFunnels = model.funnels.count - shown
        if hiddenFunnels > 0 {
            hidden.append("\(hiddenFunnels) more \(model.groupHeader ?? "group")\(hiddenFunnels == 1 ? "" : "s")")
        }
        if !hidden.isEmpty, lines.count < options.height {
            lines.append(TerminalLayout.note("… " + TerminalLayout.list(hidden) + " not shown", width: options.width))
        }
        return lines
    }

    private func countText(_ value: Double) -> String { ValueFormatter.display(value, unit: .count) }
    private func percentText(_ value: Double?) -> String { value.map { ValueFormatter.display($0, unit: .percent) } ?? "—" }
    private func daysText(_ value: Double?) -> String { value.map { ValueFormatter.compact($0, unit: .days) } ?? "—" }

    /// Drops the median, then the of-first column, then narrows names, until the bar has room.
    private func fit() -> Layout? {
        let steps = model.funnels.flatMap(\.steps)
        let indent = model.groupHeader == nil ? 0 : 2
        let nameNatural = max(4, steps.map { DisplayWidth.of($0.name) }.max() ?? 0) + indent
        let count = max(max(9, DisplayWidth.of(ChartWords.header("customers"))), steps.map { DisplayWidth.of(countText($0.customers)) }.max() ?? 0)
        let previous = max(DisplayWidth.of(Self.ofPrevious), steps.map { DisplayWidth.of(percentText($0.fromPrevious)) }.max() ?? 0)
        let first = max(DisplayWidth.of(Self.ofFirst), steps.map { DisplayWidth.of(percentText($0.fromFirst)) }.max() ?? 0)
        let median = max(DisplayWidth.of(Self.median), steps.map { DisplayWidth.of(daysText($0.medianDays)) }.max() ?? 0)
        let candidates: [(Int, Int?, Int?, Int?, Int)] = [
            (min(nameNatural, 24), previous, first, median, 12),
            (min(nameNatural, 18), previous, first, nil, 12),
            (min(nameNatural, 14), previous, nil, nil, 10),
            (min(nameNatural, 10), previous, nil, nil, FunnelRenderer.minimumBar),
            (min(nameNatural, 8), nil, nil, nil, FunnelRenderer.minimumBar),
        ]
        for (name, previous, first, median, minimumBar) in candidates {
            let rates = [previous, first, median].compactMap { $0 }.reduce(0) { $0 + $1 + 2 }
            let bar = options.width - name - 1 - count - 1 - rates
            if bar >= minimumBar {
                return Layout(name: name, count: count, bar: bar, previous: previous, first: first, median: median)
            }
        }
        return nil
    }

    /// The rate columns' headers (`of prev`, `of first`, `median`), in the current language.
    private static var ofPrevious: String { MessageCatalog.text("chart.of_prev") }
    private static var ofFirst: String { MessageCatalog.text("chart.of_first") }
    private static var median: String { MessageCatalog.text("chart.median") }

    private func header(_ layout: Layout) -> StyledLine {
        var text = DisplayWidth.pad(ChartWords.header("step"), to: layout.name) + " " + DisplayWidth.pad(ChartWords.header("customers"), to: layout.count, alignRight: true)
        text += String(repeating: " ", count: layout.bar + 1)
        for (title, width) in [(Self.ofPrevious, layout.previous), (Self.ofFirst, layout.first), (Self.median, layout.median)] {
            if let width { text += "  " + DisplayWidth.pad(title, to: width, alignRight: true) }
        }
        return StyledLine(text, Style(bold: true))
    }

    /// A step's line: name, count, bar (and ghost), rates; `barOnly` leaves the text out (a thick bar's second line).
    private func stepLine(_ step: FunnelModel.Step, previousCustomers: Double?, scale: Double, layout: Layout, indent: Bool,
                          barOnly: Bool = false) -> StyledLine {
        let name = barOnly ? "" : (indent ? "  " : "") + DisplayWidth.truncate(step.name, to: layout.name - (indent ? 2 : 0))
        let bold = options.present && !barOnly ? Style(bold: true) : nil
        var line = StyledLine(DisplayWidth.pad(name, to: layout.name), bold)
        line.append(" " + DisplayWidth.pad(barOnly ? "" : countText(step.customers), to: layout.count, alignRight: true) + " ", bold)
        let length = scale > 0 ? min(1, max(0, step.customers / scale)) * Double(layout.bar) : 0
        let bar = BlockBar.bar(length: length)
        line.append(bar, Style(foreground: TerminalPalette.bar))
        // The ghost reaches the previous step's bar end: what was lost at this step.
        if let previousCustomers, scale > 0 {
            let previousCells = Int((min(1, previousCustomers / scale) * Double(layout.bar)).rounded())
            let ghost = max(0, previousCells - DisplayWidth.of(bar))
            line.append(String(repeating: "░", count: ghost), Style(foreground: TerminalPalette.ghost))
        }
        line.pad(to: layout.name + 1 + layout.count + 1 + layout.bar)
        if barOnly { return line }
        let rates: [(String, Int?)] = [(percentText(step.fromPrevious), layout.previous),
                                       (percentText(step.fromFirst), layout.first),
                                       (daysText(step.medianDays), layout.median)]
        for (text, width) in rates {
            if let width { line.append("  " + DisplayWidth.pad(text, to: width, alignRight: true)) }
        }
        return line
    }
}
