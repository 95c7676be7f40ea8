/// Draws a `SeriesModel` as SVG line charts: per metric a panel with gridlines, y ticks carrying
/// the unit, period labels, one `<polyline class="series">` per group and a point with a
/// tooltip for each value.
struct SVGLineChart {
    let model: SeriesModel
    let title: String

    private let width = 820.0
    private let panelHeight = 250.0
    private let plotHeight = 170.0

    func render(standalone: Bool) -> String {
        let legendHeight = model.seriesNames.count > 1 ? 28.0 : 0
        let top = 44 + legendHeight
        var svg = SVGDocument(width: width, height: top + Double(model.panels.count) * panelHeight + 10)
        svg.text(title, x: 20, y: 28, size: 16, bold: true, cssClass: "chart-title")
        if legendHeight > 0 { drawLegend(&svg, y: 52) }
        for (index, panel) in model.panels.enumerated() {
            drawPanel(&svg, panel: panel, top: top + Double(index) * panelHeight)
        }
        return svg.rendered(title: title, standalone: standalone)
    }

    private func drawLegend(_ svg: inout SVGDocument, y: Double) {
        var x = 20.0
        if let header = model.groupHeader {
            svg.text(header + ":", x: x, y: y + 4, fill: SVGPalette.muted, cssClass: "legend-title")
            x += SVGDocument.textWidth(header + ":", size: 12) + 10
        }
        for (index, name) in model.seriesNames.enumerated() {
            svg.line(x1: x, y1: y, x2: x + 18, y2: y, stroke: SVGPalette.series(index), width: 3, cssClass: "legend-swatch")
            svg.text(name, x: x + 24, y: y + 4, cssClass: "legend-label")
            x += 24 + SVGDocument.textWidth(name, size: 12) + 18
        }
    }

    private func drawPanel(_ svg: inout SVGDocument, panel: SeriesModel.Panel, top: Double) {
        svg.text(panel.axisTitle, x: 20, y: top + 14, bold: true, cssClass: "axis-title")
        guard let range = panel.range else {
            svg.text("no values", x: 20, y: top + 40, fill: SVGPalette.muted)
            return
        }
        let scale = NiceScale(dataMin: range.min, dataMax: range.max, maxTicks: 6)
        let formatter = AxisFormatter(scale: scale, unit: panel.unit)
        let labelWidth = scale.ticks.map { SVGDocument.textWidth(formatter.label($0), size: 11) }.max() ?? 20
        let left = 20 + labelWidth + 10
        let right = width - 30
        let plotTop = top + 30
        let plotBottom = plotTop + plotHeight
        func y(_ value: Double) -> Double {
            plotBottom - (value - scale.lower) / (scale.upper - scale.lower) * plotHeight
        }
        func x(_ index: Int) -> Double {
            model.xLabels.count > 1 ? left + Double(index) * (right - left) / Double(model.xLabels.count - 1) : (left + right) / 2
        }

        for tick in scale.ticks {
            svg.line(x1: left, y1: y(tick), x2: right, y2: y(tick), stroke: SVGPalette.grid, cssClass: "grid")
            svg.text(formatter.label(tick), x: left - 8, y: y(tick) + 4, anchor: .end, size: 11,
                     fill: SVGPalette.muted, cssClass: "tick-label")
        }
        svg.line(x1: left, y1: plotBottom, x2: right, y2: plotBottom, stroke: SVGPalette.axis, cssClass: "axis")

        let spacing = model.xLabels.count > 1 ? (right - left) / Double(model.xLabels.count - 1) : right - left
        let widest = model.xLabels.map { SVGDocument.textWidth($0, size: 11) }.max() ?? 0
        let stride = max(1, Int(((widest + 12) / max(spacing, 1)).rounded(.up)))
        for index in Swift.stride(from: 0, to: model.xLabels.count, by: stride) {
            svg.line(x1: x(index), y1: plotBottom, x2: x(index), y2: plotBottom + 4, stroke: SVGPalette.axis, cssClass: "tick")
            svg.text(model.xLabels[index], x: x(index), y: plotBottom + 18, anchor: .middle, size: 11,
                     fill: SVGPalette.muted, cssClass: "tick-label")
        }
        svg.text(model.timeHeader, x: right, y: plotBottom + 36, anchor: .end, size: 11, fill: SVGPalette.muted, cssClass: "axis-title")

        for (seriesIndex, series) in panel.series.enumerated() {
            let color = SVGPalette.series(seriesIndex)
            // Nulls break the line: each unbroken run is its own polyline.
            var run: [(x: Double, y: Double)] = []
            for index in 0...series.values.count {
                if index < series.values.count, let value = series.values[index] {
                    run.append((x(index), y(value)))
                } else {
                    if run.count > 1 { svg.polyline(run, stroke: color, cssClass: "series", tooltip: series.name) }
                    run = []
                }
            }
            // Points carry the exact values as tooltips; past ~60 they would only add clutter.
            guard series.values.count <= 60 else { continue }
            for (index, value) in series.values.enumerated() {
                guard let value else { continue }
                let tip = "\(series.name), \(model.xLabels[index]): \(ValueFormatter.display(value, unit: panel.unit))"
                svg.circle(cx: x(index), cy: y(value), r: 3, fill: color, cssClass: "point", tooltip: tip)
            }
        }
    }
}
