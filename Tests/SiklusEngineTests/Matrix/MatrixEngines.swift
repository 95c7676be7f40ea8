import Foundation
import SiklusConnect
import SiklusSQL
import SiklusTestSupport

/// The engines of the dialect × query matrix and how a session connects to each: PostgreSQL (a new
/// connection to this process's throwaway cluster per session, so its TEMP tables are the session's
/// own), DuckDB (a `DuckDBTestEngine` per session) and Spark (one local[2] session for the whole test
/// process, lent to each Siklus session: tables are replaced by name, and `close()` is not passed on).
enum MatrixEngine: String, CaseIterable {
    case postgres, duckdb, spark

    var dialect: SQLDialect {
        switch self {
        case .postgres: .postgres
        case .duckdb: .duckdb
        case .spark: .spark
        }
    }

    /// The `connect` statement a session runs (DuckDB is reached through the matrix's connector).
    var connectStatement: String { self == .spark ? "connect spark" : #"connect postgres "matrix""# }

    /// A new engine connection for one session; a missing prerequisite fails with the reason.
    func open() throws -> any SQLEngine {
        switch self {
        case .postgres: return try PostgresConnection(try PostgresTestServer.shared().conninfo)
        case .duckdb: return try DuckDBTestEngine()
        case .spark: return LentEngine(try SharedSpark.connection())
        }
    }
}

/// An engine lent to a session: everything is passed on except `close()`, which the owner does.
final class LentEngine: SQLEngine, @unchecked Sendable {
    let base: any SQLEngine
    init(_ base: any SQLEngine) { self.base = base }
    var dialect: SQLDialect { base.dialect }
    var summary: String { base.summary }
    func query(_ sql: String, isCancelled: @escaping @Sendable () -> Bool) throws(SQLEngineError) -> SQLRows {
        try base.query(sql, isCancelled: isCancelled)
    }
    func execute(_ sql: String) throws(SQLEngineError) { try base.execute(sql) }
    func columns(ofTable name: String) throws(SQLEngineError) -> [SQLTableColumn] { try base.columns(ofTable: name) }
    func createTable(_ name: String, columns: [SQLColumn]) throws(SQLEngineError) { try base.createTable(name, columns: columns) }
    func close() {}
}
