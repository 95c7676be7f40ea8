import Foundation
import SiklusTestSupport
import XCTest
@testable import SiklusEngine

/// The split funnels (trends, breakdowns by an events column) of `Golden/funnel-split.sik` on each
/// engine against memory, as the dialect matrix runs them: a narrow run of the matrix for this feature,
/// so an engine can be checked without running every golden script.
final class FunnelSplitEngineTests: XCTestCase {
    func testDuckDB() throws { try run(.duckdb) }

    func testPostgreSQL() throws { try run(.postgres) }

    func testSpark() throws { try run(.spark, lines: Self.sparkLines) }

    /// On Spark (each statement takes seconds on 2 cores; five of them took 279 s with the load under a
    /// load of 12): trends with a customer dimension, a breakdown attributed to step 2 (customers without
    /// it under `(none)`) and one attributed to the last step of an any-order funnel with quantiles.
    static let sparkLines = [5, 12, 13]

    private func run(_ engine: MatrixEngine, lines: [Int]? = nil) throws {
        guard let script = try MatrixData.goldenScripts().first(where: { $0.name == "funnel-split.sik" }) else {
            return XCTFail("Golden/funnel-split.sik is missing")
        }
        var text = script.text
        if let lines {
            let all = script.text.split(separator: "\n", omittingEmptySubsequences: false)
            // Blank lines keep the others' line numbers, so failures name the script's lines.
            text = all.indices.map { lines.contains($0 + 1) ? String(all[$0]) : "" }.joined(separator: "\n")
        }
        let pair = try MatrixPair(engine, ledger: MatrixLedger(engine))
        pair.run(script.loads, label: "funnel-split (loads)")
        pair.run(text, label: script.name, resolve: GoldenQueryTests.resolvingLoadPath)
        let ledger = pair.finish()
        for problem in ledger.problems { XCTFail(problem) }
        XCTAssertGreaterThanOrEqual(ledger.equal, lines?.count ?? 16, "the split funnels compared on \(engine.rawValue)")
    }
}
