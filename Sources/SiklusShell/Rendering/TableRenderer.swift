import SiklusEngine

/// What a renderer may use besides the table itself.
public struct RenderOptions: Sendable {
    /// Terminal width to fit the table into; nil means no limit (files, pipes).
    public var maxWidth: Int?
    /// True when ANSI colour may be used.
    public var color: Bool
    /// Seconds the statement took, shown in the footer when set (`.timer on`).
    public var elapsed: Double?
    /// The most rows the modes meant for reading show (`.maxrows`); nil or 0 shows all. The exact modes
    /// (csv, tsv, json) ignore it: their output is data and is never cut.
    public var maxRows: Int?
    /// Separators, currency, headers and stage names of the modes meant for reading (`set language`, `set currency`).
    public var locale: ReadingLocale = .english

    public init(maxWidth: Int? = nil, color: Bool = false, elapsed: Double? = nil, maxRows: Int? = nil) {
        self.maxWidth = maxWidth
        self.color = color
        self.elapsed = elapsed
        self.maxRows = maxRows
    }
}

/// Turns a `ResultTable` into text for one output mode. Output always ends with a newline.
public protocol TableRenderer: Sendable {
    /// The complete text for `table`.
    func render(_ table: ResultTable, options: RenderOptions) -> String
}
