import SiklusLanguage
import SiklusSQL
import SiklusTestSupport
import XCTest
@testable import SiklusEngine

/// Issue 15 §1: the guardrails' warnings where no result table carries them: `explain` prints them in a
/// `warnings` section after the query (its output is the explanation), `let` with its confirmation on
/// stderr when the variable is defined.
final class GuardrailStatementTests: XCTestCase {
    func testExplainShowsTheWarningsAfterTheQuery() throws {
        let session = try Session.demo(spend: false)
        let text = try session.texts("explain cohort country=Indonesia | metric customers")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(Array(lines.prefix(8)), [
            "query", "  cohort country=Indonesia | metric customers", "",
            "warnings",
            "  <test>:1:24: warning: no country `Indonesia` in the data, so it matches nothing; values are ID, US, MY, SG, IN, PH, AU, GB, TH, VN",
            "    explain cohort country=Indonesia | metric customers",
            "                           ^~~~~~~~~",
            "    help: did you mean `ID`?",
        ])
        XCTAssertFalse(try session.texts("explain cohort country=ID | metric customers").contains("warnings"), "no section without warnings")
    }

    func testExplainExplainsTheReviewedPlan() throws {
        let session = try Session.demo(spend: false)
        let text = try session.texts("explain sql events | where channel = Social | metric events")
        XCTAssertTrue(text.contains("note: no events.channel is spelt `Social`"), text)
        XCTAssertTrue(text.contains("'social'") && !text.contains("'Social'"), "the SQL compares the data's spelling, as the run does:\n\(text)")
    }

    func testAWarningInAVariableIsShownWithoutItsLine() throws {
        let session = try Session.demo(spend: false)
        session.mustRun("let x = cohort country=Indonesia")
        let text = try session.texts("explain x | metric customers")
        XCTAssertTrue(text.contains("warnings\n  warning: no country `Indonesia` in the data"), text)
        XCTAssertTrue(text.contains("\n    help: did you mean `ID`?"), text)
    }

    func testLetPrintsTheWarningsWhenTheVariableIsDefined() throws {
        let session = try Session.demo(spend: false)
        let note = try session.texts("let x = cohort | funnel visit -> purchase where channel = facebook")
        XCTAssertEqual(note, """
            x = cohort | funnel visit -> purchase where channel = facebook
            <test>:1:59: warning: no events.channel `facebook` in the data, so it matches nothing; values are search, social, email, referral, display, affiliate
              let x = cohort | funnel visit -> purchase where channel = facebook
                                                                        ^~~~~~~~
            """)
        XCTAssertEqual(try session.texts("let y = cohort country=ID"), "y = cohort country=ID")
    }
}
