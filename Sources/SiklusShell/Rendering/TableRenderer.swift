import SiklusEngine

/// What a renderer may use besides the table itself.
public struct RenderOptions: Sendable {
    /// Terminal width to fit the table into; nil means no limit (files, pipes).
    public var maxWidth: Int?
    /// True when ANSI colour may be used.
    public var color: Bool
    /// Seconds the statement took, shown in the footer when set (`.timer on`).
    public var elapsed: Double?

    public init(maxWidth: Int? = nil, color: Bool = false, elapsed: Double? = nil) {
        self.maxWidth = maxWidth
        self.color = color
        self.elapsed = elapsed
    }
}

/// Turns a `ResultTable` into text for one output mode. Output always ends with a newline.
public protocol TableRenderer: Sendable {
    /// The complete text for `table`.
    func render(_ table: ResultTable, options: RenderOptions) -> String
}
