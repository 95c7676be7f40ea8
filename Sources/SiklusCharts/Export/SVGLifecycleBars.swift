/// Draws a `LifecycleModel` as SVG stacked columns: new, returning and resurrecting above the zero line,
/// dormant below it, one column per period, with a legend.
struct SVGLifecycleBars {
    let model: LifecycleModel
    let title: String

    static let fills = ["#59a14f", "#4e79a7", "#edc948", "#e15759"]

    func render(standalone: Bool) -> String {
        let left = 60.0, plotWidth = max(400, min(1000, Double(model.periods.count) * 24)), plotTop = 70.0, plotHeight = 300.0
        var svg = SVGDocument(width: left + plotWidth + 20, height: plotTop + plotHeight + 50)
        svg.text(title, x: 20, y: 28, size: 16, bold: true, cssClass: "chart-title")
        for (i, name) in LifecycleModel.classes.enumerated() {
            svg.rect(x: left + Double(i) * 120, y: 40, width: 12, height: 12, fill: Self.fills[i], cssClass: "swatch", radius: 2)
            svg.text(name, x: left + Double(i) * 120 + 18, y: 51, cssClass: "legend-label")
        }
        let total = model.maxActive + model.maxDormant
        let scale = total > 0 ? plotHeight / total : 0
        let axis = plotTop + model.maxActive * scale
        let step = plotWidth / Double(max(1, model.periods.count)), width = max(1, step * 0.8)
        for (p, period) in model.periods.enumerated() {
            let x = left + Double(p) * step
            var y = axis
            for (i, value) in period.active.enumerated() where value > 0 {
                svg.rect(x: x, y: y - value * scale, width: width, height: value * scale, fill: Self.fills[i], cssClass: "segment",
                         tooltip: "\(period.label) \(LifecycleModel.classes[i]): \(ValueFormatter.display(value, unit: .count))")
                y -= value * scale
            }
            if period.dormant > 0 {
                svg.rect(x: x, y: axis, width: width, height: period.dormant * scale, fill: Self.fills[3], cssClass: "segment",
                         tooltip: "\(period.label) dormant: -\(ValueFormatter.display(period.dormant, unit: .count))")
            }
        }
        svg.line(x1: left, y1: axis, x2: left + plotWidth, y2: axis, stroke: SVGPalette.axis, cssClass: "axis")
        svg.text("0", x: left - 6, y: axis + 4, anchor: .end, fill: SVGPalette.muted, cssClass: "tick")
        if let first = model.periods.first, let last = model.periods.last {
            svg.text(first.label, x: left, y: plotTop + plotHeight + 30, fill: SVGPalette.muted, cssClass: "tick")
            svg.text(last.label, x: left + plotWidth, y: plotTop + plotHeight + 30, anchor: .end, fill: SVGPalette.muted, cssClass: "tick")
        }
        return svg.rendered(title: title, standalone: standalone)
    }
}
