import SiklusStore
import XCTest
@testable import SiklusEngine

/// The catalog the engine binds against, built from the store: what a SQL backend's catalog must match.
final class StoreCatalogTests: XCTestCase {
    func testTheDemoCatalogListsTablesColumnsRolesAndEventNames() throws {
        let session = try Session.demo()
        let catalog = session.context().catalog
        XCTAssertTrue(catalog.events.isLoaded && catalog.customers.isLoaded && catalog.spend.isLoaded)
        XCTAssertEqual(catalog.events.columns, [], "the demo events have only the five fixed columns")
        XCTAssertEqual(catalog.customers.columns.map(\.name), ["customer_id", "signup_date", "channel", "country"].filter {
            session.store.customers.column(named: $0) != nil
        })
        XCTAssertEqual(catalog.customers.index(ofRole: "country").map { catalog.customers.columns[$0].kind }, .text)
        XCTAssertEqual(catalog.customers.index(ofRole: "signup").map { catalog.customers.columns[$0].kind }, .time)
        XCTAssertEqual(catalog.spend.index(ofRole: "spend").map { catalog.spend.columns[$0].kind }, .number)
        XCTAssertNil(catalog.orderColumn)
        XCTAssertTrue(catalog.hasAmount)
        let names = try XCTUnwrap(catalog.eventNames)
        XCTAssertEqual(names, names.sorted())
        XCTAssertTrue(names.contains("purchase") && names.contains("ad_impression"))
        XCTAssertEqual(catalog.settings, session.settings)
        XCTAssertEqual(catalog.stageMap, session.stageMap)
    }

    /// Line items: the order column is named with its role, and without an amount the catalog carries the
    /// hints of the missing-amount error (the binder refuses money metrics from them alone).
    func testLineItemsAndAMissingAmount() throws {
        let (session, _) = try session(events: """
            customer,ts,event,InvoiceNo,Quantity,Price
            c1,2023-01-01 10:00:00,purchase,536365,2,3.5
            c1,2023-01-02 10:00:00,purchase,536366,1,10
            """)
        let catalog = session.context().catalog
        XCTAssertEqual(catalog.orderColumn, "InvoiceNo")
        XCTAssertEqual(catalog.events.index(ofRole: "order").map { catalog.events.columns[$0].name }, "InvoiceNo")
        XCTAssertEqual(catalog.events.index(named: "price").map { catalog.events.columns[$0].kind }, .number)
        XCTAssertTrue(catalog.hasAmount, "quantity × unit price fills the amount")

        let (noAmount, _) = try self.session(events: """
            customer,ts,event,InvoiceNo,Cost
            c1,2023-01-01 10:00:00,purchase,536365,2
            """)
        let hints = try XCTUnwrap(noAmount.context().catalog.missingAmount).hints
        XCTAssertFalse(hints.isEmpty)
        XCTAssertEqual(noAmount.failure("events | metric revenue")?.hints, hints)
    }
}
