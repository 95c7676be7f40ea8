import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage

/// `lifecycle` and `stickiness` refuse tables past their limits (10,000 periods, 1,000,000 cells) at the step,
/// before counting, instead of allocating per period: one event in 1990 beside events in 2023 spans 12,000 days.
final class TrendLimitTests: XCTestCase {
    private func session() throws -> Session {
        let dir = try TestPaths.temporaryDirectory("trend-limits")
        let url = dir.appendingPathComponent("events.csv")
        try "customer_id,ts,event\nc1,1990-01-01 10:00:00,visit\nc1,2023-01-05 10:00:00,visit\nc2,2023-01-06 10:00:00,purchase\n"
            .write(to: url, atomically: true, encoding: .utf8)
        let session = Session()
        _ = try session.load(.events, path: url.path)
        return session
    }

    func testLifecycleRefusesTooManyPeriodsAtTheStep() throws {
        let session = try session()
        XCTAssertThrowsError(try session.query("events | lifecycle period day")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("at most 10000 periods"), text)
            XCTAssertTrue(text.contains("1990-01-01 to 2023-01-06"), text)
        }
        // Monthly periods over the same span fit (397), and the 1990 activity is resurrected in 2023.
        let table = try session.query("events | lifecycle period month")
        XCTAssertEqual(table.rowCount, 397)
        XCTAssertEqual(try session.query("events | where ts >= 2023-01 | lifecycle period day").rowCount, 2)
    }

    func testStickinessRefusesTooLongARange() throws {
        let session = try session()
        XCTAssertThrowsError(try session.query("events | stickiness")) { error in
            XCTAssertTrue("\(error)".contains("stickiness counts at most 10000 periods"), "\(error)")
        }
        let weeks = try session.query("events | stickiness period month")
        XCTAssertEqual(weeks.rowCount, 397)
        XCTAssertEqual(try session.query("events | where ts >= 1990-01 and ts < 1990-02 | stickiness").rowCount, 31)
    }
}
