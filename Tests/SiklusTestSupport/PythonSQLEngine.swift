import Foundation

/// Runs SQL in DuckDB through its Python package, every query of a batch in one Python process. Rows
/// come back as text cells. (Spark runs on the test process's one session, `SharedSpark`, whose `run`
/// gives the same cells: a Python batch here started a JVM of its own.)
public enum PythonSQLEngine: String {
    case duckdb

    /// Fails with `MissingPrerequisite` when python3 or the engine's package is missing.
    public func require() throws {
        guard let python = TestProcess.which("python3") else { throw MissingPrerequisite("python3 is needed to run \(rawValue) tests") }
        let module = "duckdb"
        let result = try TestProcess.run(python, ["-c", "import \(module)"])
        if result.status != 0 {
            throw MissingPrerequisite("python3 with the \(module) package is needed (python3 -m pip install \(module)): \(result.stderr)")
        }
    }

    /// Runs `setup` statements, then each query, in one session; per query its rows or error.
    public func run(_ queries: [String], setup: [String] = []) throws -> [Result<EngineRows, EngineFailure>] {
        try require()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("siklus-\(rawValue)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let input = scratch.appendingPathComponent("queries.json"), output = scratch.appendingPathComponent("results.json")
        try JSONSerialization.data(withJSONObject: ["setup": setup, "queries": queries]).write(to: input)
        let python = TestProcess.which("python3") ?? "/usr/bin/python3"
        let result = try TestProcess.run(python, ["-c", script, input.path, output.path, scratch.path], directory: scratch, timeout: 900)
        guard result.status == 0 else { throw EngineFailure("\(rawValue) runner failed: \(result.stderr.suffix(4000))") }
        guard let entries = try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [[String: Any]] else {
            throw EngineFailure("unreadable \(rawValue) results")
        }
        return entries.map { entry in
            if let error = entry["error"] as? String { return .failure(EngineFailure(error)) }
            let rows = (entry["rows"] as? [[Any]] ?? []).map { $0.map { $0 as? String } }
            return .success(EngineRows(columns: entry["columns"] as? [String] ?? [], rows: rows))
        }
    }

    private var connect: String {
        switch self {
        case .duckdb:
            return """
                import duckdb
                con = duckdb.connect()
                con.execute("SET TimeZone = 'UTC'")
                def run(sql):
                    rel = con.sql(sql)
                    return (rel.columns, rel.fetchall()) if rel is not None else ([], [])
                """
        }
    }

    private var script: String {
        """
        import decimal, json, sys, datetime
        \(connect)
        def cell(v):
            if v is None: return None
            if isinstance(v, bool): return "true" if v else "false"
            if isinstance(v, float): return repr(v)
            if isinstance(v, decimal.Decimal): return repr(float(v))
            if isinstance(v, datetime.datetime): return v.strftime("%Y-%m-%d %H:%M:%S")
            return str(v)
        job = json.load(open(sys.argv[1]))
        for sql in job["setup"]: run(sql)
        out = []
        for sql in job["queries"]:
            try:
                columns, rows = run(sql)
                out.append({"columns": list(columns), "rows": [[cell(v) for v in row] for row in rows]})
            except Exception as e:
                # Spark wraps the engine's reason in a Java stack: keep the lines that name an exception.
                lines = [l.strip() for l in str(e).strip().split("\\n") if l.strip()]
                reasons = [l for l in lines if "Exception" in l or "Error" in l or l.startswith("[")]
                out.append({"error": " | ".join((lines[:1] + reasons[:3]))[:2000]})
        json.dump(out, open(sys.argv[2], "w"))
        """
    }
}
