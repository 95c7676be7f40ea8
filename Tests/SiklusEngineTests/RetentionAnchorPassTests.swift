import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage
import SiklusTestSupport

/// Issue 16, retention's own pass: the plain anchors (signup, first purchase) in calendar periods stream each
/// customer's rows into the tally; the cohort of `cohort by first_purchase period month | retention` is the
/// anchor's own period (no group keys materialised); a customer's rows are read only up to the first run
/// past the last column. The tables themselves are checked against plain loops in
/// `RetentionKindDifferentialTests` and `DifferentialTests`.
final class RetentionAnchorPassTests: XCTestCase {
    private func compiled(_ session: Session, _ text: String) throws -> (RetentionPlan, RetentionScan, Scope, EvalContext) {
        let statement = try XCTUnwrap(Parser.parse(SourceFile(name: "t", text: text)).statements.first)
        guard case .pipeline(let pipeline) = statement.kind else { throw XCTSkip("not a pipeline: \(text)") }
        let plan = try session.compile(pipeline)
        guard case .retention(let retention) = plan.output else { throw XCTSkip("not a retention: \(text)") }
        let context = plan.context ?? session.context()
        let scope = try QueryExecutor.scope(plan, context)
        return (retention, RetentionScan(retention, scope: scope, context), scope, context)
    }

    func testTheCohortOfTheAnchorIsTheAnchorsOwnPeriod() throws {
        let session = try Session.demo(spend: false)
        let cases = [
            ("cohort by first_purchase period month | retention", "anchor"),
            ("cohort by signup period month | retention", "anchor"),
            ("cohort by signup period week | retention period month", "times"),
            ("cohort by first_purchase period month | retention period week", "times"),
            ("cohort by channel | retention", "keys"),
            ("cohort | retention", "one"),
        ]
        for (text, expected) in cases {
            let (plan, scan, scope, context) = try compiled(session, text)
            let rows = try XCTUnwrap(RetentionAnchorPass.rows(scope.grouping, plan, scan, scope: scope, context), text)
            let kind = switch rows {
            case .one: "one"
            case .anchorPeriod: "anchor"
            case .times: "times"
            case .keys: "keys"
            }
            XCTAssertEqual(kind, expected, text)
            XCTAssertGreaterThan(try session.query(text).rowCount, 0, text)
        }
    }

    /// One customer visiting ten times in December 2021, then buying every month for three years: `horizon 2`
    /// reads the rows of periods 0-3 and the one that ends period 3's run, not the other 31; under
    /// `cohort by first_purchase` with purchases as the activity, not the visits before the first purchase either.
    func testRowsBeforeTheFirstPurchaseOrPastTheLastColumnAreNotRead() throws {
        let dir = try TestPaths.temporaryDirectory("retention-anchor-pass")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        var events = "customer_id,ts,event,amount\n"
        for day in 1...10 { events += "a,2021-12-\(String(format: "%02d", day)) 10:00:00,visit,\n" }
        for month in 0..<36 { events += "a,\(2022 + month / 12)-\(String(format: "%02d", month % 12 + 1))-05 10:00:00,purchase,10\n" }
        let session = Session()
        let url = dir.appendingPathComponent("events.csv")
        try events.write(to: url, atomically: true, encoding: .utf8)
        _ = try session.load(.events, path: url.path)
        for (text, read) in [("cohort by first_purchase period month | retention horizon 2", 5),
                             ("cohort by first_purchase period month | retention horizon 2 unbounded", 5),
                             ("cohort by first_purchase period month | retention horizon 2 on any", 15),
                             ("cohort by first_purchase period month | retention", 36)] {
            let table = try session.query(text)
            XCTAssertEqual(RetentionAnchorPass.rowsRead, read, text)
            XCTAssertEqual(table.rowCount, 1, text)
        }
    }
}
