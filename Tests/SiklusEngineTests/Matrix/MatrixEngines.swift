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
        case .spark: return LentEngine(try MatrixSpark.connection())
        }
    }
}

/// The one Spark session of the matrix (the JVM's start, ~15 s, is paid once per test process).
enum MatrixSpark {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var state: Result<SparkConnection, Error>?

    static func connection() throws -> SparkConnection {
        lock.lock()
        defer { lock.unlock() }
        if state == nil {
            let started = Date()
            do {
                state = .success(try withTestSettings { try SparkConnection(master: "local[2]") })
            } catch {
                state = .failure(MissingPrerequisite("a local Spark session did not start (scripts/engines/spark installs pyspark and Java 17): \((error as? SQLEngineError)?.message ?? "\(error)")"))
            }
            atexit { MatrixSpark.close() }
            FileHandle.standardError.write(Data("matrix: Spark session started in \(String(format: "%.1f", Date().timeIntervalSince(started))) s\n".utf8))
        }
        guard let state else { preconditionFailure("set above") }
        return try state.get()
    }

    /// Spark settings for small test tables, through `$SPARK_CONF_DIR/spark-defaults.conf` (read by
    /// spark-submit) while the session starts: 2 shuffle partitions instead of 200, and no broadcast joins
    /// (Spark inlines the compiled query's CTEs; with broadcasts it builds dozens per query).
    private static func withTestSettings<T>(_ start: () throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("siklus-matrix-spark-conf-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "spark.sql.shuffle.partitions 2\nspark.sql.autoBroadcastJoinThreshold -1\n"
            .write(to: folder.appendingPathComponent("spark-defaults.conf"), atomically: true, encoding: .utf8)
        let previous = ProcessInfo.processInfo.environment["SPARK_CONF_DIR"]
        setenv("SPARK_CONF_DIR", folder.path, 1)
        defer {
            if let previous { setenv("SPARK_CONF_DIR", previous, 1) } else { unsetenv("SPARK_CONF_DIR") }
            try? FileManager.default.removeItem(at: folder)  // spark-submit has read it once the session runs
        }
        return try start()
    }

    private static func close() {
        if case .success(let connection)? = state { connection.close() }
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
