/// Draws a `PathFlowModel` in the terminal as columns, one per position of the paths: each node's name
/// and flow, a bar scaled to the largest flow, and its largest transition (`→ next 977`).
struct PathFlowRenderer {
    let model: PathFlowModel
    let options: ChartOptions

    static let minimumColumnWidth = 14

    func render() throws -> [StyledLine] {
        let shown = min(model.columns.count, options.width / Self.minimumColumnWidth)
        guard shown >= 1, options.height >= 5 else {
            throw ChartError.tooSmall(kind: .pathFlow, width: options.width, height: options.height,
                                      minWidth: Self.minimumColumnWidth, minHeight: 5)
        }
        let width = options.width / shown
        var lines = [TerminalLayout.title(model.title, width: options.width)]
        var header = StyledLine()
        for k in 0..<shown { header.append(DisplayWidth.pad(DisplayWidth.truncate("event \(k + 1)", to: width - 1), to: width), Style(bold: true)) }
        lines.append(header)
        let notes = model.columns.count > shown ? 1 : 0
        let rows = min((options.height - lines.count - notes) / 2, model.columns.prefix(shown).map(\.count).max() ?? 0)
        let scale = model.maximumFlow, barWidth = Double(max(1, width / 3))
        for i in 0..<rows {
            var name = StyledLine(), flow = StyledLine()
            for k in 0..<shown {
                let column = model.columns[k]
                guard i < column.count else {
                    name.append(String(repeating: " ", count: width))
                    flow.append(String(repeating: " ", count: width))
                    continue
                }
                let node = column[i]
                let count = ValueFormatter.display(node.flow, unit: .count)
                let label = DisplayWidth.truncate(node.name, to: max(1, width - DisplayWidth.of(count) - 2))
                name.append(DisplayWidth.pad(label + " " + count, to: width))
                let bar = BlockBar.bar(length: scale > 0 ? node.flow / scale * barWidth : 0)
                var next = ""
                if let edge = node.edges.first, k + 1 < model.columns.count {
                    next = " → " + model.columns[k + 1][edge.to].name
                }
                let room = width - DisplayWidth.of(bar) - 1
                flow.append(bar, Style(foreground: TerminalPalette.bar))
                flow.append(DisplayWidth.pad(DisplayWidth.truncate(next, to: max(0, room)), to: max(0, width - DisplayWidth.of(bar))))
            }
            lines += [name, flow]
        }
        if notes > 0 {
            lines.append(TerminalLayout.note("… \(model.columns.count - shown) more positions not shown (widen the terminal or use `steps`)",
                                             width: options.width))
        }
        return lines
    }
}
