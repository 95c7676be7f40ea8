/// The widths of a grouped stage share chart (label, bar, count columns) and how many rows each group
/// gets: the layout decisions, apart from drawing so they can be tested.
struct GroupedBarLayout: Equatable {
    var labelWidth: Int
    var barWidth: Int
    var countWidth: Int
    /// Whether the customers column fits beside bars at least `minimumBarWidth` wide.
    var showsCounts: Bool
    /// Two rows per bar in presentation mode, when every group still fits.
    var present: Bool

    /// Labels take what they need up to a quarter of the width (at least 8); the count column is
    /// dropped before the bar gets narrower than `GroupedStackedBarRenderer.minimumBarWidth`.
    init(labelWidths: [Int], headerWidth: Int, countWidths: [Int], width: Int, height: Int, present: Bool) throws {
        labelWidth = min(max(headerWidth, labelWidths.max() ?? 0), max(8, width / 4))
        countWidth = max(DisplayWidth.of(ChartWords.header("customers")), countWidths.max() ?? 0)
        let minimum = GroupedStackedBarRenderer.minimumBarWidth
        showsCounts = width - labelWidth - 1 - 1 - countWidth >= minimum
        barWidth = width - labelWidth - 1 - (showsCounts ? 1 + countWidth : 0)
        self.present = present
        guard barWidth >= minimum, height >= 4 else {
            throw ChartError.tooSmall(kind: .groupedStackedBar, width: width, height: height, minWidth: labelWidth + 1 + minimum, minHeight: 4)
        }
    }

    init(model: GroupedStageShareModel, options: ChartOptions) throws {
        try self.init(labelWidths: model.groups.map { DisplayWidth.of($0.label) }, headerWidth: DisplayWidth.of(model.groupHeader),
                      countWidths: model.groups.map { $0.share.total.map { DisplayWidth.of(ValueFormatter.display($0, unit: .count)) } ?? 0 },
                      width: options.width, height: options.height, present: options.present)
    }

    /// How many groups are drawn in `room` lines and with how many rows each: two in presentation mode
    /// when all groups fit so, else one; when even one row each is too many, the first ones and a note.
    func groupRows(room: Int, groups: Int) -> (shown: Int, rowsPerGroup: Int) {
        if present, groups * 2 <= room { return (groups, 2) }
        if groups <= room { return (groups, 1) }
        return (max(0, room - 1), 1)
    }
}
