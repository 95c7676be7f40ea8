import SiklusTestSupport
import XCTest
import SiklusSQL
@testable import SiklusConnect

/// `close()` leaves nothing behind: no bridge, no JVM, no temp directory; a closed session says so.
/// (XCTest runs classes in name order, so this one runs after the other Spark tests; a test after it
/// would start a new shared session.)
final class SparkSessionEndTests: XCTestCase {
    func testCloseStopsTheBridgeAndTheJVMAndRemovesTheTempDirectory() throws {
        let spark = try SharedSpark.connection()
        try spark.createTable("before_close", columns: [SQLColumn(name: "n", values: .integer([1]))])
        XCTAssertTrue(SparkBridgeProcess.isRunning(spark.bridgePID))
        XCTAssertTrue(SparkBridgeProcess.isRunning(spark.jvmPID), "the ready message names the JVM's process")
        XCTAssertTrue(FileManager.default.fileExists(atPath: spark.logPath))

        spark.close()
        XCTAssertEqual(spark.stoppedByThemselves, true, "the bridge and the JVM exited without being killed")
        XCTAssertFalse(SparkBridgeProcess.isRunning(spark.bridgePID))
        XCTAssertFalse(SparkBridgeProcess.isRunning(spark.jvmPID), "no orphan JVM")
        XCTAssertFalse(FileManager.default.fileExists(atPath: spark.directory.path))
        let error = SparkQueryTests.error { _ = try spark.query("SELECT 1", isCancelled: { false }) }
        XCTAssertEqual(error?.message.contains("connect spark again"), true, "\(String(describing: error))")
        spark.close()  // twice is harmless
    }
}
