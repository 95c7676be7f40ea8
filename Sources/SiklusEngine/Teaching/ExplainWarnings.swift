import SiklusLanguage

/// The guardrails' warnings and notes in `explain` (issue 15): a `warnings` section right after the query,
/// as text on stdout with the rest of the explanation (which is explain's result), each rendered like an
/// error with a caret under the query. A warning located outside the explained text (in a `let`
/// variable's own text) is shown without its line, as the shell does for results.
enum ExplainWarnings {
    /// The section's lines (a blank line, `warnings`, the indented diagnostics), or none without warnings.
    /// `source` is nil when the explained text's file is unknown: then no warning shows a line.
    static func lines(_ warnings: [Diagnostic], statement: SourceSpan, in source: SourceFile?) -> [String] {
        guard !warnings.isEmpty else { return [] }
        var out = ["", MessageCatalog.text("explain.warnings")]
        for warning in warnings {
            let shown = warning.located(within: statement)
            let rendered: String
            if let source, shown.span != nil {
                rendered = shown.render(in: source)
            } else {
                rendered = ([shown.severity.rawValue + ": " + shown.message] + shown.hints.map { "  help: " + $0 }).joined(separator: "\n")
            }
            out += rendered.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        }
        return out
    }
}
