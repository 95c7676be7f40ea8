import SiklusTestSupport
import XCTest
@testable import SiklusConnect

/// Every Spark test of the process (these, SiklusSQLTests' engine tests, the dialect matrix) runs on
/// one session: `SharedSpark` hands out the same connection and starts no second JVM.
final class SharedSparkTests: XCTestCase {
    func testOneSessionServesTheWholeProcess() throws {
        let first = try SharedSpark.connection()
        let starts = SharedSpark.startCount
        XCTAssertGreaterThanOrEqual(starts, 1)
        let second = try SharedSpark.connection()
        XCTAssertIdentical(first, second)
        XCTAssertEqual(SharedSpark.startCount, starts, "no second JVM")
        // The same session the SQL compiler's tests read text cells from.
        let cells = try second.run(["SELECT 1 AS n, 2.5D AS x, TIMESTAMP '2024-01-02 03:04:05' AS t, true AS b, CAST(NULL AS STRING) AS s"])
        XCTAssertEqual(try cells[0].get(), EngineRows(columns: ["n", "x", "t", "b", "s"], rows: [["1", "2.5", "2024-01-02 03:04:05", "true", nil]]))
    }
}
