import Foundation
import SiklusLanguage
import SiklusStore

/// What one statement produced.
public enum StatementOutput: Sendable {
    /// A query result to render.
    case table(ResultTable)
    /// The report of a `load` statement.
    case load(LoadReport)
    /// A short confirmation or listing (`set`, `let`, `stages`, `explain`).
    case text(String)
}

/// The outcome of one statement of a script: its output, or the diagnostic that stopped it.
public enum StatementOutcome: Sendable {
    case output(StatementOutput, span: SourceSpan)
    case failure(Diagnostic)
}

/// An analysis session: the loaded store, `let` variables, `set` options and the stage map.
///
/// The shell talks only to this type. A statement that fails never changes loaded data or variables.
public final class Session {
    /// The loaded tables.
    public private(set) var store: Store

    public init(store: Store = Store()) {
        self.store = store
    }

    /// Runs every statement in `source`, in order, passing each outcome to `handler`.
    /// Stops early when `handler` returns `false` (the shell does so after an error when `.bail on`).
    public func run(_ source: SourceFile, handler: (StatementOutcome) -> Bool) {
        _ = handler(.failure(Diagnostic("the query language is not implemented yet", at: SourceSpan(start: 0, end: source.bytes.count))))
    }

    /// Loads a CSV file into a table, as `load` does; used by the shell for `--data DIR` and the demo.
    public func load(_ table: TableKind, path: String, options: LoadOptions = LoadOptions()) throws -> LoadReport {
        var next = store
        let report = try next.load(table, path: path, options: options)
        store = next
        return report
    }

    /// True when `text` ends inside an unfinished statement (a trailing `|` or `\`, an open quote or
    /// parenthesis), so the REPL should read a continuation line.
    public func needsContinuation(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.hasSuffix("|") || trimmed.hasSuffix("\\")
    }
}
