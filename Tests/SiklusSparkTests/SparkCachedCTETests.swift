import SiklusTestSupport
import XCTest
@testable import SiklusConnect

/// A CTE Siklus caches on Spark (`CACHE TABLE siklus_cte_… AS WITH …`, see `RemoteRun+Materialized`) is
/// read from the cache by the query that follows, which has a WITH of its own. Spark renumbers the CTE
/// ids of a view's definition inside such a query, so without the bridge's settings for CACHE TABLE the
/// cached plan never matched and every reference computed the CTE again.
final class SparkCachedCTETests: XCTestCase {
    func testAQueryWithItsOwnWithReadsTheCachedView() throws {
        let spark = try SharedSpark.connection()
        let view = "siklus_cte_cached_test"
        defer { _ = try? spark.run([], setup: ["DROP VIEW IF EXISTS \(view)"]) }
        let answers = try spark.run([
            "EXPLAIN WITH r AS (SELECT * FROM \(view)) SELECT n FROM r UNION ALL SELECT n + 1 FROM r",
            "WITH r AS (SELECT * FROM \(view)) SELECT n FROM r UNION ALL SELECT n + 1 FROM r ORDER BY n",
        ], setup: [
            "CREATE OR REPLACE TEMPORARY VIEW siklus_cached_test_rows AS SELECT id % 3 AS k FROM range(10)",
            "CACHE TABLE \(view) AS WITH a AS (SELECT k FROM siklus_cached_test_rows GROUP BY k) SELECT count(*) AS n FROM a",
        ])
        let plan = try answers[0].get().rows.compactMap { $0.first ?? nil }.joined(separator: "\n")
        XCTAssertTrue(plan.contains("In-memory table \(view)"), "the query recomputes the cached CTE:\n\(plan)")
        XCTAssertEqual(try answers[1].get().rows, [["3"], ["4"]])
    }
}
