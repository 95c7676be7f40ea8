import SiklusLanguage
import SiklusSQL
import SiklusStore

/// Runs a pipeline on the connected engine: the session's one entry point for "run this remotely", so
/// wiring the SQL compiler is one change here.
///
/// Once the compiler lands, `run` is: bind `pipeline` against the catalog of `bindings` (with
/// `settings` and `stageMap`) into a logical query, lower it to one SQL query in `engine.dialect`,
/// `query(sql, at: pipeline.span)`, and pivot the rows into a `ResultTable`.
struct RemoteRun {
    let engine: any SQLEngine
    /// The tables the engine holds for `events`, `customers` and `spend`.
    let bindings: [TableKind: EngineTableBinding]
    let settings: SessionSettings
    let stageMap: StageMap
    /// Ctrl-C: passed to every engine query, which cancels the query on the engine when it turns true.
    let isCancelled: @Sendable () -> Bool

    /// The result of `pipeline` computed by the engine.
    func run(_ pipeline: Pipeline) throws(Diagnostic) -> ResultTable {
        guard bindings[.events] != nil else {
            throw Diagnostic("no events table on \(engine.dialect.displayName)", at: pipeline.source.span,
                             hints: ["bind one with `load events table \"name\"`, or load a file with `load events \"file.csv\"`"])
        }
        throw notYet(pipeline.span)
    }

    /// `explain` of `pipeline` for the engine: the SQL in its dialect.
    func explain(_ pipeline: Pipeline) throws(Diagnostic) -> String {
        throw notYet(pipeline.span)
    }

    private func notYet(_ span: SourceSpan) -> Diagnostic {
        Diagnostic("running pipelines on \(engine.dialect.displayName) needs the SQL compiler (issue 12, in progress)", at: span,
                   hints: ["`disconnect` returns to the in-memory tables, which run every pipeline"])
    }

    /// Runs `sql` on the engine, cancelled by Ctrl-C; an engine error becomes a diagnostic at `span`
    /// carrying the engine's message (and SQLSTATE), a cancellation says so.
    func query(_ sql: String, at span: SourceSpan) throws(Diagnostic) -> SQLRows {
        do {
            return try engine.query(sql, isCancelled: isCancelled)
        } catch {
            throw Self.diagnostic(error, engine: engine, at: span)
        }
    }

    /// An engine's error as a located Siklus error.
    static func diagnostic(_ error: SQLEngineError, engine: any SQLEngine, at span: SourceSpan?) -> Diagnostic {
        if error.isCancellation { return Diagnostic("cancelled: the query was stopped on \(engine.dialect.displayName)", at: span) }
        let state = error.sqlState.map { " (SQLSTATE \($0))" } ?? ""
        return Diagnostic("\(engine.dialect.displayName) said: \(error.message)\(state)", at: span)
    }
}
