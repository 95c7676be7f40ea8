import SiklusLanguage
import SiklusStore

/// A failed `load` as the diagnostic the user reads, in the session's language: the frame
/// ("cannot load PATH: …") and the loader's problem and help, each worded from the message catalog
/// (`LoadError.Problem`, `LoadError.Help`).
enum LoadErrorMessage {
    static func diagnostic(_ error: LoadError, at span: SourceSpan) -> Diagnostic {
        let reason = error.problem.text(in: .current)
        return Diagnostic(MessageCatalog.text("load.cannot_load", ["path": error.location, "reason": reason]), at: span,
                          hints: error.help.map { [$0.text(in: .current)] } ?? [])
    }
}

extension LoadError {
    /// `description` in the current language: `path:line:col: error: message` and the hint on a `help:`
    /// line, as `--data` reports a file it could not load.
    public var worded: String { text(in: .current) }
}
