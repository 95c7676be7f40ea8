import SiklusLanguage
import SiklusPlan
import XCTest

/// Binding needs only a catalog: what the catalog does not know (event names) is accepted, what it knows
/// is checked with the engine's messages.
final class CatalogBindingTests: XCTestCase {
    /// With the event names listed, an unknown one is refused with a suggestion; with none listed (a SQL
    /// engine's catalog), any name binds, and a stage word the stage map does not list as an event is the stage.
    func testEventNamesAreCheckedOnlyWhenTheCatalogListsThem() throws {
        XCTAssertThrowsError(try PlanFixture.bind("events | funnel visti -> purchase")) { error in
            let diagnostic = error as? Diagnostic
            XCTAssertEqual(diagnostic?.message, "unknown stage or event `visti`")
            XCTAssertTrue(diagnostic?.hints.contains { $0.contains("visit") } ?? false, "\(String(describing: diagnostic?.hints))")
        }
        var open = PlanFixture.catalog
        open.eventNames = nil
        let query = try PlanFixture.bind("events | funnel visti -> awareness -> purchase | sort customers", open)
        guard case .funnel(let funnel) = query.analysis else { return XCTFail("a funnel") }
        XCTAssertEqual(funnel.steps.map(\.match), [.event("visti"), .stage(.awareness), .event("purchase")])
        let retention = try PlanFixture.bind("cohort by signup | retention on whatever", open)
        guard case .retention(let r) = retention.analysis else { return XCTFail("a retention") }
        XCTAssertEqual(r.activity, .event("whatever"))
    }

    /// Money metrics are refused when the catalog says no event has an amount, with its hints; a derived
    /// amount lifts that, and a derived column is a number column the rest of the pipeline can read.
    func testAmountAndDerivedColumnsFollowTheCatalog() throws {
        var catalog = PlanFixture.catalog
        catalog.missingAmount = .engineTable("web_events")
        XCTAssertThrowsError(try PlanFixture.bind("events | metric revenue", catalog)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "revenue needs the amount role, and no events column has it")
            XCTAssertEqual((error as? Diagnostic)?.hints,
                           ["bind the events with the money column mapped: load events table \"web_events\" map amount=<column>"])
        }
        let query = try PlanFixture.bind("events | derive amount = quantity * unit_price | derive m = amount / 2 | where m > 1 | metric revenue", catalog)
        XCTAssertEqual(query.derives.map(\.name), ["amount", "m"])
        guard case .filter(.compare(.eventExtra(let index), .greater, .number(1), _), _)? = query.scope.first else {
            return XCTFail("where m > 1 reads the derived column: \(query.scope)")
        }
        XCTAssertEqual(index, PlanFixture.catalog.events.columns.count, "the derived column follows the loaded ones")
    }

    /// Spend metrics need a loaded spend table.
    func testSpendMetricsNeedTheSpendTable() {
        var catalog = PlanFixture.catalog
        catalog.spend = Catalog.Table()
        XCTAssertThrowsError(try PlanFixture.bind("events | by channel | metric cpa", catalog)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "cpa needs a spend table: load spend \"file.csv\"")
        }
    }
}
