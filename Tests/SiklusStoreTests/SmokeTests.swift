import SiklusTestSupport
import XCTest
@testable import SiklusStore

final class SmokeTests: XCTestCase {
    func testSmallEventsFile() throws {
        let files = TestFiles()
        let path = files.write("events.csv", """
        customer_id,ts,event,amount,channel
        u2,2022-09-14 10:00:00,visit,,social
        u1,2022-09-15,purchase,42.10,search
        u2,2022-09-13 09:00:00,purchase,10,social
        u1,2022-09-14,visit,,search

        """)
        var store = Store()
        let report = try store.load(.events, path: path)
        print(report.render())
        XCTAssertEqual(store.eventCustomerIDs, ["u2", "u2", "u1", "u1"])
        XCTAssertEqual(store.eventNames, ["purchase", "visit", "visit", "purchase"])
        XCTAssertEqual(store.events.offsets, [0, 2, 4])
    }
}
