import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage

/// Hints that list names (columns, a stage's events) name at most about ten and count the rest.
final class HintListTests: XCTestCase {
    func testUnknownColumnAndStageEventHintsAreCut() throws {
        let dir = try TestPaths.temporaryDirectory("hints")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("wide.csv")
        let extras = (1...40).map { "x\($0)" }
        try (["customer_id", "ts", "event"] + extras).joined(separator: ",").appending("\n")
            .appending((["u1", "2022-09-14", "visit"] + extras.map { _ in "1" }).joined(separator: ",")).appending("\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let session = Session()
        session.mustRun("load events \"\(file.path)\"")
        let unknown = session.failure("events | where qqqqqqqq = 1 | metric customers")
        XCTAssertEqual(unknown?.hints, ["columns: event, channel, amount, ts, signup, first_purchase, customer, country, x1, x2 … and 38 more"])

        for k in 1...20 { session.mustRun("stage awareness += e\(k)") }
        let missing = session.failure("stage awareness -= nothing")
        let listed = missing?.hints.first ?? ""
        XCTAssertTrue(listed.hasPrefix("awareness has: "), listed)
        XCTAssertTrue(listed.hasSuffix(" more"), listed)
        XCTAssertLessThanOrEqual(listed.components(separatedBy: ", ").count, 10, listed)
    }
}
