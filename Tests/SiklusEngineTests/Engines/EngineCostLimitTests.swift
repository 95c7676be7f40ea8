import SiklusSQL
import SiklusTestSupport
import XCTest
@testable import SiklusEngine

/// The in-memory cost limits that the logical plan alone decides are applied before a query is sent to
/// an engine (a funnel of 33 steps ran on the engine: the in-memory engine refuses it).
final class EngineCostLimitTests: XCTestCase {
    func testAFunnelPastTheStepLimitIsRefusedBeforeAnyQuery() throws {
        let connector = FakeConnector()
        connector.tables = ["e": [SQLTableColumn(name: "customer_id", type: .text), SQLTableColumn(name: "ts", type: .timestamp),
                                  SQLTableColumn(name: "event", type: .text)]]
        let session = Session.connecting(through: connector)
        session.outputs(#"connect postgres "host=x"; load events table "e""#)
        let engine = try XCTUnwrap(connector.engine)
        let queries = engine.calls.count
        let steps = (1...(FunnelPlan.maxSteps + 1)).map { "s\($0)" }.joined(separator: " -> ")
        let rendered = session.renderedFailure("events | funnel \(steps)")
        XCTAssertTrue(rendered.contains("error: a funnel has at most \(FunnelPlan.maxSteps) steps; this one has \(FunnelPlan.maxSteps + 1)"), rendered)
        XCTAssertTrue(rendered.contains("t.sik:1:10:"), "located at the funnel step: \(rendered)")
        XCTAssertEqual(engine.calls.count, queries, "nothing was sent to the engine")
        // The in-memory engine gives the same error.
        let local = Session()
        let files = TestFiles()
        let file = files.write("e.csv", "customer_id,ts,event\n" + (1...(FunnelPlan.maxSteps + 1)).map { "a,2024-01-01,s\($0)\n" }.joined())
        local.outputs(#"load events "\#(file)""#)
        XCTAssertTrue(local.renderedFailure("events | funnel \(steps)").contains("a funnel has at most \(FunnelPlan.maxSteps) steps"))
        // At the limit it runs.
        engine.rows = SQLRows(columns: [])
        _ = session.failure("events | funnel " + (1...FunnelPlan.maxSteps).map { "s\($0)" }.joined(separator: " -> "))
        XCTAssertEqual(engine.calls.count, queries + 1, "a funnel at the limit is sent")
    }
}
