/// Draws a `StageShareModel` as one full-width bar split into stage segments, with each share
/// written inside its segment when it fits, and a legend of stage, share and count below.
struct StackedBarRenderer {
    let model: StageShareModel
    let options: ChartOptions

    func render() throws -> [StyledLine] {
        guard options.width >= 20, options.height >= 3 else {
            throw ChartError.tooSmall(kind: .stackedBar, width: options.width, height: options.height, minWidth: 20, minHeight: 3)
        }
        let widths = model.segmentWidths(total: options.width)
        let legendVertical = legendRows()
        let legendHeight = legendVertical?.count ?? TerminalLayout.flow(flowEntries(), width: options.width).count
        // A two-row bar reads as a bar rather than a line of text, when there is room for it.
        let barRows = options.height >= 1 + 2 + 1 + legendHeight ? 2 : 1
        var lines = [TerminalLayout.title(model.title, width: options.width)]
        for row in 0..<barRows {
            // Shares are written inside segments only on colour, where text on a background reads
            // cleanly; among fill characters they are noise, and the legend lists them anyway.
            lines.append(barLine(widths: widths, labelled: options.color && row == barRows - 1))
        }
        let room = options.height - lines.count
        if let legendVertical, room > legendVertical.count {
            lines.append(StyledLine())
            lines += legendVertical
        } else {
            lines += Array(TerminalLayout.flow(flowEntries(), width: options.width).prefix(room))
        }
        return lines
    }

    private func fill(_ index: Int) -> Character { StageFill.character(index) }
    private func color(_ index: Int) -> UInt8 { StageFill.color(index) }
    private func shareText(_ share: Double) -> String { StageFill.shareText(share) }

    /// One row of the bar; the `labelled` row carries the share of each wide-enough segment.
    private func barLine(widths: [Int], labelled: Bool) -> StyledLine {
        var line = StyledLine()
        for (index, (entry, width)) in zip(model.entries, widths).enumerated() where width > 0 {
            let label = " " + shareText(entry.share) + " "
            let showLabel = labelled && width >= DisplayWidth.of(label) + 2
            if options.color {
                let background = color(index)
                let style = Style(foreground: TerminalPalette.foreground(on: background), background: background)
                let body = showLabel ? DisplayWidth.pad(label, to: width) : String(repeating: " ", count: width)
                line.append(body, style)
            } else {
                line.append(String(repeating: fill(index), count: width))
            }
        }
        return line
    }

    private func swatch(_ index: Int) -> StyledLine { StageFill.swatch(index, color: options.color) }

    /// One aligned line per stage: swatch, name, share, count; nil when too wide.
    private func legendRows() -> [StyledLine]? {
        let nameWidth = min(20, model.entries.map { DisplayWidth.of(ChartWords.stage($0.stage)) }.max() ?? 0)
        let shares = model.entries.map { ValueFormatter.display($0.share, unit: .percent) }
        let shareWidth = shares.map(DisplayWidth.of).max() ?? 0
        let counts = model.entries.map { $0.customers.map { ValueFormatter.display($0, unit: .count) } ?? "" }
        let countWidth = counts.map(DisplayWidth.of).max() ?? 0
        let total = 3 + nameWidth + 2 + shareWidth + 2 + countWidth
        guard total <= options.width else { return nil }
        return model.entries.indices.map { index in
            var line = swatch(index)
            line.append(" " + DisplayWidth.pad(ChartWords.stage(model.entries[index].stage), to: nameWidth))
            line.append("  " + DisplayWidth.pad(shares[index], to: shareWidth, alignRight: true))
            line.append("  " + DisplayWidth.pad(counts[index], to: countWidth, alignRight: true), Style(foreground: TerminalPalette.muted))
            return line
        }
    }

    /// Compact legend entries (`▓▓ education 18%`) for when the aligned one does not fit.
    private func flowEntries() -> [(swatch: StyledLine, label: String)] {
        model.entries.enumerated().map { index, entry in (swatch(index), "\(ChartWords.stage(entry.stage)) \(shareText(entry.share))") }
    }
}
