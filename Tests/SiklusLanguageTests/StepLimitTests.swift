import SiklusLanguage
import XCTest

/// Counts in steps are checked by the parser against the limits the engine uses (`StepLimits`).
final class StepLimitTests: XCTestCase {
    func testCountsBeyondTheLimitsAreReportedAtTheNumber() {
        XCTAssertEqual(firstMessage("events | limit 3000000000"), "`limit` takes at most 2147483647 rows")
        XCTAssertEqual(firstMessage("events | top 3000000000"), "`top` takes at most 2147483647 rows")
        XCTAssertEqual(firstMessage("cohort | retention horizon 10000"), "`horizon` takes at most 9999 periods")
        let rendered = singleError("cohort | retention horizon 10000")
        XCTAssertTrue(rendered.contains("                           ^~~~~"), rendered)
    }

    func testCountsUpToTheLimitsParse() {
        XCTAssertEqual(firstMessage("events | limit \(StepLimits.rows)"), "")
        XCTAssertEqual(firstMessage("cohort | retention horizon \(StepLimits.horizon)"), "")
    }
}
