import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage

/// `Session`'s promise: a statement that fails changes neither the loaded data, the variables, the
/// settings nor the stage map, and later statements see the session as it was.
final class FailedStatementTests: XCTestCase {
    private func state(_ s: Session) -> EvaluatorFuzzTests.State { EvaluatorFuzzTests.State(s) }

    private func assertFailsWithoutChange(_ session: Session, _ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let before = state(session)
        let answer = try? session.query("cohort by channel | metric customers, orders, stage_share")
        let diagnostic = session.failure(text)
        XCTAssertNotNil(diagnostic, "`\(text)` should fail", file: file, line: line)
        XCTAssertFalse(diagnostic?.message.isEmpty ?? true, file: file, line: line)
        XCTAssertEqual(state(session), before, "`\(text)` changed the session", file: file, line: line)
        XCTAssertEqual(try? session.query("cohort by channel | metric customers, orders, stage_share"), answer, file: file, line: line)
    }

    func testFailedStatementsLeaveTheSessionAsItWas() throws {
        let session = try Session.demo()
        session.mustRun("let sept = cohort signup=2022-09")
        session.mustRun("set churn_after = 60d")
        session.mustRun("stage retention += renewal")
        let dir = try TestPaths.temporaryDirectory("failed")
        defer { try? FileManager.default.removeItem(at: dir) }
        let half = dir.appendingPathComponent("half.csv")
        // Loads: missing file, bad rows (a bad timestamp on most rows), missing role, bad mapping.
        try "customer_id,ts,event\nz1,2023-01-01 10:00:00,visit\nz2,not a date,visit\nz3,also not,visit\n"
            .write(to: half, atomically: true, encoding: .utf8)
        for text in ["load events \"\(dir.path)/missing.csv\"", "load events \"\(half.path)\"", "load spend \"\(half.path)\"",
                     "load customers \"\(half.path)\" map customer=Nobody", "load events \"\(half.path)\" format ts=\"%d/%m/%Y\""] {
            assertFailsWithoutChange(session, text)
        }
        // Queries and let with unknown names.
        for text in ["cohort | metric avg_ordr", "events | by contry | metric customers", "let broken = cohort | metric nothing",
                     "let sept = cohort | stage nowhere", "sept | funnel visit -> nothing", "unknown_variable | metric customers"] {
            assertFailsWithoutChange(session, text)
        }
        // Settings with bad values.
        for text in ["set churn_after = social", "set churn_after = 0d", "set as_of = 42", "set period = fortnight",
                     "set week_start = someday", "set colour = red"] {
            assertFailsWithoutChange(session, text)
        }
        // Stage edits that cannot apply; a partly valid list changes nothing either.
        for text in ["stage loyalty += x", "stage retention -= never_there", "stage retention -= renewal, never_there",
                     "stage purchase -= purchase", "stage retention += a, b; stage advocacy -= missing"] {
            let before = state(session)
            _ = session.failure(text)
            if text.contains(";") {
                // The first statement succeeds; only the failing second must leave the map as the first left it.
                session.mustRun("stage retention -= a, b")
                XCTAssertEqual(state(session), before)
            } else {
                assertFailsWithoutChange(session, text)
            }
        }
        // The session still has exactly what the good statements made.
        XCTAssertEqual(session.settings.churnAfter, 60 * 86_400)
        XCTAssertEqual(session.stageMap.events[.retention], ["email_open", "login", "app_open", "renewal"])
        XCTAssertEqual(Set(session.variables.keys), ["sept"])
        XCTAssertEqual(session.store.loads.count, 3)
        XCTAssertEqual(try session.query("sept | metric customers").scalar("customers"), 175)
    }

    /// A script whose statements fail one by one goes on with the session unchanged by each failure.
    func testAScriptContinuesAfterAFailure() throws {
        let session = try Session.demo()
        let text = """
        set churn_after = 45d
        set churn_after = soon
        stage churn += nope; stage churn -= nope; stage churn -= nope
        let a = events | metric orders
        let a = events | metric ordrs
        a
        """
        var outcomes: [Bool] = []
        session.run(SourceFile(name: "s", text: text)) { outcome in
            if case .failure = outcome { outcomes.append(false) } else { outcomes.append(true) }
            return true
        }
        XCTAssertEqual(outcomes, [true, false, true, true, false, true, false, true])
        XCTAssertEqual(session.settings.churnAfter, 45 * 86_400)
        XCTAssertEqual(session.stageMap, StageMap())
        XCTAssertEqual(try session.query("a").scalar("orders"), 2100)
    }
}
