import SiklusCharts
/// The characters and value formatting of one aligned-table mode (`box`, `table`, `plain`).
struct GridStyle: Sendable {
    /// Left, junction, right and fill characters of one horizontal rule.
    struct Rule: Sendable {
        var left: String, junction: String, right: String, fill: String
    }

    /// Rule above the header; nil draws none.
    var top: Rule?
    /// Rule between the header and the rows.
    var headerSeparator: Rule?
    /// Rule below the last row.
    var bottom: Rule?
    /// Left border, column separator and right border of a text row (padding included).
    var rowLeft: String, rowSeparator: String, rowRight: String
    /// True when a null shows as a dim `·` on a colour terminal.
    var marksNulls: Bool
    /// True when a footer (row count, time) and the title are printed.
    var showsFooter: Bool

    /// Unicode box drawing: the terminal default.
    static let box = GridStyle(
        top: Rule(left: "┌─", junction: "─┬─", right: "─┐", fill: "─"),
        headerSeparator: Rule(left: "├─", junction: "─┼─", right: "─┤", fill: "─"),
        bottom: Rule(left: "└─", junction: "─┴─", right: "─┘", fill: "─"),
        rowLeft: "│ ", rowSeparator: " │ ", rowRight: " │", marksNulls: true, showsFooter: true)

    /// The same layout in ASCII.
    static let ascii = GridStyle(
        top: Rule(left: "+-", junction: "-+-", right: "-+", fill: "-"),
        headerSeparator: Rule(left: "+-", junction: "-+-", right: "-+", fill: "-"),
        bottom: Rule(left: "+-", junction: "-+-", right: "-+", fill: "-"),
        rowLeft: "| ", rowSeparator: " | ", rowRight: " |", marksNulls: false, showsFooter: true)

    /// Columns separated by two spaces, no rules, no footer: for pipes, `grep` and `awk`.
    static let plain = GridStyle(
        top: nil, headerSeparator: nil, bottom: nil,
        rowLeft: "", rowSeparator: "  ", rowRight: "", marksNulls: false, showsFooter: false)

    /// Columns of border and padding around `columnCount` columns.
    func overhead(columnCount: Int) -> Int {
        guard columnCount > 0 else { return 0 }
        return DisplayWidth.of(rowLeft) + DisplayWidth.of(rowRight) + DisplayWidth.of(rowSeparator) * (columnCount - 1)
    }
}
