/// Where the panels of a small-multiples chart go, decided apart from drawing so it can be tested.
///
/// Side by side first: the group labels once on the left, then one column of bars per metric, each
/// bar followed by its value. When the bars would be narrower than `minimumBarWidth`, the panels are
/// stacked instead, each with its own title line and the labels repeated. What does not fit the
/// height is left out and counted (rows first when side by side, whole panels when stacked).
struct SmallMultiplesLayout: Equatable {
    enum Arrangement: Equatable {
        case sideBySide
        case stacked
    }

    var arrangement: Arrangement
    var labelWidth: Int
    /// The bar width of every panel (the same, so panels read alike).
    var barWidth: Int
    /// The widest value of each panel.
    var valueWidths: [Int]
    /// Panels drawn; stacked panels that do not fit are left out.
    var shownPanels: Int
    /// Rows (groups) drawn in each panel.
    var shownRows: Int
    /// Lines per bar: two in presentation mode when everything still fits.
    var linesPerBar: Int

    static let minimumBarWidth = 6
    /// Spaces between side-by-side panels.
    static let gap = 2

    init(labelWidths: [Int], headerWidth: Int, valueWidths: [Int], rows: Int, width: Int, height: Int, present: Bool) throws {
        precondition(!valueWidths.isEmpty, "small multiples need a panel")
        let panels = valueWidths.count
        labelWidth = min(max(headerWidth, labelWidths.max() ?? 0), max(8, width / 4))
        self.valueWidths = valueWidths
        let fixed = labelWidth + valueWidths.reduce(0) { $0 + Self.gap + 1 + $1 }
        let sideBar = (width - fixed) / panels
        // Title and the panel-title line above the rows.
        let sideRoom = height - 2
        if sideBar >= Self.minimumBarWidth, sideRoom >= 2 {
            arrangement = .sideBySide
            barWidth = sideBar
            shownPanels = panels
            linesPerBar = present && rows * 2 <= sideRoom ? 2 : 1
            shownRows = rows * linesPerBar <= sideRoom ? rows : max(1, sideRoom - 1)
            return
        }
        arrangement = .stacked
        barWidth = width - labelWidth - 1 - 1 - (valueWidths.max() ?? 0)
        guard barWidth >= Self.minimumBarWidth, height >= 5 else {
            throw ChartError.tooSmall(kind: .smallMultiples, width: width, height: height,
                                      minWidth: labelWidth + (valueWidths.max() ?? 0) + 2 + Self.minimumBarWidth, minHeight: 5)
        }
        let room = height - 1
        if panels * (1 + rows) <= room {
            shownPanels = panels
            shownRows = rows
            linesPerBar = present && panels * (1 + 2 * rows) <= room ? 2 : 1
            return
        }
        linesPerBar = 1
        // A line for the note naming the panels left out.
        let fitting = (room - 1) / (1 + rows)
        shownPanels = max(1, min(panels, fitting))
        // One panel cut short: its title, the rows that fit and a note counting the others.
        shownRows = fitting >= 1 ? rows : max(1, room - (panels > 1 ? 1 : 0) - 2)
    }
}
