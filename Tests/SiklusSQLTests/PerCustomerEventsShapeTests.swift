import XCTest
import SiklusLanguage
import SiklusPlan
@testable import SiklusSQL

/// `per_customer` groups the events alone when the customers add nothing (`SQLLowering+PerCustomerEvents`),
/// purchases are numbered apart when only purchase rows are read, and a cohort on signup computes first
/// events only for the candidates whose signup the customers table lacks (`SQLSignupFallbackFacts`).
/// Results are checked on the engines by `LoweringEngineTests` and the dialect matrix.
final class PerCustomerEventsShapeTests: XCTestCase {
    private let catalog = ShapeFixture.catalog

    private func lower(_ text: String) throws -> SQLQuery { try ShapeFixture.lower(text) }

    private func cte(_ name: String, in query: SQLQuery) throws -> SQLSelect { try ShapeFixture.cte(name, in: query) }

    func testEventLevelGroupsReadTheEventsAloneAndNoCustomerIsComputed() throws {
        let query = try lower("events | by stage | metric events, customers")
        let perCustomer = try cte("per_customer", in: query)
        XCTAssertEqual(perCustomer.from, .table("events_1", alias: "e"))
        XCTAssertTrue(perCustomer.joins.isEmpty)
        // Nothing reads the customers any more: people and its facts are gone.
        XCTAssertEqual(query.ctes.map(\.name).filter { ["people", "customer_facts", "customers_1"].contains($0) }, [])
    }

    func testCustomerLevelDimensionsAndFactsStillJoinTheCustomers() throws {
        for text in ["events | by country | metric events", "events | by stage, country | metric events",
                     "events | by stage | metric time_to_purchase", "events | where country = 'US' | by stage | metric events"] {
            let perCustomer = try cte("per_customer", in: try lower(text))
            XCTAssertEqual(perCustomer.from, .table(text.contains("where") ? "customers_where" : "customers_1", alias: "p"), text)
        }
    }

    func testPurchaseOnlyMetricsFilterPurchasesBelowTheWindow() throws {
        let query = try lower("cohort signup=2022-09 | stage retention | metric avg_order")
        let perCustomer = try cte("per_customer", in: query)
        XCTAssertEqual(perCustomer.from, .table("events_stage", alias: "e"))
        XCTAssertEqual(perCustomer.filter, .column("siklus_is_purchase", table: "e"))
        XCTAssertNil(query.ctes.first { $0.name == "customers_stage" })
        // The window partitions by the flag, a column of the subquery below it, so the filter passes down.
        let rows = try cte("event_rows", in: query)
        guard case .subquery(let inner, alias: "t")? = rows.from, case .select(let flagged) = inner.body else { return XCTFail("\(String(describing: rows.from))") }
        XCTAssertTrue(flagged.items.contains { if case .expression(_, alias: "siklus_is_purchase") = $0 { true } else { false } })
        let sql = try SQLPrinter(.postgres).print(query)
        XCTAssertTrue(sql.contains("PARTITION BY t.customer_id, t.siklus_is_purchase"), sql)
    }

    func testAnEventsColumnNamedLikeTheFlagKeepsTheOneWindow() throws {
        var catalog = self.catalog
        catalog.events.columns = [.init(name: "siklus_is_purchase", kind: .text, role: nil)]
        let parsed = Parser.parse(SourceFile(name: "<test>", text: "events | metric avg_order"))
        guard case .pipeline(let pipeline)? = parsed.statements.first?.kind else { return XCTFail("not a pipeline") }
        let query = try SQLLowering(catalog: catalog).lower(try Binder(catalog: catalog).bind(pipeline)).query
        let rows = try cte("event_rows", in: query)
        XCTAssertEqual(rows.from, .table("events", alias: "t"))
    }

    func testOtherMetricsKeepTheOneWindowOverAllEvents() throws {
        for text in ["cohort signup=2022-09 | metric avg_order, customers", "events | by month | metric avg_order", "events | metric events"] {
            let sql = try SQLPrinter(.postgres).print(try lower(text))
            XCTAssertFalse(sql.contains("siklus_is_purchase"), text)
        }
    }

    func testSignupFactsAreNarrowedToCustomersWithoutATableSignupOnlyWhenOnlySignupIsRead() throws {
        let narrowed = try SQLPrinter(.postgres).print(try lower("cohort signup=2022-09 | stage retention | metric avg_order"))
        // The window's customers once each (PostgreSQL hashes those, not every customer), then their customers rows.
        XCTAssertTrue(narrowed.contains("SELECT DISTINCT t.customer_id\n    FROM events AS t\n    WHERE t.ts >= TIMESTAMP '2022-09-01 00:00:00'"), narrowed)
        XCTAssertTrue(narrowed.contains("LEFT JOIN customers AS c ON CAST(c.customer_id AS TEXT) = w.customer_id\n  WHERE c.signup_date IS NULL"), narrowed)
        // time_to_purchase reads first_event of every customer in the cohort: the facts stay exact for all.
        let exact = try SQLPrinter(.postgres).print(try lower("cohort signup=2022-09 | metric time_to_purchase"))
        XCTAssertFalse(exact.contains("signup_date IS NULL"), exact)
    }
}
