import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage
import SiklusTestSupport

/// `rows [N]` (issue 11, item 6): raw rows in (customer, time, file row) order with every column and the
/// row's lifecycle stage; the customers of a `cohort`/`customers` source; at most N rows, the total in a note.
final class RowsStepTests: XCTestCase {
    /// Two customers, `b` first in the file; `b` has two rows at the same time (file order breaks the tie),
    /// and `a` a row with no amount and a whole-day time. Customers file with a country and a signup.
    private func session() throws -> Session {
        let files = TestFiles()
        addTeardownBlock { _ = files }
        let session = Session()
        _ = try session.load(.events, path: files.write("e.csv", """
            customer_id,ts,event,amount,channel,sku
            b,2023-01-05 10:00:00,visit,,social,
            b,2023-01-06 09:30:00,purchase,12.5,social,S1
            a,2023-01-03 00:00:00,visit,,email,
            b,2023-01-06 09:30:00,purchase,7.25,,S2
            a,2023-01-04 08:00:00,purchase,20,email,S3
            b,2023-02-01 00:00:00,purchase,5,social,S1
            """))
        _ = try session.load(.customers, path: files.write("c.csv", "customer_id,signup,country\na,2023-01-01,ID\nb,2023-01-02,US\n"))
        return session
    }

    func testEventRowsInCustomerTimeFileOrderWithStage() throws {
        let table = try session().query("events | rows")
        XCTAssertEqual(table.columns.map(\.name), ["customer", "ts", "event", "amount", "channel", "sku", "stage"])
        XCTAssertEqual(table.texts("customer"), ["b", "b", "b", "b", "a", "a"])
        XCTAssertEqual(table.texts("ts"), ["2023-01-05 10:00:00", "2023-01-06 09:30:00", "2023-01-06 09:30:00", "2023-02-01 00:00:00",
                                           "2023-01-03 00:00:00", "2023-01-04 08:00:00"])
        // Same time: the file's order decides (12.5 was written before 7.25).
        XCTAssertEqual(table.numbers("amount"), [nil, 12.5, 7.25, 5, nil, 20])
        XCTAssertEqual(table.column("amount")?.unit, .money)
        XCTAssertEqual(table.texts("channel"), ["social", "social", nil, "social", "email", "email"])
        XCTAssertEqual(table.texts("stage"), ["awareness", "purchase", "retention", "retention", "awareness", "purchase"])
        XCTAssertEqual(table.notes, ["note: all 6 event rows"])
    }

    func testOneCustomersTimelineAndLimit() throws {
        let s = try session()
        let timeline = try s.query("events | where customer = \"a\" | rows")
        XCTAssertEqual(timeline.texts("event"), ["visit", "purchase"])
        // Whole days only in the listed rows: the date alone.
        let first = try s.query("events | where customer = \"a\" | rows 1")
        XCTAssertEqual(first.texts("ts"), ["2023-01-03"])
        XCTAssertEqual(first.notes, ["note: the first 1 of 2 event rows; `rows 2` shows them all"])
        let limited = try s.query("events | rows 3")
        XCTAssertEqual(limited.rowCount, 3)
        XCTAssertEqual(limited.notes, ["note: the first 3 of 6 event rows; `rows 6` shows them all"])
    }

    func testCustomersAndCohortListCustomers() throws {
        let s = try session()
        for text in ["customers | rows", "cohort | rows"] {
            let table = try s.query(text)
            XCTAssertEqual(table.columns.map(\.name), ["customer", "signup", "country", "events", "first_purchase", "stage"], text)
            XCTAssertEqual(table.texts("customer"), ["b", "a"], text)
            XCTAssertEqual(table.texts("country"), ["US", "ID"], text)
            XCTAssertEqual(table.numbers("events"), [4, 2], text)
            XCTAssertEqual(table.texts("first_purchase"), ["2023-01-06 09:30:00", "2023-01-04 08:00:00"], text)
            XCTAssertEqual(table.notes, ["note: all 2 customers"], text)
        }
        let filtered = try s.query("cohort country = ID | rows")
        XCTAssertEqual(filtered.texts("customer"), ["a"])
        XCTAssertEqual(filtered.notes, ["note: the only customer"])
        XCTAssertEqual(try s.query("events | where sku = S3 | rows").notes, ["note: the only event row"])
        let purchasesOnly = try s.query("cohort | where event = purchase | rows 1")
        XCTAssertEqual(purchasesOnly.numbers("events"), [3])
        XCTAssertEqual(purchasesOnly.notes, ["note: the first 1 of 2 customers; `rows 2` shows them all"])
    }

    func testRowsCannotBeGroupedOrCombined() throws {
        let s = try session()
        XCTAssertEqual(s.failure("events | by channel | rows")?.message, "`rows` lists rows one by one, so it cannot be grouped")
        XCTAssertEqual(s.failure("events | metric customers | rows")?.message,
                       "a pipeline has one of metric, retention, funnel or rows; this one already has `metric`")
    }

    /// Cost: without a row filter, only the listed rows are read one by one (the total comes from the index);
    /// with one, the rows of the customers in scope.
    func testListingReadsOnlyTheRowsItShows() throws {
        let s = try Session.demo(spend: false)
        let context = s.context()
        let all = Scope.allEvents(context)
        let (rows, total, inspected) = RowListing.selectEventRows(5, all, context.store.events)
        XCTAssertEqual(rows.count, 5)
        XCTAssertEqual(total, context.store.events.count)
        XCTAssertEqual(inspected, 5)
        XCTAssertGreaterThan(total, 10_000)
        let table = try s.query("events | rows 5")
        XCTAssertEqual(table.rowCount, 5)
        XCTAssertEqual(table.notes, ["note: the first 5 of \(total.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) event rows; `rows \(total)` shows them all"])
    }
}
