import XCTest
@testable import SiklusStore

final class CivilTimeTests: XCTestCase {
    func testDaysRoundTrip() {
        for day in stride(from: Int64(-800_000), through: 800_000, by: 37) {
            let (y, m, d) = CivilTime.civil(days: day)
            XCTAssertEqual(CivilTime.days(year: y, month: m, day: d), day)
        }
        XCTAssertEqual(CivilTime.days(year: 1970, month: 1, day: 1), 0)
        XCTAssertEqual(CivilTime.formatDate(1_663_150_874), "2022-09-14")
        XCTAssertEqual(CivilTime.formatDateTime(1_663_150_874), "2022-09-14 10:21:14")
        XCTAssertEqual(CivilTime.day(of: -1), -1)
    }
}
