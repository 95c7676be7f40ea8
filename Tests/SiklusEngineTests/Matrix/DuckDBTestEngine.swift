import Foundation
import SiklusSQL
import SiklusTestSupport

/// DuckDB as an `SQLEngine` for the matrix: one python3 process with the `duckdb` package per
/// connection, answering one JSON request per line. The matrix connects a session to it like to
/// PostgreSQL or Spark, so DuckDB runs the SQL the compiler lowers in the DuckDB dialect over the tables
/// Siklus wrote while connected (`load … "file"`), and its rows come back typed through the same path.
///
/// Why not `PythonSQLEngine.duckdb`: it runs a batch of queries in one process and returns untyped text
/// cells, while a session needs typed rows, query by query.
final class DuckDBTestEngine: SQLEngine, @unchecked Sendable {
    let dialect = SQLDialect.duckdb
    let summary = "DuckDB (python3 duckdb, matrix test engine)"
    private let lock = NSLock()
    private var pid: pid_t = 0
    private var input: Int32 = -1, output: Int32 = -1
    private var buffer: [UInt8] = []
    private let scratch: URL

    init() throws {
        try PythonSQLEngine.duckdb.require()
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("siklus-matrix-duckdb-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let script = scratch.appendingPathComponent("bridge.py")
        try Self.bridge.write(to: script, atomically: true, encoding: .utf8)
        var toChild: [Int32] = [0, 0], fromChild: [Int32] = [0, 0]
        guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else { throw EngineFailure("pipe failed: errno \(errno)") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, scratch.appendingPathComponent("stderr").path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        for fd in [toChild[0], toChild[1], fromChild[0], fromChild[1]] { posix_spawn_file_actions_addclose(&actions, fd) }
        let python = TestProcess.which("python3") ?? "/usr/bin/python3"
        let words: [String] = [python, script.path, scratch.path]
        var argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) }
        argv.append(nil)
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, python, &actions, nil, argv, environ)
        pid = child
        Foundation.close(toChild[0]); Foundation.close(fromChild[1])
        guard spawned == 0 else { throw EngineFailure("cannot start python3: error \(spawned)") }
        input = toChild[1]
        output = fromChild[0]
    }

    deinit { close() }

    func query(_ sql: String, isCancelled: @escaping @Sendable () -> Bool) throws(SQLEngineError) -> SQLRows {
        let reply = try request(["op": "query", "sql": sql])
        return try Self.rows(reply["columns"] as? [[String: Any]] ?? [])
    }

    func execute(_ sql: String) throws(SQLEngineError) { _ = try request(["op": "execute", "sql": sql]) }

    func columns(ofTable name: String) throws(SQLEngineError) -> [SQLTableColumn] {
        let reply = try request(["op": "query", "sql": "SELECT * FROM \(name) LIMIT 0"])
        return (reply["columns"] as? [[String: Any]] ?? []).map {
            SQLTableColumn(name: $0["name"] as? String ?? "", type: SQLValueType(rawValue: $0["type"] as? String ?? "") ?? .text)
        }
    }

    func createTable(_ name: String, columns: [SQLColumn]) throws(SQLEngineError) {
        let encoded: [[String: Any]] = columns.map { column in
            let values: [Any]
            switch column.values {
            case .text(let v): values = v.map { $0 ?? NSNull() as Any }
            case .dictionary(let codes, let strings): values = codes.map { $0 < 0 ? NSNull() : strings[Int($0)] as Any }
            case .integer(let v), .timestamp(let v): values = v.map { $0.map { NSNumber(value: $0) } ?? NSNull() as Any }
            case .number(let v): values = v.map { $0.map { NSNumber(value: $0) } ?? NSNull() as Any }
            case .boolean(let v): values = v.map { $0.map { NSNumber(value: $0) } ?? NSNull() as Any }
            }
            return ["name": column.name, "type": column.values.type.rawValue, "values": values]
        }
        _ = try request(["op": "create", "name": name, "columns": encoded])
    }

    func close() {
        lock.lock()
        defer { lock.unlock() }
        guard pid != 0 else { return }
        Foundation.close(input)
        Foundation.close(output)
        _ = ChildProcess.wait(for: pid, timeout: 10)
        pid = 0
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Sends one request and reads its one-line reply; an `error` reply is the engine's error.
    private func request(_ body: [String: Any]) throws(SQLEngineError) -> [String: Any] {
        lock.lock()
        defer { lock.unlock() }
        guard pid != 0 else { throw SQLEngineError("the DuckDB test engine is closed") }
        guard var data = try? JSONSerialization.data(withJSONObject: body) else { throw SQLEngineError("unencodable request") }
        data.append(10)
        let written = data.withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
        guard written == data.count else { throw SQLEngineError("cannot write to the DuckDB bridge (errno \(errno))") }
        while !buffer.contains(10) {
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = read(output, &chunk, chunk.count)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let log = (try? String(contentsOf: scratch.appendingPathComponent("stderr"), encoding: .utf8)) ?? ""
                throw SQLEngineError("the DuckDB bridge ended: \(log.suffix(1000))")
            }
            buffer += chunk[0..<n]
        }
        let end = buffer.firstIndex(of: 10) ?? buffer.endIndex
        let line = Data(buffer[..<end])
        buffer.removeSubrange(...end)
        guard let reply = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any] else {
            throw SQLEngineError("unreadable reply from the DuckDB bridge")
        }
        if let error = reply["error"] as? String { throw SQLEngineError(error) }
        return reply
    }

    /// Typed result columns from the bridge's JSON.
    private static func rows(_ columns: [[String: Any]]) throws(SQLEngineError) -> SQLRows {
        var out: [SQLColumn] = []
        for column in columns {
            let name = column["name"] as? String ?? ""
            let raw = column["values"] as? [Any] ?? []
            let values: SQLColumnValues
            switch column["type"] as? String {
            case "integer": values = .integer(raw.map { ($0 as? NSNumber)?.int64Value })
            case "timestamp": values = .timestamp(raw.map { ($0 as? NSNumber)?.int64Value })
            // Doubles come as Python's repr text: Foundation's JSON parser on Linux misreads some last bits.
            case "number": values = .number(raw.map { ($0 as? String).flatMap(Double.init) })
            case "boolean": values = .boolean(raw.map { ($0 as? NSNumber)?.boolValue })
            default: values = .text(raw.map { $0 as? String })
            }
            out.append(SQLColumn(name: name, values: values))
        }
        return SQLRows(columns: out)
    }

    /// The python side: tables are written as JSON lines and read back with explicit types.
    private static let bridge = #"""
import datetime, json, os, sys
import duckdb
con = duckdb.connect()
con.execute("SET TimeZone = 'UTC'")
scratch = sys.argv[1]
TYPES = {"text": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "timestamp": "BIGINT", "boolean": "BOOLEAN"}
def quote(name): return '"' + name.replace('"', '""') + '"'
def kind(t):
    t = str(t).upper()
    if t in ("BIGINT", "INTEGER", "SMALLINT", "TINYINT", "HUGEINT", "UBIGINT", "UINTEGER", "USMALLINT", "UTINYINT"): return "integer"
    if t in ("DOUBLE", "FLOAT", "REAL") or t.startswith("DECIMAL"): return "number"
    if t.startswith("TIMESTAMP") or t == "DATE": return "timestamp"
    if t == "BOOLEAN": return "boolean"
    return "text"
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
def value(k, v):
    if v is None: return None
    if k == "timestamp":
        if isinstance(v, datetime.datetime):
            v = v if v.tzinfo else v.replace(tzinfo=datetime.timezone.utc)
        else:
            v = datetime.datetime(v.year, v.month, v.day, tzinfo=datetime.timezone.utc)
        return int((v - EPOCH).total_seconds())
    if k == "integer": return int(v)
    if k == "number": return repr(float(v))
    if k == "boolean": return bool(v)
    return str(v)
def create(name, columns):
    path = os.path.join(scratch, "table.jsonl")
    count = len(columns[0]["values"]) if columns else 0
    with open(path, "w") as f:
        for i in range(count):
            f.write(json.dumps({"c%d" % j: c["values"][i] for j, c in enumerate(columns)}) + "\n")
    spec = ", ".join("'c%d': '%s'" % (j, TYPES[c["type"]]) for j, c in enumerate(columns))
    casts = ", ".join(("make_timestamp(c%d * 1000000)" % j if c["type"] == "timestamp" else "c%d" % j) + " AS " + quote(c["name"])
                      for j, c in enumerate(columns))
    con.execute("CREATE OR REPLACE TABLE %s AS SELECT %s FROM read_json('%s', format = 'newline_delimited', columns = {%s})"
                % (quote(name), casts, path, spec))
for line in sys.stdin:
    request = json.loads(line)
    try:
        if request["op"] == "create":
            create(request["name"], request["columns"])
            reply = {}
        elif request["op"] == "execute":
            con.execute(request["sql"])
            reply = {}
        else:
            rel = con.sql(request["sql"])
            if rel is None:
                reply = {"columns": []}
            else:
                kinds = [kind(t) for t in rel.types]
                rows = rel.fetchall()
                reply = {"columns": [{"name": n, "type": k, "values": [value(k, r[i]) for r in rows]}
                                     for i, (n, k) in enumerate(zip(rel.columns, kinds))]}
    except Exception as e:
        reply = {"error": str(e).strip().split("\n")[0][:2000]}
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()
"""#
}
