import XCTest
import SiklusLanguage
import SiklusTestSupport
@testable import SiklusEngine

/// `rfm`, `clv`, `clv params` and `clv check` on DuckDB and PostgreSQL: the engine computes the
/// per-customer summary in SQL, Swift scores and fits it, and every table must be the in-memory one
/// (columns, units, row order and labels exactly, numbers within 1e-9 relative; `MatrixPair`).
final class CustomerValueEngineTests: XCTestCase {
    /// Over the demo data (calibration up to 2023-06-30, a half-year holdout after it), with a `where`
    /// scope, each unit, a discount, `clv check` with and without a horizon, and sort/limit after.
    static let demoPipelines = [
        "events | rfm",
        "events | rfm period week | sort monetary desc, customer | limit 20",
        "cohort signup=2022-09 | rfm period month",
        "events | where channel = \"email\" | rfm",
        "events | clv params period week",
        "events | clv period week horizon 26w discount 0.10 | sort clv desc | limit 10",
        "events | clv period month",
        "events | clv check period week",
        "events | clv check period week horizon 8w",
        "events | clv check period day horizon 30d",
    ]

    func testCustomerValueOnDuckDB() throws { try compare(.duckdb) }
    func testCustomerValueOnPostgreSQL() throws { try compare(.postgres) }

    /// Spark (one shared JVM): the summary with its ordered sums (a fold over sorted lists there), and the holdout.
    func testCustomerValueOnSpark() throws {
        let pair = try MatrixPair(.spark, ledger: MatrixLedger(.spark))
        pair.run(MatrixData.demoLoads(spend: false) + "\nset as_of = 2023-06-30", label: "demo (loads)")
        let pipelines = ["events | rfm period week", "events | clv params period week", "events | clv check period week horizon 8w"]
        for pipeline in pipelines { pair.run(pipeline, label: pipeline) }
        let ledger = pair.finish()
        XCTAssertEqual(ledger.problems, [])
        XCTAssertEqual(ledger.equal, pipelines.count, ledger.summary)
    }

    private func compare(_ engine: MatrixEngine) throws {
        let pair = try MatrixPair(engine, ledger: MatrixLedger(engine))
        pair.run(MatrixData.demoLoads(), label: "demo (loads)")
        pair.run("set as_of = 2023-06-30", label: "as_of")
        for pipeline in Self.demoPipelines {
            pair.run(pipeline, label: pipeline)
            XCTAssertGreaterThan(try pair.memory.query(pipeline).rowCount, 0, pipeline)
        }
        // as_of = latest: the engine computes the last data day (nothing is left for a holdout).
        pair.run("set as_of = latest", label: "latest")
        pair.run("events | clv params period week", label: "latest params")
        pair.run("events | rfm period day", label: "latest rfm")
        let ledger = pair.finish()
        XCTAssertEqual(ledger.problems, [])
        XCTAssertEqual(ledger.equal, Self.demoPipelines.count + 2, ledger.summary)
    }

    /// Line items with returns (UCI Online Retail shape): a return's rows are no purchase, in SQL as in memory.
    func testLineItemsWithReturnsOnDuckDB() throws {
        let directory = try TestPaths.temporaryDirectory("value-line-items")
        defer { try? FileManager.default.removeItem(at: directory) }
        var ledger = MatrixLedger(.duckdb)
        var tables = 0
        for seed in MatrixData.seeds {
            let pair = try MatrixPair(.duckdb, ledger: ledger)
            let loads = try MatrixData.lineItemLoads(seed: seed, in: directory.appendingPathComponent("\(seed)"))
            pair.run(loads + "\nset as_of = 2023-04-15", label: "line items (loads)")  // the data spans 2023-01 … 2023-08
            for pipeline in ["events | rfm period day", "events | clv check period week", "events | where Country = \"France\" | rfm"] {
                pair.run(pipeline, label: "\(seed): \(pipeline)")
                if (try? pair.memory.query(pipeline)) != nil { tables += 1 }
            }
            ledger = pair.finish()
        }
        XCTAssertEqual(ledger.problems, [])
        XCTAssertEqual(ledger.equal, tables, ledger.summary)
        XCTAssertGreaterThan(tables, 3)
    }

    /// `explain … | clv` on the engine shows the summary SQL it runs.
    func testExplainShowsTheSummarySQL() throws {
        let pair = try MatrixPair(.duckdb, ledger: MatrixLedger(.duckdb))
        pair.run(MatrixData.demoLoads(), label: "demo (loads)")
        let text = pair.remote.outputs("explain events | clv period week").map { "\($0)" }.joined()
        _ = pair.finish()
        XCTAssertTrue(text.contains("value_summary AS ("), text)
        XCTAssertTrue(text.contains("sum(amount ORDER BY ts, row_no)"), text)
    }
}
