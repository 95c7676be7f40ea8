/// Draws a `PathFlowModel` as an SVG Sankey: one column of node bars per position of the paths (height
/// proportional to flow) and a band per transition whose width is its count.
struct SVGPathFlow {
    let model: PathFlowModel
    let title: String

    private static let columnWidth = 190.0, nodeWidth = 12.0, area = 420.0, gap = 8.0, top = 60.0

    func render(standalone: Bool) -> String {
        let scale = model.maximumFlow > 0 ? Self.area / max(model.maximumFlow, model.columns.map { $0.reduce(0) { $0 + $1.flow } }.max() ?? 0) : 0
        // Node positions: stacked from the top of each column.
        var boxes: [[(y: Double, height: Double)]] = []
        for column in model.columns {
            var y = Self.top
            boxes.append(column.map { node in
                defer { y += max(2, node.flow * scale) + Self.gap }
                return (y, max(2, node.flow * scale))
            })
        }
        let height = (boxes.flatMap { $0.map { $0.y + $0.height } }.max() ?? Self.top) + 40
        var svg = SVGDocument(width: 40 + Double(model.columns.count) * Self.columnWidth, height: height)
        svg.text(title, x: 20, y: 28, size: 16, bold: true, cssClass: "chart-title")
        for (k, column) in model.columns.enumerated() {
            let x = 20 + Double(k) * Self.columnWidth
            var outOffsets = [Double](repeating: 0, count: column.count)
            var inOffsets = [Double](repeating: 0, count: k + 1 < model.columns.count ? model.columns[k + 1].count : 0)
            for (i, node) in column.enumerated() {
                for edge in node.edges where edge.to < inOffsets.count {
                    let band = max(1, edge.count * scale)
                    let y1 = boxes[k][i].y + outOffsets[i], y2 = boxes[k + 1][edge.to].y + inOffsets[edge.to]
                    outOffsets[i] += band
                    inOffsets[edge.to] += band
                    let tooltip = "\(node.name) → \(model.columns[k + 1][edge.to].name): \(ValueFormatter.display(edge.count, unit: .count))"
                    let (x1, x2) = (x + Self.nodeWidth, x + Self.columnWidth)
                    svg.polygon([(x1, y1), (x2, y2), (x2, y2 + band), (x1, y1 + band)], fill: SVGPalette.series(k), opacity: 0.25,
                                cssClass: "band", tooltip: tooltip)
                }
            }
            for (i, node) in column.enumerated() {
                let box = boxes[k][i]
                svg.rect(x: x, y: box.y, width: Self.nodeWidth, height: box.height, fill: SVGPalette.series(k), cssClass: "node",
                         tooltip: "\(node.name): \(ValueFormatter.display(node.flow, unit: .count))")
                svg.text("\(node.name) \(ValueFormatter.display(node.flow, unit: .count))", x: x + Self.nodeWidth + 4,
                         y: box.y + min(box.height, 14) - 2, size: 11, fill: SVGPalette.text, cssClass: "node-label")
            }
        }
        return svg.rendered(title: title, standalone: standalone)
    }
}
