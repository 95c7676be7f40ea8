import Foundation

/// A throwaway PostgreSQL cluster for tests: `initdb` in a temp directory (as the `postgres` user when
/// running as root, since initdb refuses root), a server on a private unix socket with no TCP, a log
/// file (without one, pg_ctl keeps the caller's output open and a capturing harness waits forever),
/// session time zone UTC. `stop()` shuts it down and removes the directory.
///
/// Queries run through `psql` (one process per query, so each error belongs to its query).
public final class PostgresTestServer: @unchecked Sendable {
    public let directory: URL
    public let port = 54329
    private let binaries: String
    private var running = false

    /// libpq connection parameters for this server.
    public var conninfo: String { "host=\(directory.path) port=\(port) user=postgres dbname=postgres" }

    /// Starts a fresh cluster, or throws `MissingPrerequisite` saying why it cannot.
    public static func start() throws -> PostgresTestServer {
        let candidates = ["/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"]
        guard let binaries = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") }) else {
            throw MissingPrerequisite("PostgreSQL server binaries are needed (apt-get install postgresql): no initdb in /usr/lib/postgresql/*/bin")
        }
        guard TestProcess.which("psql") != nil else { throw MissingPrerequisite("psql is needed (apt-get install postgresql-client)") }
        let directory = URL(fileURLWithPath: "/tmp/siklus-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // The postgres user must write the cluster, socket and log here.
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: directory.path)
        let server = PostgresTestServer(directory: directory, binaries: binaries)
        do {
            try server.asServerUser("\(binaries)/initdb -D \(directory.path)/data -A trust -U postgres -E UTF8 --no-sync > \(directory.path)/initdb.log 2>&1")
            let options = "-k \(directory.path) -p \(server.port) -c listen_addresses='' -c timezone=UTC -c fsync=off"
            try server.asServerUser("\(binaries)/pg_ctl -D \(directory.path)/data -l \(directory.path)/server.log -o \"\(options)\" -w -t 60 start > /dev/null")
            server.running = true
        } catch {
            let log = (try? String(contentsOfFile: directory.path + "/server.log", encoding: .utf8)) ?? ""
            let initLog = (try? String(contentsOfFile: directory.path + "/initdb.log", encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: directory)
            throw MissingPrerequisite("cannot start a PostgreSQL test cluster: \(error)\n\(initLog.suffix(1500))\n\(log.suffix(1500))")
        }
        return server
    }

    private init(directory: URL, binaries: String) {
        self.directory = directory
        self.binaries = binaries
    }

    deinit { stop() }

    /// Stops the server (fast shutdown) and removes its directory; safe to call twice.
    public func stop() {
        guard running else { return }
        running = false
        try? asServerUser("\(binaries)/pg_ctl -D \(directory.path)/data -m fast -w stop > /dev/null 2>&1")
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs one statement; its rows (text cells) or PostgreSQL's error.
    public func run(_ sql: String) throws -> Result<EngineRows, EngineFailure> {
        let psql = TestProcess.which("psql") ?? "/usr/bin/psql"
        let result = try TestProcess.run(psql, ["-X", "-q", "--csv", "-v", "ON_ERROR_STOP=1", "-P", "null=\u{1}NULL",
                                                "-h", directory.path, "-p", String(port), "-U", "postgres", "-d", "postgres", "-c", sql],
                                         environment: ["PGTZ": "UTC", "PGOPTIONS": "-c timezone=UTC"], timeout: 300)
        guard result.status == 0 else { return .failure(EngineFailure(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines))) }
        let records = CSVRecords.parse(result.stdout)
        guard let header = records.first else { return .success(EngineRows(columns: [], rows: [])) }
        let rows = records.dropFirst().map { $0.map { $0 == "\u{1}NULL" ? nil : $0 } }
        return .success(EngineRows(columns: header, rows: Array(rows)))
    }

    /// Runs `command` in a shell as the `postgres` user when we are root, else as ourselves.
    private func asServerUser(_ command: String) throws {
        let result = getuid() == 0
            ? try TestProcess.run("/bin/su", ["postgres", "-s", "/bin/sh", "-c", command], timeout: 120)
            : try TestProcess.run("/bin/sh", ["-c", command], timeout: 120)
        guard result.status == 0 else { throw EngineFailure("`\(command)` failed (\(result.status)): \(result.stderr)") }
    }
}

/// RFC 4180 records, as psql's `--csv` writes them.
enum CSVRecords {
    static func parse(_ text: String) -> [[String]] {
        let chars = Array(text)
        var records: [[String]] = [], record: [String] = [], field = ""
        var i = 0, inQuotes = false
        while i < chars.count {
            let ch = chars[i]
            i += 1
            if inQuotes {
                if ch != "\"" { field.append(ch); continue }
                // A doubled quote is a quote; a single one ends the quoted part.
                if i < chars.count && chars[i] == "\"" { field.append("\""); i += 1 } else { inQuotes = false }
                continue
            }
            switch ch {
            case "\"": inQuotes = true
            case ",": record.append(field); field = ""
            case "\n": record.append(field); records.append(record); record = []; field = ""
            default: field.append(ch)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}
