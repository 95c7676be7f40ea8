import Foundation
import SiklusLanguage
import SiklusStore

/// A failed `load` as the diagnostic the user reads, in the session's language: the frame
/// ("cannot load PATH: …") and a missing file come from the message catalog, the loader's message and hint
/// are worded by `LoadErrorWording` (SiklusStore has no catalog).
enum LoadErrorMessage {
    static func diagnostic(_ error: LoadError, at span: SourceSpan) -> Diagnostic {
        // The loader says "no such file" only when open(2) gave ENOENT: ask the file system the same.
        let missing = error.line == nil && !FileManager.default.fileExists(atPath: error.path)
        // A row-level reason (too many rows skipped for it) is worded as the load report words it.
        let reason = missing ? MessageCatalog.text("load.no_such_file") : LoadErrorWording.message(error.message)
        let hints = missing ? [MessageCatalog.text("load.no_such_file_hint")] : (error.hint.map { [LoadErrorWording.hint($0)] } ?? [])
        return Diagnostic(MessageCatalog.text("load.cannot_load", ["path": error.location, "reason": reason]), at: span, hints: hints)
    }
}

extension LoadError {
    /// `description` in the current language: `path:line:col: error: message` and the hint on a `help:`
    /// line, as `--data` reports a file it could not load.
    public var worded: String {
        var text = "\(location): \(MessageCatalog.text("diag.error")): \(LoadErrorWording.message(message))"
        if let hint { text += "\n  \(MessageCatalog.text("diag.help")): \(LoadErrorWording.hint(hint))" }
        return text
    }
}
