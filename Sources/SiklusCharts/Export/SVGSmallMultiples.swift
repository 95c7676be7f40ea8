/// Draws a `SmallMultiplesModel` as SVG: the group labels once on the left, then one panel per metric
/// (its title over a column of `<rect class="bar">`, each value after its bar), side by side; past
/// `panelsPerRow` panels the next row repeats the labels.
struct SVGSmallMultiples {
    let model: SmallMultiplesModel
    let title: String

    static let panelsPerRow = 4
    private let rowHeight = 26.0
    private let barArea = 170.0

    func render(standalone: Bool) -> String {
        let left = 20.0
        let labelWidth = max(80, (model.labels.map { SVGDocument.textWidth($0, size: 12) }.max() ?? 0) + 16,
                             SVGDocument.textWidth(model.labelHeader, size: 12) + 16)
        let valueWidths = model.panels.map { panel in
            max(panel.texts.map { SVGDocument.textWidth($0, size: 12) }.max() ?? 0, SVGDocument.textWidth(panel.title, size: 12) - barArea) + 24
        }
        let panelRows = stride(from: 0, to: model.panels.count, by: Self.panelsPerRow).map {
            Array($0..<min($0 + Self.panelsPerRow, model.panels.count))
        }
        let blockHeight = 30 + Double(model.labels.count) * rowHeight + 20
        let rowWidths = panelRows.map { row in row.reduce(0.0) { $0 + barArea + valueWidths[$1] } }
        var svg = SVGDocument(width: left + labelWidth + (rowWidths.max() ?? 0) + 20, height: 50 + Double(panelRows.count) * blockHeight)
        svg.text(title, x: left, y: 28, size: 16, bold: true, cssClass: "chart-title")
        for (block, panels) in panelRows.enumerated() {
            let top = 50 + Double(block) * blockHeight
            svg.text(model.labelHeader, x: left, y: top + 14, bold: true, cssClass: "axis-title")
            for (row, label) in model.labels.enumerated() {
                svg.text(label, x: left, y: top + 30 + Double(row) * rowHeight + rowHeight / 2 + 4, cssClass: "bar-label")
            }
            var x = left + labelWidth
            for index in panels {
                drawPanel(&svg, model.panels[index], index: index, x: x, top: top)
                x += barArea + valueWidths[index]
            }
        }
        return svg.rendered(title: title, standalone: standalone)
    }

    private func drawPanel(_ svg: inout SVGDocument, _ panel: SmallMultiplesModel.Panel, index: Int, x: Double, top: Double) {
        svg.text(panel.title, x: x, y: top + 14, bold: true, cssClass: "panel-title")
        svg.line(x1: x, y1: top + 24, x2: x, y2: top + 30 + Double(model.labels.count) * rowHeight, stroke: SVGPalette.axis, cssClass: "axis")
        let scale = panel.scale
        for (row, text) in panel.texts.enumerated() {
            let y = top + 30 + Double(row) * rowHeight
            let length = scale > 0 ? barArea * abs(panel.values[row] ?? 0) / scale : 0
            svg.rect(x: x, y: y + 4, width: length, height: rowHeight - 8, fill: SVGPalette.series(index), cssClass: "bar",
                     tooltip: "\(model.labels[row]), \(panel.metric): \(text)", radius: 2)
            svg.text(text, x: x + length + 6, y: y + rowHeight / 2 + 4, fill: SVGPalette.muted, cssClass: "bar-value")
        }
    }
}
