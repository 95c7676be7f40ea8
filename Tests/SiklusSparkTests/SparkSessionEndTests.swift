import XCTest
import SiklusSQL
import SiklusTestSupport
@testable import SiklusConnect

/// `close()` leaves nothing behind: no bridge, no JVM, no temp directory; a closed session says so.
/// (XCTest runs classes in name order, so this one runs after the other Spark tests; a test after it
/// would start a new shared session.)
final class SparkSessionEndTests: XCTestCase {
    func testCloseStopsTheBridgeAndTheJVMAndRemovesTheTempDirectory() throws {
        let spark = try SharedSparkSession.connection()
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

/// Checks that need no Spark: settings, quoting, the CSV text.
final class SparkOfflineTests: XCTestCase {
    func testAnEmptyMasterIsRefusedBeforeAnythingStarts() {
        XCTAssertThrowsError(try SparkConnection(master: "  ")) {
            XCTAssertTrue(($0 as? SQLEngineError)?.message.contains("local[2]") == true, "\($0)")
        }
    }

    func testAMissingPythonIsNamedWithTheFix() {
        XCTAssertThrowsError(try SparkLaunchSettings.fromEnvironment(["PATH": "/nonexistent"])) {
            XCTAssertTrue(($0 as? SQLEngineError)?.message.contains("scripts/engines/spark") == true, "\($0)")
        }
    }

    func testTimestampTextMatchesFoundationsUTCCalendar() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let seconds = Int64.random(in: -2_000_000_000...4_000_000_000, using: &random)
            XCTAssertEqual(SparkTimestampText.format(seconds), formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))))
        }
        XCTAssertEqual(SparkTimestampText.format(SparkTimestampText.range.lowerBound), "0001-01-01 00:00:00")
        XCTAssertEqual(SparkTimestampText.format(SparkTimestampText.range.upperBound), "9999-12-31 23:59:59")
        XCTAssertNil(SparkTimestampText.format(SparkTimestampText.range.upperBound + 1))
    }

    func testTheNullMarkerNeverEqualsAText() {
        let columns = [SQLColumn(name: "t", values: .text(["\u{1}N", "\u{1}N1", nil])),
                       SQLColumn(name: "d", values: .dictionary(codes: [0, 0, 0], strings: ["\u{1}N2"]))]
        XCTAssertEqual(SparkCSVFile.nullMarker(avoiding: columns), "\u{1}N3")
        XCTAssertEqual(SparkCSVFile.nullMarker(avoiding: []), "\u{1}N")
    }

    func testAFolderWhoseOwnerDiedIsRemovedAndOthersStay() throws {
        let files = TestFiles()
        let parent = files.directory
        let abandoned = files.write("siklus-spark-dead/owner.pid", "2147483646")  // no such process
        let live = files.write("siklus-spark-live/owner.pid", String(getppid()))
        let unowned = files.write("siklus-spark-unowned/log", "")
        let other = files.write("other/owner.pid", "2147483646")
        let created = try SparkSessionFolder.create(in: parent)
        XCTAssertFalse(FileManager.default.fileExists(atPath: abandoned))
        for kept in [live, unowned, other, created.appendingPathComponent("owner.pid").path] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: kept), kept)
        }
    }

    func testSparkLiteralsEscapeWhatSparkUnescapes() {
        XCTAssertEqual(SparkSQLText.literal("it's a\\b\u{1}"), "'it\\'s a\\\\b\\u0001'")
        XCTAssertEqual(SparkSQLText.identifier("a`b"), "`a``b`")
    }
}
