/// Draws a `GroupedStageShareModel` as SVG: one 100% bar of `<rect class="segment">` per group with
/// its label on the left and its customers on the right, shares written inside wide segments, and
/// one legend of stages (`<rect class="swatch">`) under the bars.
struct SVGGroupedStackedBar {
    let model: GroupedStageShareModel
    let title: String

    private let barWidth = 560.0
    private let rowHeight = 34.0

    func render(standalone: Bool) -> String {
        let left = 20.0
        let labelWidth = max(80, (model.groups.map { SVGDocument.textWidth($0.label, size: 12) }.max() ?? 0) + 16,
                             SVGDocument.textWidth(model.groupHeader, size: 12) + 16)
        let barLeft = left + labelWidth
        let countX = barLeft + barWidth + 80
        let top = 66.0
        let legendTop = top + Double(model.groups.count) * rowHeight + 24
        let legendRows = (model.stages.count + 3) / 4
        var svg = SVGDocument(width: countX + 20, height: legendTop + Double(legendRows) * 22 + 12)
        svg.text(title, x: left, y: 28, size: 16, bold: true, cssClass: "chart-title")
        svg.text(model.groupHeader, x: left, y: top - 10, bold: true, cssClass: "axis-title")
        svg.text("share of customers in each stage", x: barLeft, y: top - 10, bold: true, cssClass: "axis-title")
        svg.text(ChartWords.header("customers"), x: countX, y: top - 10, anchor: .end, bold: true, cssClass: "axis-title")
        for (row, group) in model.groups.enumerated() {
            let y = top + Double(row) * rowHeight
            svg.text(group.label, x: left, y: y + rowHeight / 2 + 4, cssClass: "bar-label")
            let total = group.share.entries.map { max(0, $0.share) }.reduce(0, +)
            var x = barLeft
            for (index, entry) in group.share.entries.enumerated() where entry.share > 0 && total > 0 {
                let width = entry.share / total * barWidth
                let share = ValueFormatter.display(entry.share, unit: .percent)
                let count = entry.customers.map { ", \(ValueFormatter.display($0, unit: .count)) customers" } ?? ""
                svg.rect(x: x, y: y + 4, width: width, height: rowHeight - 8, fill: SVGPalette.stage(index), cssClass: "segment",
                         tooltip: "\(group.label), \(ChartWords.stage(entry.stage)): \(share)\(count)")
                let label = ValueFormatter.compact(entry.share, unit: .percent)
                if SVGDocument.textWidth(label, size: 11) + 8 < width {
                    svg.text(label, x: x + width / 2, y: y + rowHeight / 2 + 4, anchor: .middle, size: 11,
                             fill: SVGPalette.stageText(index), cssClass: "segment-label")
                }
                x += width
            }
            if let customers = group.share.total {
                svg.text(ValueFormatter.display(customers, unit: .count), x: countX, y: y + rowHeight / 2 + 4, anchor: .end,
                         fill: SVGPalette.muted, cssClass: "bar-value")
            }
        }
        for (index, stage) in model.stages.enumerated() {
            let x = left + Double(index % 4) * 170
            let y = legendTop + Double(index / 4) * 22
            svg.rect(x: x, y: y - 11, width: 14, height: 14, fill: SVGPalette.stage(index), cssClass: "swatch", radius: 2)
            svg.text(ChartWords.stage(stage), x: x + 22, y: y, cssClass: "legend-label")
        }
        return svg.rendered(title: title, standalone: standalone)
    }
}
