import SiklusTestSupport
import XCTest
@testable import SiklusStore

/// Issue 11, item 4: the load report warns about customers files that join nothing and about customers
/// listed twice with different attributes.
final class CustomerWarningTests: XCTestCase {
    /// A CRM export with one row per customer and address change (the shape of a customers table built from
    /// order rows: id, country, channel repeated per order). u1 moved from ID to US and has a signup only on
    /// its first row; u2 repeats identical values; u3 has an empty cell on its last row.
    func testConflictingRowsAreCountedAndTheLastNonEmptyValueIsKept() {
        let text = """
        customer_id,signup,country,channel
        u1,2022-01-05,ID,search
        u2,2022-02-01,US,social
        u3,2022-03-01,SG,email
        u1,,US,search
        u2,2022-02-01,US,social
        u3,2022-03-01,,referral
        u1,,DE,search

        """
        forEachPath { path in
            let (store, report) = try loadFresh(.customers, text, options: path.options())
            XCTAssertEqual(store.customerText("country", of: "u1"), "DE", "[\(path)] the last value is kept")
            XCTAssertEqual(store.customerText("signup", of: "u1"), "2022-01-05", "[\(path)] an empty cell never overwrites")
            XCTAssertEqual(store.customerText("country", of: "u3"), "SG", "[\(path)]")
            XCTAssertEqual(store.customerText("channel", of: "u3"), "referral", "[\(path)]")
            XCTAssertEqual(report.notes.map(\.description), ["2 customers have several rows with different attribute values; the last non-empty value of "
                + "each is kept (customer u1: country ID, US, DE → kept DE)"], "[\(path)]")
        }
    }

    func testRepeatedIdenticalRowsAreNotAConflict() throws {
        let (_, report) = try loadFresh(.customers, "customer_id,country\nu1,ID\nu1,ID\nu2,US\n")
        XCTAssertEqual(report.notes, [])
    }

    /// Online Retail's customers exported from a spreadsheet: `17850.0` against the events' `17850`.
    func testIdsThatNeverMatchAreAWarningThatNamesIdsInteger() throws {
        let files = TestFiles()
        var store = Store()
        try store.load(.events, path: files.write("events.csv", "customer_id,ts,event\n17850,2022-09-14,purchase\n13047,2022-09-15,purchase\n"))
        let customers = files.write("customers.csv", "customer_id,country\n17850.0,United Kingdom\n13047.0,France\n")
        let report = try store.load(.customers, path: customers)
        XCTAssertEqual(report.notes.map(\.description), ["no customer id of the customers table matches the events' (customers: 17850.0, events: 17850): "
            + "ids are compared as text, so customer attributes will be missing; they match without the trailing .0 of the "
            + "customers' ids (17850.0 → 17850): load customers \"\(customers)\" replace ids=integer"])
    }

    /// Loaded the other way round, the events load carries the warning, and the fix is on the customers.
    func testTheEventsLoadWarnsWhenTheCustomersCameFirst() throws {
        let files = TestFiles()
        var store = Store()
        try store.load(.customers, path: files.write("customers.csv", "customer_id,country\n17850.0,United Kingdom\n"))
        let report = try store.load(.events, path: files.write("events.csv", "customer_id,ts,event\n17850,2022-09-14,purchase\n"))
        XCTAssertEqual(report.notes.last?.description.hasSuffix("load the customers again with the option ids=integer (and replace)"), true,
                       report.notes.description)
    }

    /// Unrelated ids: the warning, without a fix it cannot vouch for; any id in common: no warning.
    func testUnrelatedIdsWarnWithoutTheFixAndOneMatchIsEnough() throws {
        let files = TestFiles()
        var store = Store()
        try store.load(.events, path: files.write("events.csv", "customer_id,ts\nu1,2022-09-14\nu2,2022-09-14\n"))
        let report = try store.load(.customers, path: files.write("customers.csv", "customer_id,country\nc1,ID\n"))
        XCTAssertEqual(report.notes.map(\.description), ["no customer id of the customers table matches the events' (customers: c1, events: u1): "
            + "ids are compared as text, so customer attributes will be missing"])
        let matching = try store.load(.customers, path: files.write("more.csv", "customer_id,country\nu2,US\n"))
        XCTAssertEqual(matching.notes, [])
        XCTAssertEqual(CustomerIDMatch.integerText("17850.00"), "17850")
        XCTAssertNil(CustomerIDMatch.integerText("17850.5"))
        XCTAssertNil(CustomerIDMatch.integerText(".0"))
    }
}
