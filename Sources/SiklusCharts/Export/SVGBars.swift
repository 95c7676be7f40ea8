import SiklusLanguage
/// Draws funnels and plain tables as SVG horizontal bars: one `<rect class="bar">` per step or
/// row, with a pale `ghost` rect behind funnel steps showing the previous step's length.
struct SVGBars {
    private struct Item {
        var label: String
        var length: Double
        var ghost: Double?
        var detail: String
        var tooltip: String
    }

    private static let rowHeight = 30.0
    private static let barArea = 380.0

    /// A funnel: bars scaled to each funnel's first step, conversion rates after the bar.
    static func funnel(_ model: FunnelModel, title: String, standalone: Bool) -> String {
        var groups: [(String?, [Item])] = []
        for funnel in model.funnels {
            let scale = funnel.scale
            let items = funnel.steps.enumerated().map { index, step -> Item in
                let count = ValueFormatter.display(step.customers, unit: .count)
                var parts = [count]
                if index > 0, let previous = step.fromPrevious { parts.append(MessageCatalog.text("chart.of_prev_value", ["value": ValueFormatter.display(previous, unit: .percent)])) }
                if let first = step.fromFirst, index > 0 { parts.append(MessageCatalog.text("chart.of_first_value", ["value": ValueFormatter.display(first, unit: .percent)])) }
                if let days = step.medianDays { parts.append(MessageCatalog.text("chart.median_value", ["value": ValueFormatter.display(days, unit: .days)])) }
                let previous = index > 0 ? funnel.steps[index - 1].customers : nil
                return Item(label: step.name, length: scale > 0 ? step.customers / scale : 0,
                            ghost: previous.map { scale > 0 ? $0 / scale : 0 },
                            detail: parts.joined(separator: " · "),
                            tooltip: "\(step.name): " + parts.joined(separator: ", "))
            }
            groups.append((funnel.label.map { "\(model.groupHeader ?? "") \($0)" }, items))
        }
        return render(groups: groups, title: title, standalone: standalone)
    }

    /// A label + number table: bars scaled to the largest magnitude, the value after the bar.
    static func table(_ model: BarModel, title: String, standalone: Bool) -> String {
        let scale = model.scale
        let items = model.bars.map { bar -> Item in
            let value = bar.value.map { ValueFormatter.display($0, unit: model.unit) } ?? "—"
            return Item(label: bar.label, length: scale > 0 ? abs(bar.value ?? 0) / scale : 0, ghost: nil,
                        detail: value, tooltip: "\(bar.label): \(value)")
        }
        return render(groups: [(nil, items)], title: title, standalone: standalone,
                      axisTitle: (model.labelHeader, AxisTitle.of(model.valueHeader, unit: model.unit)))
    }

    private static func render(groups: [(String?, [Item])], title: String, standalone: Bool,
                               axisTitle: (String, String)? = nil) -> String {
        let items = groups.flatMap(\.1)
        let labelWidth = max(80, (items.map { SVGDocument.textWidth($0.label, size: 12) }.max() ?? 0) + 16)
        let detailWidth = (items.map { SVGDocument.textWidth($0.detail, size: 12) }.max() ?? 0) + 16
        let barLeft = 20 + labelWidth
        let headings = groups.filter { $0.0 != nil }.count
        var y = 60.0
        let height = y + Double(items.count) * rowHeight + Double(headings) * 26 + 30
        var svg = SVGDocument(width: barLeft + barArea + detailWidth + 20, height: height)
        svg.text(title, x: 20, y: 28, size: 16, bold: true, cssClass: "chart-title")
        if let (labelTitle, valueTitle) = axisTitle {
            svg.text(labelTitle, x: 20, y: y - 8, bold: true, cssClass: "axis-title")
            svg.text(valueTitle, x: barLeft, y: y - 8, bold: true, cssClass: "axis-title")
        }
        for (heading, items) in groups {
            if let heading {
                svg.text(heading, x: 20, y: y + 18, bold: true, cssClass: "group-label")
                y += 26
            }
            for item in items {
                svg.text(item.label, x: 20, y: y + rowHeight / 2 + 4, cssClass: "bar-label")
                if let ghost = item.ghost, ghost > item.length {
                    svg.rect(x: barLeft, y: y + 4, width: barArea * min(1, ghost), height: rowHeight - 8,
                             fill: SVGPalette.ghost, cssClass: "ghost")
                }
                let length = barArea * min(1, item.length)
                svg.rect(x: barLeft, y: y + 4, width: length, height: rowHeight - 8, fill: SVGPalette.bar,
                         cssClass: "bar", tooltip: item.tooltip, radius: 2)
                let detailX = barLeft + max(length, item.ghost.map { barArea * min(1, $0) } ?? 0) + 8
                svg.text(item.detail, x: detailX, y: y + rowHeight / 2 + 4, fill: SVGPalette.muted, cssClass: "bar-value")
                y += rowHeight
            }
        }
        return svg.rendered(title: title, standalone: standalone)
    }
}
