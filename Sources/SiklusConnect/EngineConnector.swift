import SiklusSQL

/// Opens a connection for `connect postgres "…"` / `connect spark "…"`: the one place the shell turns
/// an engine name and a target (libpq conninfo or URL; Spark master URL) into an `SQLEngine`.
public enum EngineConnector {
    /// `isCancelled` (Ctrl-C) abandons the connect: PostgreSQL's handshake, Spark's JVM start.
    public static func connect(_ dialect: SQLDialect, target: String, isCancelled: @Sendable () -> Bool = { false }) throws(SQLEngineError) -> any SQLEngine {
        switch dialect {
        case .postgres: return try PostgresConnection(target, isCancelled: isCancelled)
        case .spark: return try SparkConnection(master: target, isCancelled: isCancelled)
        case .duckdb: throw SQLEngineError("Siklus does not connect to DuckDB; DuckDB SQL is what `explain` shows for in-memory data")
        }
    }
}
