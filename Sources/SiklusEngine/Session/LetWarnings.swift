import SiklusLanguage

/// The guardrails' warnings and notes when a `let` variable is defined (issue 15): a value that matches
/// nothing is worth hearing where it is written, not only when the variable is first used. They follow
/// the definition's confirmation, which the shell writes to stderr (and `-q` silences), rendered like
/// errors with a caret under the definition; a warning located outside it (in another variable's text,
/// possibly of an earlier input) is shown without its line.
enum LetWarnings {
    /// `confirmation`, then each warning rendered against `source`.
    static func note(_ confirmation: String, warnings: [Diagnostic], statement: SourceSpan, in source: SourceFile) -> String {
        var lines = [confirmation]
        for warning in warnings { lines.append(warning.located(within: statement).render(in: source)) }
        return lines.joined(separator: "\n")
    }
}

extension Diagnostic {
    /// This diagnostic, without its location when that lies outside `statement` (a `let` variable's own
    /// text, perhaps of an earlier input, which the statement's source does not hold).
    func located(within statement: SourceSpan) -> Diagnostic {
        guard let at = span, at.start < statement.start || at.end > statement.end else { return self }
        var shown = self
        shown.span = nil
        return shown
    }
}
