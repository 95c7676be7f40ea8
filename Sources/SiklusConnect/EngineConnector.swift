import SiklusSQL

/// Opens a connection for `connect postgres "…"` / `connect spark "…"`: the one place the shell turns
/// an engine name and a target (libpq conninfo or URL; Spark master URL) into an `SQLEngine`.
public enum EngineConnector {
    public static func connect(_ dialect: SQLDialect, target: String) throws(SQLEngineError) -> any SQLEngine {
        switch dialect {
        case .postgres: return try PostgresConnection(target)
        case .spark: return try SparkConnection(master: target)
        case .duckdb: throw SQLEngineError("Siklus does not connect to DuckDB; DuckDB SQL is what `explain` shows for in-memory data")
        }
    }
}
