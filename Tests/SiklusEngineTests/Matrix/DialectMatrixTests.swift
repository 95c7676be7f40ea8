import Foundation
import SiklusTestSupport
import XCTest
@testable import SiklusEngine

/// The dialect × query matrix (issue 12 §4): every pipeline of the engine golden scripts (with the
/// `set`, `stage` and `let` statements before it) and every `explain` SQL case, on the demo data and on
/// three random data sets, run in memory and on a session connected to an engine; each engine result
/// must be the in-memory table (`MatrixPair`), and each refusal must be on `MatrixRefusals`.
///
/// PostgreSQL and DuckDB run everything; Spark (one shared local[2] session) runs the golden scripts
/// and the random data sets, within its 10-minute budget on 2 cores.
final class DialectMatrixTests: XCTestCase {
    func testPostgreSQLMatrix() throws { try runMatrix(.postgres, explainCases: true) }

    func testDuckDBMatrix() throws { try runMatrix(.duckdb, explainCases: true) }

    func testSparkMatrix() throws { try runMatrix(.spark, explainCases: false) }

    private func runMatrix(_ engine: MatrixEngine, explainCases: Bool) throws {
        let started = Date()
        var ledger = MatrixLedger(engine)

        func pair(_ loads: String, _ label: String) throws -> MatrixPair {
            let pair = try MatrixPair(engine, ledger: ledger)
            pair.run(loads, label: label + " (loads)")
            return pair
        }

        for script in try MatrixData.goldenScripts() {
            let p = try pair(script.loads, script.name)
            p.run(script.text, label: script.name, resolve: GoldenQueryTests.resolvingLoadPath)
            ledger = p.finish()
        }
        if explainCases {
            let p = try pair(MatrixData.demoLoads(), "demo")
            for item in MatrixData.explainCases { p.run(item.text, label: item.label) }
            ledger = p.finish()
        }
        let directory = try TestPaths.temporaryDirectory("matrix-\(engine.rawValue)")
        defer { try? FileManager.default.removeItem(at: directory) }
        for seed in MatrixData.seeds {
            let label = "random-\(String(seed, radix: 16))"
            let p = try pair(try MatrixData.randomLoads(seed: seed, in: directory.appendingPathComponent(label)), label)
            for (i, pipeline) in MatrixData.randomPipelines.enumerated() { p.run(pipeline, label: "\(label)-\(i + 1)") }
            if explainCases {
                for item in MatrixData.explainCases { p.run(item.text, label: "\(label) \(item.label)") }
            }
            ledger = p.finish()
        }

        let seconds = Int(Date().timeIntervalSince(started))
        FileHandle.standardError.write(Data("\(ledger.summary) in \(seconds) s\n".utf8))
        if !ledger.suggestedList.isEmpty {
            FileHandle.standardError.write(Data("unlisted refusals on \(engine.rawValue):\n\(ledger.suggestedList)\n".utf8))
        }
        let problems = ledger.problems
        for problem in problems.prefix(60) { XCTFail(problem) }
        if problems.count > 60 { XCTFail("… and \(problems.count - 60) more") }
        XCTAssertGreaterThan(ledger.equal + ledger.failures.count, 100, "the matrix compared too few pipelines")
        if engine == .spark { XCTAssertLessThan(seconds, 600, "Spark's part of the matrix must stay within 10 minutes") }
    }
}
