import XCTest
import SiklusLanguage
import SiklusTestSupport
@testable import SiklusEngine

/// `rfm | by segment | metric …` on engines: the summary in SQL, the scores in Swift, written back as
/// `siklus_rfm_scores`, and the metrics per group in SQL. Every table must be the in-memory one (columns,
/// units, row order and labels exactly, numbers within 1e-9 relative; `MatrixPair`).
final class RFMGroupsEngineTests: XCTestCase {
    /// Every metric a customer-level `by` allows, each score column, several groups, no group, a scope,
    /// and sort/top/limit after.
    static let demoPipelines = [
        "cohort | rfm | by segment | metric customers, revenue",
        "events | rfm period week | by segment",
        "events | rfm | metric customers, revenue, orders",
        "events | rfm period month | by r_score, f_score | metric customers, orders, avg_order, repeat_rate, orders_per_customer",
        "events | where channel = \"email\" | rfm | by m_score | metric events, active, engagement, ltv, conversion_rate",
        "cohort signup=2022-09 | rfm | by segment | metric time_to_purchase, churn_rate, returns",
        "events | rfm | by f_score | metric dau, wau, mau, dau_mau",
        "events | stage purchase | rfm | by segment | metric customers, revenue | sort revenue desc | limit 3",
        "events | rfm | by segment | metric customers | top 2",
        "events | rfm | by segment, m_score | metric revenue | sort segment desc, m_score",
    ]

    func testGroupsOnDuckDB() throws { try compare(.duckdb) }
    func testGroupsOnPostgreSQL() throws { try compare(.postgres) }

    /// Spark (one shared JVM): one grouped pipeline, its scores table a temporary view.
    func testGroupsOnSpark() throws {
        let pair = try MatrixPair(.spark, ledger: MatrixLedger(.spark))
        pair.run(MatrixData.demoLoads(spend: false) + "\nset as_of = 2023-06-30", label: "demo (loads)")
        let pipeline = "events | rfm period week | by segment, r_score | metric customers, revenue, avg_order"
        pair.run(pipeline, label: pipeline)
        let ledger = pair.finish()
        XCTAssertEqual(ledger.problems, [])
        XCTAssertEqual(ledger.equal, 1, ledger.summary)
    }

    private func compare(_ engine: MatrixEngine) throws {
        let pair = try MatrixPair(engine, ledger: MatrixLedger(engine))
        pair.run(MatrixData.demoLoads(), label: "demo (loads)")
        pair.run("set as_of = 2023-06-30", label: "as_of")
        var tables = 0
        for pipeline in Self.demoPipelines {
            pair.run(pipeline, label: pipeline)
            let table = try pair.memory.query(pipeline)
            XCTAssertGreaterThan(table.rowCount, 0, pipeline)
            tables += 1
        }
        // as_of = latest: the engine computes the last data day, the scores follow it.
        pair.run("set as_of = latest", label: "latest")
        pair.run("events | rfm | by segment | metric customers, revenue", label: "latest groups")
        let ledger = pair.finish()
        XCTAssertEqual(ledger.problems, [])
        XCTAssertEqual(ledger.equal, tables + 1, ledger.summary)
    }

    /// Line items with returns (UCI Online Retail shape): orders and returns per segment.
    func testLineItemsWithReturnsOnDuckDB() throws {
        let directory = try TestPaths.temporaryDirectory("rfm-groups-line-items")
        defer { try? FileManager.default.removeItem(at: directory) }
        let seed = MatrixData.seeds[0]
        let pair = try MatrixPair(.duckdb, ledger: MatrixLedger(.duckdb))
        pair.run(try MatrixData.lineItemLoads(seed: seed, in: directory) + "\nset as_of = 2023-04-15", label: "line items (loads)")
        let pipeline = "events | rfm | by segment | metric customers, orders, returns, revenue, avg_order"
        pair.run(pipeline, label: pipeline)
        let ledger = pair.finish()
        XCTAssertEqual(ledger.problems, [])
        XCTAssertEqual(ledger.equal, 1, ledger.summary)
    }

    /// `explain` while connected shows both queries: the summary, then the groups over the scores table.
    func testExplainShowsBothQueries() throws {
        let pair = try MatrixPair(.duckdb, ledger: MatrixLedger(.duckdb))
        pair.run(MatrixData.demoLoads(), label: "demo (loads)")
        let text = pair.remote.outputs("explain events | rfm | by segment | metric revenue").map { "\($0)" }.joined()
        _ = pair.finish()
        XCTAssertTrue(text.contains("value_summary AS ("), text)
        XCTAssertTrue(text.contains("writes siklus_rfm_scores(customer_id, segment)"), text)
        XCTAssertTrue(text.contains("customers_rfm AS ("), text)
    }
}
