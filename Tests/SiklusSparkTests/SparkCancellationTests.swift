import SiklusTestSupport
import XCTest
import SiklusSQL
@testable import SiklusConnect

/// Ctrl-C during a long Spark query: the job is cancelled on Spark within seconds and the session lives on.
final class SparkCancellationTests: XCTestCase {
    func testALongQueryIsCancelledOnSparkWithinSecondsAndTheSessionStaysUsable() throws {
        let spark = try SharedSpark.connection()
        _ = try spark.query("SELECT 1 AS warm", isCancelled: { false })  // a cold session's first plan takes seconds
        let started = Date()
        // A sum over a trillion rows: hours on two cores, so only the cancel can end it. (Spark's range
        // checks for a killed task every batch; a cross join's loop does so rarely, keeping the cores
        // busy for many seconds after the cancel.)
        let sql = "SELECT sum(hash(id)) AS n FROM range(1000000000000)"
        let cancelAt = started.addingTimeInterval(2)
        let error = SparkQueryTests.error {
            _ = try spark.query(sql, isCancelled: { Date() >= cancelAt })
        }
        XCTAssertEqual(error?.isCancellation, true, "\(String(describing: error))")
        XCTAssertLessThan(Date().timeIntervalSince(started), 2 + 8, "the prompt is back within seconds (not hours)")
        XCTAssertFalse(spark.hasEnded, "Spark stopped the job itself: the session was not killed")
        // The next query gets the cores at once: the job was stopped on Spark, not only abandoned.
        let next = Date()
        XCTAssertEqual(try spark.query("SELECT count(*) AS n FROM range(1000)", isCancelled: { false }).columns[0].values, .integer([1000]))
        XCTAssertLessThan(Date().timeIntervalSince(next), 5)
    }

    func testACancelBeforeTheQueryStartsStillCancelsIt() throws {
        let spark = try SharedSpark.connection()
        _ = try spark.query("SELECT 1 AS warm", isCancelled: { false })  // a cold session's first plan takes seconds
        let started = Date()
        let error = SparkQueryTests.error {
            _ = try spark.query("SELECT sum(hash(id)) AS n FROM range(1000000000000)", isCancelled: { true })
        }
        XCTAssertEqual(error?.isCancellation, true, "\(String(describing: error))")
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        let next = Date()
        _ = try spark.query("SELECT count(*) AS n FROM range(1000)", isCancelled: { false })
        XCTAssertLessThan(Date().timeIntervalSince(next), 5, "no job of the cancelled query holds the cores")
        XCTAssertFalse(spark.hasEnded)
    }

    /// Ctrl-C while a table's CSV file is written (a load while connected): the view keeps its rows.
    func testACancelledCreateTableLeavesTheOldView() throws {
        let spark = try SharedSpark.connection()
        try spark.createTable("cancelled_load", columns: [SQLColumn(name: "n", values: .integer([7]))])
        let asked = CallCounter()
        let error = SparkQueryTests.error {
            try spark.createTable("cancelled_load", columns: [SQLColumn(name: "n", values: .integer((0..<20_000).map { Int64($0) }))],
                                  isCancelled: { asked.next() > 2 })
        }
        XCTAssertEqual(error?.isCancellation, true, "\(String(describing: error))")
        XCTAssertEqual(try spark.query("SELECT n FROM cancelled_load", isCancelled: { false }).columns[0].values, .integer([7]))
    }

    /// Ctrl-C while Spark starts: the start is abandoned, the bridge stopped, the session folder removed.
    /// (Cancelled at the first check, before the JVM is launched: the test process keeps its one JVM.)
    func testACancelledStartStopsTheBridgeAndLeavesNoFolder() throws {
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix(SparkSessionFolder.prefix) })
        let started = Date()
        let error = SparkQueryTests.error { _ = try SparkConnection(master: "local[1]", isCancelled: { true }) }
        XCTAssertEqual(error?.isCancellation, true, "\(String(describing: error))")
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        let after = Set(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix(SparkSessionFolder.prefix) })
        XCTAssertTrue(after.isSubset(of: before), "the cancelled session's folder is removed: \(after.subtracting(before))")
    }
}
