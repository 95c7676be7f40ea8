/// The SQL engines Siklus compiles pipelines for. A dialect is a small set of switches and function
/// templates (see `Dialect/`), so adding an engine is a file, not a fork.
public enum SQLDialect: String, Sendable, CaseIterable {
    case duckdb, postgres, spark

    /// The engine's name as people write it.
    public var displayName: String {
        switch self {
        case .duckdb: "DuckDB"
        case .postgres: "PostgreSQL"
        case .spark: "Spark SQL"
        }
    }
}
