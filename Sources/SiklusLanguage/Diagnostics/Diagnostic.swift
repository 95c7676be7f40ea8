/// A user-facing error or warning located in a source file.
///
/// Raised by the lexer, parser and engine; rendered by `render(in:color:)` in compiler style:
///
///     query.sik:1:33: error: unknown metric `avg_ordr`
///       cohort signup=2022-09 | metric avg_ordr
///                                      ^~~~~~~~
///       help: did you mean `avg_order`?
public struct Diagnostic: Error, Sendable, Equatable {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable {
        /// The statement cannot run.
        case error
        /// The statement runs, but something looks wrong.
        case warning
        /// The statement ran as written but read it a little differently (a value matched ignoring case).
        case note
    }

    /// Error or warning.
    public var severity: Severity
    /// One line saying what is wrong, with names in backticks: "unknown step `metrc`".
    public var message: String
    /// Where the problem is; `nil` for problems with no source position (e.g. a file that cannot be read).
    public var span: SourceSpan?
    /// Suggested fixes, each rendered on its own `help:` line.
    public var hints: [String]

    /// A diagnostic saying `message` about `span`, with optional `help:` hints.
    public init(_ message: String, at span: SourceSpan?, hints: [String] = [], severity: Severity = .error) {
        self.severity = severity
        self.message = message
        self.span = span
        self.hints = hints
    }

    /// Compiler-style text: `file:line:col: error: message`, the source line, a caret line, then hints.
    public func render(in source: SourceFile, color: Bool = false) -> String {
        let bold = color ? "\u{1B}[1m" : "", red = color ? "\u{1B}[31m" : "", cyan = color ? "\u{1B}[36m" : "", reset = color ? "\u{1B}[0m" : ""
        var out = ""
        let severity = MessageCatalog.text("diag." + self.severity.rawValue), help = MessageCatalog.text("diag.help") + ":"
        guard let span else {
            out = "\(bold)\(source.name): \(red)\(severity):\(reset)\(bold) \(message)\(reset)"
            for hint in hints { out += "\n  \(cyan)\(help)\(reset) \(hint)" }
            return out
        }
        let (line, column) = source.location(of: span.start)
        out = "\(bold)\(source.name):\(line):\(column): \(red)\(severity):\(reset)\(bold) \(message)\(reset)\n"
        let text = source.lineText(containing: span.start)
        out += "  \(text)\n"
        let (endLine, endColumn) = source.location(of: span.end)
        let width = endLine == line ? max(1, endColumn - column) : max(1, text.count - column + 1)
        out += "  " + String(repeating: " ", count: column - 1) + red + "^" + String(repeating: "~", count: width - 1) + reset
        for hint in hints { out += "\n  \(cyan)\(help)\(reset) \(hint)" }
        return out
    }
}
