import SiklusLanguage
/// Draws a `GroupedStageShareModel` as one labelled 100% bar per group, split into stage segments
/// (the same fill or colour for a stage in every bar), the group's customers after its bar, and one
/// legend of stages below. Groups that do not fit the height are counted in a note.
///
///     current stage as of 2023-12-31, by cohort
///     cohort     share of customers in each stage                   customers
///     affiliate  ██████████████▓▓▓▓▒▒▒▒▒░#+::::::                         496
///     ██ awareness  ▓▓ education  ▒▒ consideration  ░░ purchase  …
struct GroupedStackedBarRenderer {
    let model: GroupedStageShareModel
    let options: ChartOptions

    static let minimumBarWidth = 10

    func render() throws -> [StyledLine] {
        let layout = try GroupedBarLayout(model: model, options: options)
        let legend = TerminalLayout.flow(legendEntries(), width: options.width)
        var lines = [TerminalLayout.title(model.title, width: options.width)]
        var header = StyledLine(DisplayWidth.pad(DisplayWidth.truncate(model.groupHeader, to: layout.labelWidth), to: layout.labelWidth) + " ",
                                Style(bold: true))
        header.append(DisplayWidth.pad(DisplayWidth.truncate(MessageCatalog.text("chart.share_in_each_stage"), to: layout.barWidth), to: layout.barWidth),
                      Style(bold: true))
        if layout.showsCounts {
            header.append(" " + DisplayWidth.pad(ChartWords.header("customers"), to: layout.countWidth, alignRight: true), Style(bold: true))
        }
        lines.append(header)
        let room = options.height - lines.count - legend.count
        let shape = layout.groupRows(room: room, groups: model.groups.count)
        for group in model.groups.prefix(shape.shown) {
            for row in 0..<shape.rowsPerGroup {
                lines.append(barLine(group, layout: layout, first: row == 0, labelled: options.color && row == shape.rowsPerGroup - 1))
            }
        }
        if shape.shown < model.groups.count {
            let hidden = model.groups.count - shape.shown
            lines.append(TerminalLayout.note(MessageCatalog.text(hidden == 1 ? "chart.more_group" : "chart.more_groups", ["count": String(hidden)]), width: options.width))
        }
        return lines + legend.prefix(max(0, options.height - lines.count))
    }

    /// One row of a group's bar: the label (first row only), the segments, the count (first row only).
    private func barLine(_ group: GroupedStageShareModel.Group, layout: GroupedBarLayout, first: Bool, labelled: Bool) -> StyledLine {
        let label = first ? DisplayWidth.truncate(group.label, to: layout.labelWidth) : ""
        var line = StyledLine(DisplayWidth.pad(label, to: layout.labelWidth) + " ", options.present && first ? Style(bold: true) : nil)
        for (index, (entry, width)) in zip(group.share.entries, group.share.segmentWidths(total: layout.barWidth)).enumerated() where width > 0 {
            if options.color {
                let background = StageFill.color(index)
                let share = " " + StageFill.shareText(entry.share) + " "
                let body = labelled && width >= DisplayWidth.of(share) + 2 ? DisplayWidth.pad(share, to: width) : String(repeating: " ", count: width)
                line.append(body, Style(foreground: TerminalPalette.foreground(on: background), background: background))
            } else {
                line.append(String(repeating: StageFill.character(index), count: width))
            }
        }
        line.pad(to: layout.labelWidth + 1 + layout.barWidth)
        if layout.showsCounts, first {
            let count = group.share.total.map { ValueFormatter.display($0, unit: .count) } ?? ""
            line.append(" " + DisplayWidth.pad(count, to: layout.countWidth, alignRight: true), Style(foreground: TerminalPalette.muted))
        }
        return line
    }

    private func legendEntries() -> [(swatch: StyledLine, label: String)] {
        model.stages.indices.map { index in (StageFill.swatch(index, color: options.color), ChartWords.stage(model.stages[index])) }
    }
}

/// The fills and colours of stage segments, shared by the single and grouped stage share bars.
enum StageFill {
    static func character(_ index: Int) -> Character { TerminalPalette.stageFills[index % TerminalPalette.stageFills.count] }
    static func color(_ index: Int) -> UInt8 { TerminalPalette.stages[index % TerminalPalette.stages.count] }
    static func shareText(_ share: Double) -> String { ValueFormatter.compact(share, unit: .percent) }

    /// Two cells of the stage's colour, or of its fill character without colour.
    static func swatch(_ index: Int, color: Bool) -> StyledLine {
        color ? StyledLine("  ", Style(background: self.color(index))) : StyledLine(String(repeating: character(index), count: 2))
    }
}
