import SiklusTestSupport
import XCTest
@testable import SiklusStore

/// Customer ids are text identity: `17850.0`, `00017` and `17850` are three customers.
final class IdRulesTests: XCTestCase {
    func testNumericLookingIdsKeepTheirTextIdentity() {
        let text = """
        customer_id,ts,event
        17850,2022-09-14,a
        17850.0,2022-09-14,b
        00017,2022-09-14,c
        17,2022-09-14,d
        017,2022-09-14,e
        "17850",2022-09-15,f
        1.785e4,2022-09-14,g

        """
        forEachPath { path in
            let (store, report) = try loadFresh(.events, text, options: path.options())
            XCTAssertEqual(store.customerIDs.strings, ["17850", "17850.0", "00017", "17", "017", "1.785e4"], "[\(path)]")
            XCTAssertEqual(report.distinctCustomers, 6, "[\(path)]")
            XCTAssertEqual(report.columns[0].type, .string, "[\(path)] the customer column is text even when it looks numeric")
            XCTAssertEqual(store.eventCustomerIDs, ["17850", "17850", "17850.0", "00017", "17", "017", "1.785e4"], "[\(path)]")
            XCTAssertEqual(store.eventNames, ["a", "f", "b", "c", "d", "e", "g"], "[\(path)]")
        }
    }

    func testIdsAreSharedExactlyBetweenCustomersAndEvents() throws {
        let files = TestFiles()
        var store = Store()
        try store.load(.customers, path: files.write("customers.csv", "customer_id,channel\n00017,search\n17850.0,social\n"))
        try store.load(.events, path: files.write("events.csv", "customer_id,ts\n17,2022-09-14\n00017,2022-09-14\n17850,2022-09-14\n17850.0,2022-09-15\n"))
        XCTAssertEqual(store.customerIDs.strings, ["00017", "17850.0", "17", "17850"])
        XCTAssertEqual(store.events.rows(of: 0).count, 1, "00017")
        XCTAssertEqual(store.events.rows(of: 1).count, 1, "17850.0")
        XCTAssertEqual(store.events.rows(of: 2).count, 1, "17")
        XCTAssertEqual(store.events.rows(of: 3).count, 1, "17850")
        XCTAssertEqual(store.customers.hasRow, [true, true, false, false])
    }

    func testLeadingZeroExtraColumnStaysText() {
        let text = "customer_id,ts,zip,code,qty\nu1,2022-09-14,00017,0,7\nu2,2022-09-14,12345,01,0\nu3,2022-09-14,,-007,-3\n"
        forEachPath { path in
            let (store, report) = try loadFresh(.events, text, options: path.options())
            XCTAssertEqual(report.columns.map(\.type), [.string, .date, .string, .string, .int], "[\(path)]")
            XCTAssertEqual(store.eventExtraText("zip"), ["00017", "12345", ""], "[\(path)]")
            XCTAssertEqual(store.eventExtraText("code"), ["0", "01", "-007"], "[\(path)]")
            XCTAssertEqual(store.events.extra("qty")?.int64Values, [7, 0, -3], "[\(path)]")
        }
    }

    func testLeadingZeroCustomerAttributeStaysText() throws {
        let (store, report) = try loadFresh(.customers, "customer_id,postcode\nu1,01234\nu2,98765\n")
        XCTAssertEqual(report.columns[1].type, .string)
        XCTAssertEqual(store.customerText("postcode", of: "u1"), "01234")
    }

    func testIdsAreNotTrimmedOrCaseFolded() throws {
        let (store, _) = try loadFresh(.events, "customer_id,ts\nABC,2022-09-14\nabc,2022-09-14\n\"abc \",2022-09-14\n")
        XCTAssertEqual(store.customerIDs.strings, ["ABC", "abc", "abc "])
    }

    func testEmptyCustomerIdsAreSkippedAndCounted() {
        var text = "customer_id,ts,event\nu1,2022-09-14,visit\n,2022-09-14,visit\n"  // line 3
        text += (0..<20).map { "u\($0 % 3),2022-09-15,visit\n" }.joined()  // lines 4…23
        text += "\"\",2022-09-16,visit\n,2022-09-17,visit\n"  // lines 24, 25
        forEachPath { path in
            let (store, report) = try loadFresh(.events, text, options: path.options())
            XCTAssertEqual(report.rowsLoaded, 21, "[\(path)]")
            XCTAssertEqual(report.skipped, [.init(reason: .emptyCustomer, count: 3, firstLines: [3, 24, 25])], "[\(path)]")
            XCTAssertEqual(report.rowsSkipped, 3, "[\(path)]")
            XCTAssertEqual(store.events.count, 21, "[\(path)]")
            XCTAssertFalse(store.customerIDs.strings.contains(""), "[\(path)]")
        }
    }

    func testEmptyCustomerIdsDoNotCountTowardsTheBadRowLimit() throws {
        // Half the rows have no id: they are skipped, not an error (they are not malformed).
        let text = "customer_id,ts\nu1,2022-09-14\n,2022-09-14\nu2,2022-09-14\n,2022-09-14\n"
        let (store, report) = try loadFresh(.events, text)
        XCTAssertEqual(store.events.count, 2)
        XCTAssertEqual(report.skipped.map(\.reason.description), ["empty customer id"])
        // Only empty ids: nothing loads, and the report does not claim the file had no data rows.
        let (_, none) = try loadFresh(.events, "customer_id,ts,event\n,2022-09-14,a\n,2022-09-15,b\n")
        XCTAssertEqual(none.rowsLoaded, 0)
        XCTAssertEqual(none.skipped, [.init(reason: .emptyCustomer, count: 2, firstLines: [2, 3])])
        XCTAssertEqual(none.notes, [])
    }
}
