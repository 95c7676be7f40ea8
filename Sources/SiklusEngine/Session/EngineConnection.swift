import SiklusSQL
import SiklusStore

/// A session's connection to an engine (`connect`), with what it knows of the engine's tables.
///
/// While connected, `load` works here and the in-memory store stays as it was, for `disconnect`.
struct EngineConnection {
    /// The open connection; closed by `disconnect`, by the next `connect`, or when the session ends.
    let engine: any SQLEngine
    /// Which engine table plays `events`, `customers` and `spend`.
    var bindings: [TableKind: EngineTableBinding] = [:]
    /// The files loaded while connected, parsed by Siklus's loader: the engine's table is rewritten
    /// from here after each load, so loading a second file appends (and a file already loaded is
    /// skipped, `replace` replaces) exactly as in memory.
    var staging = Store()
}

/// How `.engine` describes where pipelines run.
public struct EngineStatus: Sendable {
    /// The connected engine's `summary`, or nil for the in-memory engine.
    public var summary: String?
    /// The engine's bound tables, in `events`, `customers`, `spend` order.
    public var bindings: [EngineTableBinding]
}
