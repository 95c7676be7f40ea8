import XCTest
import SiklusSQL
@testable import SiklusConnect

/// Ctrl-C during a long Spark query: the job is cancelled on Spark within seconds and the session lives on.
final class SparkCancellationTests: XCTestCase {
    func testALongQueryIsCancelledWithinSecondsAndTheSessionStaysUsable() throws {
        let spark = try SharedSparkSession.connection()
        let started = Date()
        // A trillion-row cross join: hours on two cores, so only the cancel can end it.
        let sql = "SELECT count(*) AS n FROM range(1000000) a CROSS JOIN range(1000000) b WHERE a.id + b.id = 3"
        let cancelAt = started.addingTimeInterval(2)
        let error = SparkQueryTests.error {
            _ = try spark.query(sql, isCancelled: { Date() >= cancelAt })
        }
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(error?.isCancellation, true, "\(String(describing: error))")
        XCTAssertLessThan(elapsed, 2 + 8, "cancelled within a few seconds of the request")
        XCTAssertFalse(spark.hasEnded, "Spark stopped the job itself: the session was not killed")
        XCTAssertEqual(try spark.query("SELECT 3 AS three", isCancelled: { false }).columns[0].values, .integer([3]))
    }

    func testACancelBeforeTheQueryStartsStillCancelsIt() throws {
        let spark = try SharedSparkSession.connection()
        let started = Date()
        let error = SparkQueryTests.error {
            _ = try spark.query("SELECT count(*) AS n FROM range(1000000) a CROSS JOIN range(1000000) b", isCancelled: { true })
        }
        XCTAssertEqual(error?.isCancellation, true, "\(String(describing: error))")
        XCTAssertLessThan(Date().timeIntervalSince(started), 8)
        XCTAssertFalse(spark.hasEnded)
    }
}
