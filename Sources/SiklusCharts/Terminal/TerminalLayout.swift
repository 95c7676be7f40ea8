/// Pieces every terminal chart shares: the title and note lines, flowing legends, and the
/// stage-name abbreviations used when full names do not fit.
enum TerminalLayout {
    /// The chart title, cut to the width, bold on a colour terminal.
    static func title(_ text: String, width: Int) -> StyledLine {
        StyledLine(DisplayWidth.truncate(text, to: width), Style(bold: true))
    }

    /// A muted note line ("… 3 more cohorts not shown"), cut to the width.
    static func note(_ text: String, width: Int) -> StyledLine {
        StyledLine(DisplayWidth.truncate(text, to: width), Style(foreground: TerminalPalette.muted))
    }

    /// Legend entries laid out left to right, wrapping onto new lines at `width`, two spaces
    /// apart. An entry is a swatch (already styled) and its label.
    static func flow(_ entries: [(swatch: StyledLine, label: String)], prefix: String = "", width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        var line = StyledLine()
        if !prefix.isEmpty { line.append(prefix, Style(foreground: TerminalPalette.muted)) }
        for (index, entry) in entries.enumerated() {
            let label = DisplayWidth.truncate(entry.label, to: max(1, width - entry.swatch.width - 1))
            let needed = entry.swatch.width + 1 + DisplayWidth.of(label)
            let gap = line.width == 0 ? 0 : (index == 0 ? 1 : 2)
            if line.width > 0, line.width + gap + needed > width {
                lines.append(line)
                line = StyledLine()
            } else if gap > 0 {
                line.append(String(repeating: " ", count: gap))
            }
            for run in entry.swatch.runs { line.append(run.text, run.style) }
            line.append(" " + label)
        }
        if line.width > 0 { lines.append(line) }
        return lines
    }

    /// A short form of a lifecycle stage name for narrow column headers; other names unchanged.
    static func abbreviation(_ name: String) -> String { StageAbbreviation.of(name) }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
