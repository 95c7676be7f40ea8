import SiklusEngine
import SiklusLanguage

extension Shell {
    /// The guardrails' warnings and notes about a result (issue 15: a value matching nothing, a step
    /// removing what a metric counts), rendered like errors with a caret under the query on stderr,
    /// before the result; `-q` silences them like the other notes. A warning located outside the
    /// statement (in a `let` variable's own text, which the session did not move onto the variable's name:
    /// on a connected engine) is shown without its line.
    func writeWarnings(of result: StatementOutput, statement span: SourceSpan, in source: SourceFile) {
        guard !settings.quiet else { return }
        let table: ResultTable
        switch result {
        case .table(let t), .plot(let t), .export(let t, _, _): table = t
        default: return
        }
        for warning in table.warnings {
            var shown = warning
            if let at = warning.span, at.start < span.start || at.end > span.end { shown.span = nil }
            io.err.write(shown.render(in: source, color: io.errColor) + "\n")
        }
    }
}
