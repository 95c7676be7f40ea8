import Foundation

/// A throwaway PostgreSQL cluster for the tests of one process: `initdb` in a fresh temporary directory,
/// a server listening on a unix socket in that directory only (no TCP), stopped and removed when the
/// process exits (and by a watchdog if it dies). Each process gets its own directory and a random port,
/// so clusters of other test runs on the machine never clash.
///
/// As root the server runs as the `postgres` user (initdb refuses root). Binaries come from
/// `$SIKLUS_PG_BIN`, else the newest `/usr/lib/postgresql/*/bin` (Debian's `postgresql` package).
/// When the cluster cannot start, `shared()` throws `MissingPrerequisite` with the reason and the log:
/// tests fail, they never skip.
public final class PostgresTestServer: Sendable {
    /// The socket directory (also holding the data directory and logs).
    public let directory: String
    public let port: Int
    private let binDirectory: String
    private let runAsPostgres: Bool

    /// A libpq conninfo string for the server's `postgres` database as superuser `postgres`.
    public var conninfo: String { "host=\(directory) port=\(port) user=postgres dbname=postgres" }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var started: Result<PostgresTestServer, MissingPrerequisite>?

    /// The cluster of this test process, started on first use (a few seconds), stopped at exit.
    public static func shared() throws -> PostgresTestServer {
        lock.lock()
        defer { lock.unlock() }
        if started == nil {
            do {
                started = .success(try PostgresTestServer())
                atexit { PostgresTestServer.stopShared() }
            } catch let error as MissingPrerequisite {
                started = .failure(error)
            } catch {
                started = .failure(MissingPrerequisite("cannot start a PostgreSQL test cluster: \(error)"))
            }
        }
        switch started {
        case .success(let server): return server
        case .failure(let error): throw error
        case nil: preconditionFailure("set above")
        }
    }

    private static func stopShared() {
        if case .success(let server) = started { server.stop() }
    }

    /// A cluster of its own (not the shared one), for a test that stops it with `stop()` when done.
    public static func start() throws -> PostgresTestServer {
        do { return try PostgresTestServer() } catch let error as MissingPrerequisite { throw error } catch {
            throw MissingPrerequisite("cannot start a PostgreSQL test cluster: \(error)")
        }
    }

    private init() throws {
        binDirectory = try Self.findBinaries()
        runAsPostgres = geteuid() == 0
        var template = Array("/tmp/siklus-pg-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw MissingPrerequisite("cannot make a temporary directory for PostgreSQL: errno \(errno)") }
        directory = String(cString: made)
        chmod(directory, 0o777)  // the postgres user writes the cluster, its socket and logs here
        port = Int.random(in: 20_000..<60_000)
        do {
            try runTool("initdb", ["-D", directory + "/data", "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"],
                        log: directory + "/initdb.log", timeout: 120)
            let options = "-k \(directory) -p \(port) -c listen_addresses='' -c timezone=UTC -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
            try runTool("pg_ctl", ["-D", directory + "/data", "-l", directory + "/server.log", "-o", options, "-w", "-t", "60", "start"],
                        log: directory + "/pg_ctl.log", timeout: 90)
        } catch {
            stop()
            throw error
        }
        startWatchdog()
    }

    /// Stops the server (fast shutdown) and removes its directory.
    public func stop() {
        try? runTool("pg_ctl", ["-D", directory + "/data", "-m", "fast", "-w", "stop"], log: nil, timeout: 60)
        try? FileManager.default.removeItem(atPath: directory)
    }

    private static func findBinaries() throws -> String {
        let fm = FileManager.default
        if let configured = ProcessInfo.processInfo.environment["SIKLUS_PG_BIN"], !configured.isEmpty { return configured }
        let versions = ((try? fm.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .compactMap(Int.init).sorted(by: >)
        for version in versions where fm.isExecutableFile(atPath: "/usr/lib/postgresql/\(version)/bin/initdb") {
            return "/usr/lib/postgresql/\(version)/bin"
        }
        throw MissingPrerequisite("PostgreSQL server binaries (initdb, pg_ctl) not found: apt-get install postgresql, or set SIKLUS_PG_BIN to their folder")
    }

    /// Runs a PostgreSQL tool (as `postgres` when we are root), its output to `log`; throws with the
    /// log's end when it fails or outlives `timeout` seconds.
    private func runTool(_ tool: String, _ arguments: [String], log: String?, timeout: TimeInterval) throws {
        let command = [binDirectory + "/" + tool] + arguments
        let pid = try Self.spawn((runAsPostgres ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : []) + command, output: log ?? "/dev/null")
        guard let status = ChildProcess.wait(for: pid, timeout: timeout) else {
            throw MissingPrerequisite("\(tool) ran longer than \(Int(timeout)) s (log: \(tail(of: log ?? "")))")
        }
        guard status == 0 else {
            let serverLog = tail(of: directory + "/server.log")
            throw MissingPrerequisite("\(tool) failed (exit status \((status >> 8) & 0xFF), signal \(status & 0x7F)): \(tail(of: log ?? ""))"
                                      + (serverLog.isEmpty ? "" : "\nserver log: " + serverLog))
        }
    }

    /// Stops the cluster when this process is gone, even after a crash (atexit handlers do not run then).
    private func startWatchdog() {
        let stop = (runAsPostgres ? "/usr/sbin/runuser -u postgres -- " : "") + "\(binDirectory)/pg_ctl -D \(directory)/data -m immediate stop"
        let script = "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; \(stop); rm -rf \(directory)"
        _ = try? Self.spawn(["/bin/sh", "-c", script], output: "/dev/null")
    }

    /// Starts `argv` with stdin from /dev/null and stdout and stderr to `output` (`TestProcess.spawn`).
    private static func spawn(_ argv: [String], output: String) throws -> pid_t {
        do {
            return try TestProcess.spawn(argv, stdout: output)
        } catch {
            throw MissingPrerequisite("\(error)")
        }
    }

    private func tail(of path: String) -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return "" }
        return text.split(separator: "\n").suffix(8).joined(separator: "\n")
    }
}
