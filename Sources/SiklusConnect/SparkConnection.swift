import Foundation
import SiklusSQL

/// A Spark session for `connect spark "<master>"`: one long-lived bridge process (python3 running
/// pyspark, see `SparkBridgeScript`) holding one SparkSession, started once per `connect` (the JVM's
/// ~10–15 s start is paid once) and stopped by `close()`. Session time zone UTC; warehouse, metastore,
/// logs and the tables Siklus writes live in a temp directory, removed at `close()`.
///
/// On a cluster (`spark://host:7077`, `yarn`): the driver runs here, so python3, pyspark and Java are
/// needed here; cluster settings go in `$SPARK_CONF_DIR/spark-defaults.conf`; tables Siklus creates are
/// CSV files that every executor must read at the same path (set `SIKLUS_SPARK_SHARED_DIR` to a shared
/// mount), and so must any file path given to a query.
public final class SparkConnection: SQLEngine, @unchecked Sendable {
    public let dialect = SQLDialect.spark
    /// The master URL the session was started with.
    public let master: String
    public let summary: String
    /// Spark's log (log4j, warnings and errors) and the bridge's own stderr.
    public let logPath: String
    let bridgeLogPath: String
    let directory: URL
    /// The most cells (rows × columns) a query may return, as `PostgresConnection`'s limit: the bridge
    /// collects at most that many and a larger result is an error, so no pipeline fills Siklus's memory.
    public static let defaultResultCellLimit = 10_000_000
    /// This session's limit (tests lower it).
    public var resultCellLimit = SparkConnection.defaultResultCellLimit
    /// The bridge's and the JVM's process ids (tests check both are gone after `close()`).
    let bridgePID: pid_t, jvmPID: pid_t

    // The state below is guarded by `lock` (one request at a time; `close()` may come from a deinit).
    private let lock = NSLock()
    private var bridge: SparkBridgeProcess?
    private var nextRequest = 1
    private let tableDirectory: URL
    private var tableFiles: [String: String] = [:]
    private var tableCount = 0
    private var filesRemoved = false
    /// After `close()`: whether the bridge and the JVM exited without being killed.
    private(set) var stoppedByThemselves: Bool?

    /// Starts the session; an error with the reason (and the log's last lines) when Spark cannot start.
    /// Ctrl-C (`isCancelled`) stops the start: the bridge and the JVM are stopped, the folder removed.
    public convenience init(master: String, isCancelled: () -> Bool = { false }) throws(SQLEngineError) {
        try self.init(master: master, settings: SparkLaunchSettings.fromEnvironment(), isCancelled: isCancelled)
    }

    /// Starts the session with its settings (`SparkLaunchSettings`) and the bridge's environment read
    /// from `environment` instead of this process's (tests: a far-off `TZ`, their own `SPARK_CONF_DIR`).
    public convenience init(master: String, environment: [String: String]) throws(SQLEngineError) {
        try self.init(master: master, settings: SparkLaunchSettings.fromEnvironment(environment))
    }

    /// As `init(master:environment:)`, with Spark settings that override the bridge's own (`conf` keys
    /// are Spark's: `spark.sql.shuffle.partitions`, …).
    public convenience init(master: String, environment: [String: String], conf: [String: String]) throws(SQLEngineError) {
        var settings = try SparkLaunchSettings.fromEnvironment(environment)
        settings.conf = conf
        try self.init(master: master, settings: settings)
    }

    init(master rawMaster: String, settings: SparkLaunchSettings, isCancelled: () -> Bool = { false }) throws(SQLEngineError) {
        let master = rawMaster.trimmingCharacters(in: .whitespaces)
        guard !master.isEmpty else {
            throw SQLEngineError("connect spark needs a master URL: local[2], spark://host:7077 or yarn")
        }
        let directory: URL, tableDirectory: URL
        do {
            directory = try SparkSessionFolder.create()
            tableDirectory = settings.sharedDirectory.map { URL(fileURLWithPath: $0).appendingPathComponent(directory.lastPathComponent) }
                ?? directory.appendingPathComponent("tables")
            try FileManager.default.createDirectory(at: tableDirectory, withIntermediateDirectories: true)
            try SparkBridgeScript.source.write(to: directory.appendingPathComponent("bridge.py"), atomically: true, encoding: .utf8)
        } catch {
            throw SQLEngineError("cannot prepare a Spark session folder in \(FileManager.default.temporaryDirectory.path): \(error.localizedDescription)")
        }
        let logs = SparkLogs(directory: directory)
        let started: (SparkBridgeProcess, SparkResponse)
        do {
            started = try Self.start(master: master, settings: settings, directory: directory, logs: logs, isCancelled: isCancelled)
        } catch {
            try? FileManager.default.removeItem(at: directory)
            try? FileManager.default.removeItem(at: tableDirectory)
            throw error
        }
        let (process, ready) = started
        self.master = master
        self.directory = directory
        self.tableDirectory = tableDirectory
        logPath = logs.spark
        bridgeLogPath = logs.bridge
        bridge = process
        bridgePID = process.pid
        jvmPID = ready.jvmPid ?? 0
        summary = "Spark \(ready.version ?? "?") (master \(ready.master ?? master), session time zone UTC; log \(logs.spark))"
    }

    deinit { close() }

    private static func start(master: String, settings: SparkLaunchSettings, directory: URL, logs: SparkLogs,
                              isCancelled: () -> Bool) throws(SQLEngineError) -> (SparkBridgeProcess, SparkResponse) {
        let process = try SparkBridgeProcess(python: settings.python, script: directory.appendingPathComponent("bridge.py").path,
                                             stderrLog: logs.bridge, environment: settings.environment)
        let deadline = Date().addingTimeInterval(settings.startTimeout)
        do throws(SQLEngineError) {
            try process.send(SparkFrame.encode(SparkSessionSettings(workdir: directory.path, master: master,
                                                                    driverMemory: settings.driverMemory, conf: settings.conf)))
            let frame = try process.receive {
                () throws(SQLEngineError) in
                if isCancelled() { throw SQLEngineError("connect cancelled", isCancellation: true) }
                if Date() > deadline {
                    throw SQLEngineError("Spark did not start within \(Int(settings.startTimeout)) s (SIKLUS_SPARK_START_TIMEOUT)")
                }
            }
            guard let frame else { throw SQLEngineError("the Spark bridge (\(settings.python)) exited while starting") }
            let ready = try decode(frame)
            guard ready.ok, ready.ready == true else { throw ready.error }
            return (process, ready)
        } catch {
            process.stop(timeout: 1)  // a bridge still starting Spark does not read its end: no use waiting
            if error.isCancellation { throw error }
            throw SQLEngineError(error.message + logs.tail(withPaths: false), sqlState: error.sqlState)
        }
    }

    static func decode(_ frame: SparkFrame) throws(SQLEngineError) -> SparkResponse {
        do {
            return try JSONDecoder().decode(SparkResponse.self, from: frame.header)
        } catch {
            throw SQLEngineError("the Spark bridge sent an unreadable answer: \(String(decoding: frame.header.prefix(200), as: UTF8.self))")
        }
    }

    public func query(_ sql: String, isCancelled: @escaping @Sendable () -> Bool) throws(SQLEngineError) -> SQLRows {
        let (response, payload) = try exchange(SparkRequest(id: 0, op: "query", sql: sql, maxCells: resultCellLimit), isCancelled: isCancelled)
        return try SparkResultDecoder.decode(payload, columns: response.columns ?? [], rowCount: response.rows ?? 0)
    }

    public func execute(_ sql: String) throws(SQLEngineError) {
        _ = try exchange(SparkRequest(id: 0, op: "execute", sql: sql), isCancelled: nil)
    }

    public func columns(ofTable name: String) throws(SQLEngineError) -> [SQLTableColumn] {
        let (response, _) = try exchange(SparkRequest(id: 0, op: "columns", table: name), isCancelled: nil)
        return (response.columns ?? []).map { SQLTableColumn(name: $0.name, type: SQLValueType(rawValue: $0.type) ?? .text) }
    }

    /// Ends the session: Spark stops, the bridge and the JVM exit (killed after a grace period if they
    /// hang), and the temp directory goes. Safe to call twice.
    public func close() {
        lock.lock()
        defer { lock.unlock() }
        if let process = bridge {
            bridge = nil
            let deadline = Date().addingTimeInterval(60)
            if (try? process.send(SparkFrame.encode(SparkRequest(id: nextRequest, op: "close")))) != nil {
                _ = try? process.receive { () throws(SQLEngineError) in
                    if Date() > deadline { throw SQLEngineError("Spark did not stop") }
                }
            }
            stoppedByThemselves = process.stop(timeout: 15, jvm: jvmPID)
        }
        if !filesRemoved {
            filesRemoved = true
            try? FileManager.default.removeItem(at: tableDirectory)
            try? FileManager.default.removeItem(at: directory)
        }
    }

    // For the request path (`SparkConnection+Exchange.swift`); the caller of the next three holds the lock.

    func withLock<Result>(_ body: () throws(SQLEngineError) -> Result) throws(SQLEngineError) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    var runningBridge: SparkBridgeProcess? { bridge }

    /// Whether the session has ended (closed, or its bridge died); takes the lock.
    public var hasEnded: Bool {
        lock.lock()
        defer { lock.unlock() }
        return bridge == nil
    }

    func takeRequestID() -> Int {
        defer { nextRequest += 1 }
        return nextRequest
    }

    /// Stops a bridge that failed (its logs stay until `close()`).
    func endSession(_ process: SparkBridgeProcess) {
        bridge = nil
        process.stop(timeout: 5, jvm: jvmPID)
    }

    /// A new file for a table, in the table folder.
    func nextTablePath() -> String {
        lock.lock()
        defer { lock.unlock() }
        tableCount += 1
        return tableDirectory.appendingPathComponent("table-\(tableCount).csv").path
    }

    /// Records `path` as the file of view `name` and returns the file it replaces (Spark's names are
    /// case-insensitive).
    func replaceTableFile(_ name: String, with path: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return tableFiles.updateValue(path, forKey: name.lowercased())
    }
}
