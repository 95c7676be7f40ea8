import XCTest
import SiklusLanguage
import SiklusTestSupport
@testable import SiklusEngine

/// `sort`, `top` and `limit` after `funnel … | histogram` on engines: the engine counts customers per
/// conversion time, Siklus bins them and applies the steps to the bins, as in memory (refused before).
final class HistogramPostEngineTests: XCTestCase {
    static let pipelines = [
        "cohort | funnel visit -> add_to_cart -> purchase within 14d | histogram | sort customers desc",
        "cohort | funnel visit -> purchase | histogram | top 3",
        "cohort | funnel add_to_cart -> purchase within 30d | histogram | limit 2",
        "cohort | funnel visit -> purchase | histogram | sort customers desc, time_to_convert | limit 4",
    ]

    func testOnDuckDB() throws { try compare(.duckdb) }
    func testOnPostgreSQL() throws { try compare(.postgres) }

    private func compare(_ engine: MatrixEngine) throws {
        let pair = try MatrixPair(engine, ledger: MatrixLedger(engine))
        pair.run(MatrixData.demoLoads(), label: "demo (loads)")
        for pipeline in Self.pipelines {
            pair.run(pipeline, label: pipeline)
            XCTAssertGreaterThan(try pair.memory.query(pipeline).rowCount, 0, pipeline)
        }
        let ledger = pair.finish()
        XCTAssertEqual(ledger.problems, [])
        XCTAssertEqual(ledger.equal, Self.pipelines.count, ledger.summary)
    }
}
