import XCTest
@testable import SiklusEngine
import SiklusPlan
import SiklusStore
import SiklusTestSupport

/// `EngineCatalog` tells the SQL compiler that the customers table gives every signup only when Siklus's
/// own parse of the files it wrote shows it: every customer with an event has a customers row with a
/// signup. A bound existing table is never assumed to.
final class CompleteSignupsCatalogTests: XCTestCase {
    private let files = TestFiles()
    private let events = "customer_id,ts,event,amount\na,2022-09-02,visit,\nb,2022-09-03,purchase,10\na,2022-09-05,purchase,5\n"

    private func complete(_ customers: String, customersOrigin: EngineTableBinding.Origin? = nil) throws -> Bool {
        var store = Store()
        try store.load(.events, path: files.write("events.csv", events))
        try store.load(.customers, path: files.write("customers.csv", customers))
        var customersBinding = StoreTableColumns(.customers, of: store).binding(.customers, engineTable: "customers", files: ["customers.csv"])
        if let customersOrigin { customersBinding.origin = customersOrigin }
        let bindings: [TableKind: EngineTableBinding] = [
            .events: StoreTableColumns(.events, of: store).binding(.events, engineTable: "events", files: ["events.csv"]),
            .customers: customersBinding,
        ]
        return EngineCatalog(bindings: bindings, staging: store, settings: SessionSettings(), stageMap: StageMap(), dialect: .postgres)
            .tables.customersGiveEverySignup
    }

    func testEveryEventCustomerWithASignup() throws {
        XCTAssertTrue(try complete("customer_id,signup_date\na,2022-09-01\nb,2022-08-30\nc,\n"),
                      "c has no signup but no event either: nobody's signup comes from an event")
    }

    func testACustomerMissingFromTheCustomersTable() throws {
        XCTAssertFalse(try complete("customer_id,signup_date\na,2022-09-01\n"))
    }

    func testACustomerWithoutASignup() throws {
        XCTAssertFalse(try complete("customer_id,signup_date\na,2022-09-01\nb,\n"))
    }

    func testNoSignupColumn() throws {
        XCTAssertFalse(try complete("customer_id,country\na,ID\nb,ID\n"))
    }

    func testABoundTableIsNeverAssumed() throws {
        XCTAssertFalse(try complete("customer_id,signup_date\na,2022-09-01\nb,2022-08-30\n", customersOrigin: .table))
    }
}
