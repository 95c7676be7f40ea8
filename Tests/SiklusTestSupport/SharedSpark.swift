import Foundation
import SiklusConnect
import SiklusSQL
import SiklusTime

/// The one Spark session of a test process: SiklusSparkTests, the SQL compiler's engine tests
/// (SiklusSQLTests) and the dialect matrix (SiklusEngineTests) all run on it, so a `swift test` process
/// starts one JVM (~15 s and ~1.5 GB) instead of one per target and per batch. Started lazily by the
/// first test that needs it, closed at exit; a test that closes it (SparkSessionEndTests) makes the next
/// `connection()` start another.
///
/// Settings: local[2]; the bridge and the JVM in `TZ=Pacific/Chatham` (UTC+12:45), so a leak of the
/// machine's zone into a value shows (Siklus's session runs in UTC); no broadcast joins
/// (`$SPARK_CONF_DIR/spark-defaults.conf`, read by spark-submit at the start: Spark inlines the compiled
/// query's CTEs, with a broadcast per inlined plan) and `smallDataSettings`.
/// A session that cannot start fails every test that needs it with `MissingPrerequisite` (never a skip).
public enum SharedSpark {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var state: Result<SparkConnection, Error>?
    nonisolated(unsafe) private static var starts = 0
    nonisolated(unsafe) private static var closesAtExit = false

    /// How many sessions (JVMs) this process has started through `connection()`.
    public static var startCount: Int { lock.withLock { starts } }

    /// The shared session, started on first use.
    public static func connection() throws -> SparkConnection {
        lock.lock()
        defer { lock.unlock() }
        if case .success(let connection)? = state, connection.hasEnded { state = nil }
        if state == nil {
            let started = Date()
            starts += 1
            state = Result { () throws -> SparkConnection in
                do {
                    return try withTestSettings { environment throws -> SparkConnection in
                        try SparkConnection(master: "local[2]", environment: environment, conf: smallDataSettings)
                    }
                } catch {
                    throw MissingPrerequisite("a local Spark session did not start (run scripts/engines/spark to install pyspark and Java 17): \((error as? SQLEngineError)?.message ?? "\(error)")")
                }
            }
            if !closesAtExit {
                closesAtExit = true
                atexit { SharedSpark.close() }
            }
            FileHandle.standardError.write(Data("Spark session \(starts) of this test process started in \(String(format: "%.1f", Date().timeIntervalSince(started))) s\n".utf8))
        }
        guard let state else { preconditionFailure("state was just set") }
        return try state.get()
    }

    /// Closes the shared session if one runs.
    public static func close() {
        let running: SparkConnection? = lock.withLock {
            defer { state = nil }
            if case .success(let connection)? = state { return connection }
            return nil
        }
        running?.close()
    }

    /// Settings for the test tables (at most a few thousand rows), where a query's time is planning, code
    /// generation and task scheduling, not rows (measured on the demo funnels, issue 12 §4): one shuffle
    /// partition (one task per stage), no adaptive execution (it re-plans, and compiles again, after each
    /// stage) and no code generation (hundreds of Janino compiles per pipeline; Spark's interpreted
    /// operators and expressions compute the same values). None changes what a query returns: the engine
    /// tests and the matrix still check the production SQL, statements and bridge.
    public static let smallDataSettings = [
        "spark.sql.shuffle.partitions": "1",
        "spark.sql.adaptive.enabled": "false",
        "spark.sql.codegen.wholeStage": "false",
        "spark.sql.codegen.factoryMode": "NO_CODEGEN",
    ]

    /// The environment of the session: this process's, with the test zone and a settings folder that
    /// is removed once spark-submit has read it.
    private static func withTestSettings<T>(_ start: ([String: String]) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("siklus-test-spark-conf-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "spark.sql.autoBroadcastJoinThreshold -1\n"
            .write(to: folder.appendingPathComponent("spark-defaults.conf"), atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["TZ"] = "Pacific/Chatham"
        environment["SPARK_CONF_DIR"] = folder.path
        return try start(environment)
    }
}

extension SparkConnection {
    /// Runs `setup` statements, then each query, as `PythonSQLEngine.run` does: per query its rows as
    /// text cells (numbers in shortest round-trip form, timestamps `yyyy-MM-dd HH:mm:ss` UTC, booleans
    /// `true`/`false`), or the engine's error.
    public func run(_ queries: [String], setup: [String] = []) throws -> [Result<EngineRows, EngineFailure>] {
        for statement in setup {
            do { try execute(statement) } catch { throw EngineFailure("Spark rejected the setup statement: \(error.message)\n\(statement)") }
        }
        return queries.map { sql -> Result<EngineRows, EngineFailure> in
            do throws(SQLEngineError) {
                let rows = try query(sql, isCancelled: { false })
                return .success(EngineRows(columns: rows.columns.map(\.name), rows: (0..<rows.rowCount).map { r in rows.columns.map { $0.values.textCell(r) } }))
            } catch {
                return .failure(EngineFailure(error.message))
            }
        }
    }
}

extension SQLColumnValues {
    /// Cell `row` as text, NULL as nil.
    func textCell(_ row: Int) -> String? {
        switch self {
        case .text(let v): v[row]
        case .dictionary(let codes, let strings): codes[row] < 0 ? nil : strings[Int(codes[row])]
        case .integer(let v): v[row].map { String($0) }
        case .number(let v): v[row].map { "\($0)" }
        case .boolean(let v): v[row].map { $0 ? "true" : "false" }
        case .timestamp(let v): v[row].map { CivilTime.formatTimestamp($0) }
        }
    }
}
