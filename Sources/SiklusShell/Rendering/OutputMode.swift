/// How results are printed (`.mode`, `--mode`).
public enum OutputMode: String, Sendable, CaseIterable {
    /// Unicode box-drawn table: the default on a terminal.
    case box
    /// The box layout drawn with ASCII `+-|`.
    case table
    /// Aligned columns with no borders and no ANSI codes: the default when stdout is not a terminal.
    case plain
    /// RFC 4180 comma-separated values with a header row (LF line endings).
    case csv
    /// Tab-separated values with a header row, quoted like csv.
    case tsv
    /// One JSON array of objects per result, on one line (JSON Lines across results).
    case json
    /// A GitHub-flavoured Markdown table.
    case markdown
    /// One `column = value` line per cell, a blank line between rows (SQLite's `.mode line`).
    case line

    /// The renderer for this mode.
    public var renderer: TableRenderer {
        switch self {
        case .box: GridRenderer(style: .box)
        case .table: GridRenderer(style: .ascii)
        case .plain: GridRenderer(style: .plain)
        case .csv: DelimitedRenderer(delimiter: ",")
        case .tsv: DelimitedRenderer(delimiter: "\t")
        case .json: JSONRenderer()
        case .markdown: MarkdownRenderer()
        case .line: LineRenderer()
        }
    }

    /// What goes between two results written to the same place: a blank line, so csv/tsv readers and
    /// Markdown see separate tables; nothing for json, whose results are one line each (JSON Lines).
    public var resultSeparator: String { self == .json ? "" : "\n" }

    /// True for csv, tsv and json: data for another program, with exact values (full precision), never
    /// cut by `.maxrows`. The other modes are meant for reading and format numbers like box mode.
    public var isExact: Bool { self == .csv || self == .tsv || self == .json }

    /// True for the modes that print a footer (row count, time) as part of the table.
    public var hasFooter: Bool { self == .box || self == .table }

    /// The mode for a new shell: box on a terminal, plain otherwise.
    public static func defaultMode(outputIsTerminal: Bool) -> OutputMode { outputIsTerminal ? .box : .plain }
}
