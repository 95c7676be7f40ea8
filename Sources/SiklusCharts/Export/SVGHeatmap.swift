/// Draws a `HeatmapModel` as SVG: one `<rect class="cell">` per filled cell, coloured on a
/// continuous viridis scale, with its number inside and a tooltip naming row, column and value.
struct SVGHeatmap {
    let model: HeatmapModel
    let title: String

    private let cellHeight = 28.0
    /// Column headers wider than this are abbreviated rather than widening every cell further.
    private let maximumCellWidth = 110.0

    func render(standalone: Bool) -> String {
        let scale = model.shadeScale(levels: 5)
        // Cells widen to fit full column names (stage names), up to a limit.
        let widestHeader = model.columnLabels.map { SVGDocument.textWidth($0, size: 12) }.max() ?? 0
        let cellWidth = min(maximumCellWidth, max(56, widestHeader + 14))
        let labelWidth = max(70, (model.rows.map { SVGDocument.textWidth($0.label, size: 12) }.max() ?? 0) + 16)
        let sizeWidth = model.sizeHeader == nil ? 0.0 : 80
        let gridLeft = 20 + labelWidth + sizeWidth
        let top = 92.0
        let width = gridLeft + Double(model.columnLabels.count) * cellWidth + 20
        let height = top + Double(model.rows.count) * cellHeight + 70
        var svg = SVGDocument(width: max(width, 420), height: height)

        svg.text(title, x: 20, y: 28, size: 16, bold: true, cssClass: "chart-title")
        svg.text(model.columnTitle + " →", x: gridLeft, y: 56, fill: SVGPalette.muted, cssClass: "axis-title")
        svg.text(model.rowHeader, x: 20, y: top - 10, bold: true, cssClass: "axis-title")
        if let sizeHeader = model.sizeHeader {
            svg.text(sizeHeader, x: gridLeft - 12, y: top - 10, anchor: .end, bold: true, cssClass: "axis-title")
        }
        for (index, label) in model.columnLabels.enumerated() {
            let x = gridLeft + (Double(index) + 0.5) * cellWidth
            let shown = SVGDocument.textWidth(label, size: 12) + 14 > cellWidth ? TerminalLayout.abbreviation(label) : label
            svg.text(shown, x: x, y: top - 10, anchor: .middle, bold: true, cssClass: "column-label")
        }

        for (rowIndex, row) in model.rows.enumerated() {
            let y = top + Double(rowIndex) * cellHeight
            svg.text(row.label, x: 20, y: y + cellHeight / 2 + 4, cssClass: "row-label")
            if let size = row.size {
                svg.text(ValueFormatter.display(size, unit: .count), x: gridLeft - 12, y: y + cellHeight / 2 + 4,
                         anchor: .end, fill: SVGPalette.muted, cssClass: "row-size")
            }
            for (columnIndex, cell) in row.cells.enumerated() {
                guard let cell else { continue }
                let x = gridLeft + Double(columnIndex) * cellWidth
                let fraction = scale.fraction(cell.percent)
                let zero = cell.percent <= 0
                let text = ValueFormatter.compact(cell.value, unit: model.valueUnit)
                svg.rect(x: x + 1, y: y + 1, width: cellWidth - 2, height: cellHeight - 2,
                         fill: zero ? SVGPalette.zeroCell : SVGPalette.heat(fraction), cssClass: "cell",
                         tooltip: tooltip(row: row, column: model.columnLabels[columnIndex], cell: cell), radius: 2)
                svg.text(text, x: x + cellWidth / 2, y: y + cellHeight / 2 + 4, anchor: .middle, size: 11,
                         fill: zero ? SVGPalette.muted : SVGPalette.heatText(fraction), cssClass: "cell-value")
            }
        }
        drawLegend(&svg, scale: scale, x: gridLeft, y: top + Double(model.rows.count) * cellHeight + 24)
        return svg.rendered(title: title, standalone: standalone)
    }

    /// "2022-09, period 1: 42% (507 customers)" or "awareness → education: 1,210 (54%)".
    private func tooltip(row: HeatmapModel.Row, column: String, cell: HeatmapModel.Cell) -> String {
        let percent = ValueFormatter.display(cell.percent, unit: .percent)
        if model.sizeHeader != nil {
            let where_ = "\(row.label), period \(column)"
            return model.valueUnit == .percent
                ? "\(where_): \(percent)"
                : "\(where_): \(ValueFormatter.display(cell.value, unit: .count)) customers (\(percent))"
        }
        let value = model.valueUnit == .percent ? percent : "\(ValueFormatter.display(cell.value, unit: .count)) (\(percent))"
        return "\(row.label) → \(column): \(value)"
    }

    /// A gradient strip of small steps with its ends labelled, matching the continuous cells.
    private func drawLegend(_ svg: inout SVGDocument, scale: ShadeScale, x: Double, y: Double) {
        let steps = 20
        let stepWidth = 8.0
        svg.text(model.shadeMeaning, x: x, y: y + 10, fill: SVGPalette.muted, cssClass: "legend-title")
        let left = x + SVGDocument.textWidth(model.shadeMeaning, size: 12) + 12
        for step in 0..<steps {
            let fraction = (Double(step) + 0.5) / Double(steps)
            svg.rect(x: left + Double(step) * stepWidth, y: y, width: stepWidth, height: 12,
                     fill: SVGPalette.heat(fraction), cssClass: "legend-step")
        }
        let top = scale.step * Double(scale.levels)
        svg.text("0%", x: left, y: y + 28, size: 11, fill: SVGPalette.muted, cssClass: "legend-label")
        svg.text("≥" + ValueFormatter.compact(top, unit: .percent), x: left + Double(steps) * stepWidth, y: y + 28,
                 anchor: .end, size: 11, fill: SVGPalette.muted, cssClass: "legend-label")
    }
}
