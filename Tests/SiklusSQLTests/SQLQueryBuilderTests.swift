import XCTest
@testable import SiklusSQL

/// CTE names: `add` hands out fresh names (a funnel's step CTEs and the pipeline's post steps both ask
/// for `step_3`), never a source table's, and records shared CTEs by key.
final class SQLQueryBuilderTests: XCTestCase {
    func testAddHandsOutFreshNamesAndRecordsSharedOnes() {
        var builder = SQLQueryBuilder(tables: .siklus)
        let select = SQLSelect([.named(.integer(1), "x")])
        XCTAssertEqual(builder.add("step_3", nil, select), "step_3")
        XCTAssertEqual(builder.add("step_3", nil, select), "step_3_2")
        XCTAssertEqual(builder.add("Step_3", nil, select), "Step_3_3", "names differing in case only are the same name to engines")
        XCTAssertEqual(builder.add("events", nil, select), "events_2", "a CTE must not hide the events table")
        XCTAssertNil(builder.sharedName("people"))
        let people = builder.add("people", nil, select, sharedAs: "people")
        XCTAssertEqual(builder.sharedName("people"), people)
        XCTAssertEqual(builder.ctes.map(\.name), ["step_3", "step_3_2", "Step_3_3", "events_2", "people"])
    }
}
