import Foundation
import SiklusTestSupport
import XCTest
@testable import SiklusEngine
import SiklusLanguage
import SiklusStore

/// Shared setup of the teaching tests: the demo dataset loaded as `siklus --data datasets/demo` loads
/// it, the text of `explain` and `help`, and DuckDB (through Python) for checking explain's SQL.
enum TeachingFixture {
    /// The package root (this file is `Tests/SiklusEngineTests/TeachingFixtureTests.swift`).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A new session with customers, events and spend of the demo loaded, in that order (so customer
    /// codes follow the customers file, as in the shell).
    static func demoSession() throws -> Session {
        let session = Session()
        for (table, file) in [(TableKind.customers, "customers.csv"), (.events, "events.csv"), (.spend, "spend.csv")] {
            _ = try session.load(table, path: root.appendingPathComponent("datasets/demo/" + file).path)
        }
        return session
    }

    /// The demo session most tests share; tests that change settings or stages make their own.
    nonisolated(unsafe) static let shared: Session? = try? demoSession()

    /// The text output of running `statements` (`explain …`, `help stages`, `set …`): every text
    /// output joined, or the first error.
    static func text(_ statements: String, in session: Session) throws -> String {
        try session.texts(statements)
    }

    /// The SQL section of an explain text, unindented; nil when explain shows no SQL.
    static func sql(ofExplain text: String) -> String? {
        guard let start = text.range(of: "\nsql (DuckDB")?.upperBound,
              let body = text[start...].split(separator: "\n", maxSplits: 1).last,
              let end = body.range(of: "\n\nsettings\n") else { return nil }
        let section = body[..<end.lowerBound]
        guard !section.hasPrefix("  no SQL equivalent") else { return nil }
        return section.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasPrefix("  ") ? String($0.dropFirst(2)) : String($0) }
            .joined(separator: "\n")
    }

    /// Fails the test unless `python3` can import `duckdb` (scripts/test installs it): the SQL cross-checks
    /// must never pass by not running.
    static func requireDuckDB() throws {
        let result = try python(["-c", "import duckdb"])
        if result.status != 0 {
            throw MissingPrerequisite("python3 with the duckdb package is needed to cross-check explain's SQL (python3 -m pip install duckdb): \(result.stderr)")
        }
    }

    /// Runs every SQL text in DuckDB (one Python process, a fresh connection each); per query, its
    /// column names and rows as JSON values, or its error message.
    static func runInDuckDB(_ queries: [String]) throws -> [Result<(columns: [String], rows: [[Any?]]), DuckDBError>] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("siklus-duckdb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let input = scratch.appendingPathComponent("queries.json"), output = scratch.appendingPathComponent("results.json")
        try JSONSerialization.data(withJSONObject: queries).write(to: input)
        let script = """
            import decimal, json, sys, duckdb
            def plain(v):
                if isinstance(v, decimal.Decimal): return float(v)
                if v is None or isinstance(v, (bool, int, float, str)): return v
                return str(v)
            out = []
            for sql in json.load(open(sys.argv[1])):
                try:
                    rel = duckdb.connect().sql(sql)
                    out.append({"columns": rel.columns, "rows": [[plain(v) for v in row] for row in rel.fetchall()]})
                except Exception as e:
                    out.append({"error": str(e)})
            json.dump(out, open(sys.argv[2], "w"))
            """
        let result = try python(["-c", script, input.path, output.path])
        guard result.status == 0 else { throw DuckDBError(message: "python failed: \(result.stderr)") }
        guard let results = try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [[String: Any]] else {
            throw DuckDBError(message: "unreadable results")
        }
        return results.map { entry in
            if let error = entry["error"] as? String { return .failure(DuckDBError(message: error)) }
            let columns = entry["columns"] as? [String] ?? []
            let rows = (entry["rows"] as? [[Any]] ?? []).map { $0.map { $0 is NSNull ? nil : $0 } }
            return .success((columns, rows))
        }
    }

    struct DuckDBError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// Runs `python3` with `arguments` in the package root; output goes through files.
    static func python(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try run(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments)
    }

    /// Runs a program in the package root and waits for it.
    static func run(_ program: URL, _ arguments: [String], timeout: TimeInterval = 120) throws -> (status: Int32, stdout: String, stderr: String) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("siklus-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out"), err = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["SIKLUS_DEMO"] = nil
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline { process.terminate(); XCTFail("\(program.lastPathComponent) did not finish within \(timeout) s"); break }
            usleep(10_000)
        }
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
    }
}

/// Checks of the fixture itself, so a broken setup fails here first rather than in every test.
final class TeachingFixtureTests: XCTestCase {
    func testTheDemoLoadsAsTheShellLoadsIt() throws {
        let session = try XCTUnwrap(TeachingFixture.shared)
        XCTAssertEqual(try session.query("cohort | metric customers").columns[0].values, .integer([5000]))
        XCTAssertEqual(session.store.customerIDs[0], "u0000001", "customers load first, so codes follow the customers file")
    }

    func testTheSQLSectionIsCutFromExplain() throws {
        let text = "plan\n  1. x\n\nsql (DuckDB; …)\n  CREATE x;\n\n  SELECT 1;\n\nsettings\n  churn_after = 90d"
        XCTAssertEqual(TeachingFixture.sql(ofExplain: text), "CREATE x;\n\nSELECT 1;")
        XCTAssertNil(TeachingFixture.sql(ofExplain: "sql (DuckDB)\n  no SQL equivalent shown for transitions\n\nsettings\n"))
    }
}
