/// Draws a `StageShareModel` as one SVG bar of `<rect class="segment">` per stage with a share,
/// shares written inside wide segments, and a legend of swatch, stage, share and count.
struct SVGStackedBar {
    let model: StageShareModel
    let title: String

    func render(standalone: Bool) -> String {
        let barWidth = 680.0
        let left = 20.0
        let legendTop = 120.0
        var svg = SVGDocument(width: barWidth + 2 * left, height: legendTop + Double(model.entries.count) * 22 + 20)
        svg.text(title, x: left, y: 28, size: 16, bold: true, cssClass: "chart-title")
        let total = model.entries.map { max(0, $0.share) }.reduce(0, +)
        var x = left
        for (index, entry) in model.entries.enumerated() where entry.share > 0 && total > 0 {
            let width = entry.share / total * barWidth
            let share = ValueFormatter.display(entry.share, unit: .percent)
            let count = entry.customers.map { ", \(ValueFormatter.display($0, unit: .count)) customers" } ?? ""
            svg.rect(x: x, y: 50, width: width, height: 44, fill: SVGPalette.stage(index), cssClass: "segment",
                     tooltip: "\(ChartWords.stage(entry.stage)): \(share)\(count)")
            let label = ValueFormatter.compact(entry.share, unit: .percent)
            if SVGDocument.textWidth(label, size: 12) + 8 < width {
                svg.text(label, x: x + width / 2, y: 76, anchor: .middle, fill: SVGPalette.stageText(index), cssClass: "segment-label")
            }
            x += width
        }
        for (index, entry) in model.entries.enumerated() {
            let y = legendTop + Double(index) * 22
            svg.rect(x: left, y: y - 11, width: 14, height: 14, fill: SVGPalette.stage(index), cssClass: "swatch", radius: 2)
            svg.text(ChartWords.stage(entry.stage), x: left + 22, y: y, cssClass: "legend-label")
            svg.text(ValueFormatter.display(entry.share, unit: .percent), x: left + 200, y: y, anchor: .end, cssClass: "legend-share")
            if let customers = entry.customers {
                svg.text(ValueFormatter.display(customers, unit: .count), x: left + 290, y: y, anchor: .end,
                         fill: SVGPalette.muted, cssClass: "legend-count")
            }
        }
        return svg.rendered(title: title, standalone: standalone)
    }
}
