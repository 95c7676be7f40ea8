import XCTest
import SiklusSQL
import SiklusTestSupport
@testable import SiklusConnect

/// Checks that start no Spark session: settings and missing prerequisites, session folders, quoting, the CSV text.
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

    func testAPythonWithoutPysparkIsNamedWithTheFix() throws {
        let python = try XCTUnwrap(SparkLaunchSettings.findOnPath("python3", path: "/usr/bin:/bin"))
        let settings = SparkLaunchSettings(python: python, driverMemory: "1g", startTimeout: 60, sharedDirectory: nil,
                                           environment: ["PATH": "/usr/bin:/bin", "PYTHONNOUSERSITE": "1", "PYTHONPATH": "/nonexistent"])
        let error = SparkQueryTests.error { _ = try SparkConnection(master: "local[1]", settings: settings) }
        XCTAssertTrue(error?.message.contains("pyspark is not installed for") == true, "\(String(describing: error))")
        XCTAssertTrue(error?.message.contains("scripts/engines/spark") == true)
    }

    func testMissingJavaIsNamedWithTheFix() throws {
        let python = try Self.realPythonWithPyspark()
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = URL(fileURLWithPath: python).deletingLastPathComponent().path  // python3 but no java
        environment["JAVA_HOME"] = nil
        for (javaHome, expected) in [(nil, "Java is not installed"), ("/nonexistent", "JAVA_HOME=/nonexistent has no bin/java")] {
            environment["JAVA_HOME"] = javaHome
            let settings = SparkLaunchSettings(python: python, driverMemory: "1g", startTimeout: 60, sharedDirectory: nil, environment: environment)
            let error = SparkQueryTests.error { _ = try SparkConnection(master: "local[1]", settings: settings) }
            XCTAssertTrue(error?.message.contains(expected) == true, "\(String(describing: error))")
            XCTAssertTrue(error?.message.contains("openjdk-17-jre-headless") == true, "\(String(describing: error))")
        }
    }

    func testAnUnknownMasterIsAnErrorWithSparksReason() throws {
        let error = SparkQueryTests.error { _ = try SparkConnection(master: "nonsense", settings: SparkLaunchSettings.fromEnvironment()) }
        XCTAssertTrue(error?.message.hasPrefix("Spark did not start") == true, "\(String(describing: error))")
        XCTAssertTrue(error?.message.contains("Master must either be yarn or start with spark, k8s, or local") == true,
                      "the log's last lines say why: \(String(describing: error))")
        XCTAssertFalse(error?.message.contains("\tat org.apache") ?? true, "no Java stack frames")
    }

    func testAStartPastTheTimeoutIsAnErrorAndLeavesNoFolder() throws {
        var settings = try SparkLaunchSettings.fromEnvironment()
        settings.startTimeout = 0.5
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix(SparkSessionFolder.prefix) })
        let error = SparkQueryTests.error { _ = try SparkConnection(master: "local[1]", settings: settings) }
        XCTAssertTrue(error?.message.contains("Spark did not start within 0 s (SIKLUS_SPARK_START_TIMEOUT)") == true, "\(String(describing: error))")
        let after = Set(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix(SparkSessionFolder.prefix) })
        XCTAssertTrue(after.isSubset(of: before), "the failed session's folder is removed: \(after.subtracting(before))")
    }

    /// The interpreter itself (not a pyenv shim, which needs PATH), as Siklus would find it.
    static func realPythonWithPyspark() throws -> String {
        let settings = try SparkLaunchSettings.fromEnvironment()
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: settings.python)
        process.arguments = ["-c", "import sys, pyspark; print(sys.executable)"]
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        let path = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, !path.isEmpty else {
            throw MissingPrerequisite("\(settings.python) has no pyspark (run scripts/engines/spark)")
        }
        return path
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

    func testTheCSVTextOfEveryType() throws {
        let files = TestFiles()
        let path = files.directory.appendingPathComponent("t.csv").path
        let file = try SparkCSVFile.write([
            SQLColumn(name: "t\"x", values: .text(["a\"b,c", nil, ""])),
            SQLColumn(name: "d", values: .dictionary(codes: [1, -1, 0], strings: ["p", "q"])),
            SQLColumn(name: "i", values: .integer([.min, nil, 0])),
            SQLColumn(name: "n", values: .number([-0.0, .nan, 1e300])),
            SQLColumn(name: "at", values: .timestamp([-1, 0, nil])),
            SQLColumn(name: "b", values: .boolean([true, false, nil])),
        ], to: path)
        XCTAssertEqual(file.nullMarker, "\u{1}N")
        XCTAssertFalse(file.hasLineBreaks)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), """
            "t""x","d","i","n","at","b"
            "a""b,c","q",-9223372036854775808,-0.0,1969-12-31 23:59:59,true
            \u{1}N,\u{1}N,\u{1}N,NaN,1970-01-01 00:00:00,false
            "","p",0,1e+300,\u{1}N,\u{1}N

            """)
    }

    func testSparkLiteralsEscapeWhatSparkUnescapes() {
        XCTAssertEqual(SparkSQLText.literal("it's a\\b\u{1}"), "'it\\'s a\\\\b\\u0001'")
        XCTAssertEqual(SparkSQLText.identifier("a`b"), "`a``b`")
    }
}
