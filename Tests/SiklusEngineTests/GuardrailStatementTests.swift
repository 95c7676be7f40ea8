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

    func testAQueryWithNoDataLoadedSaysSo() throws {
        // Zeros read like an answer: the warning says nothing was loaded, and goes once data is.
        let empty = Session()
        let table = try empty.query("cohort signup=2022-09 | stage retention | metric avg_order")
        XCTAssertEqual(table.warnings.map(\.message), ["no data is loaded, so every count is 0 and every rate empty"])
        XCTAssertEqual(table.warnings.first?.severity, .warning)
        let loaded = try Session.demo(spend: false)
        XCTAssertEqual(try loaded.query("cohort signup=2022-09 | stage retention | metric avg_order").warnings.map(\.message), [])
    }

    func testExplainExplainsTheReviewedPlan() throws {
        let session = try Session.demo(spend: false)
        let text = try session.texts("explain sql events | where channel = Social | metric events")
        XCTAssertTrue(text.contains("note: no events.channel is spelt `Social`"), text)
        XCTAssertTrue(text.contains("'social'") && !text.contains("'Social'"), "the SQL compares the data's spelling, as the run does:\n\(text)")
    }

    func testAWarningInAVariableIsShownUnderItsName() throws {
        let session = try Session.demo(spend: false)
        session.mustRun("let x = cohort country=Indonesia")
        let text = try session.texts("explain x | metric customers")
        XCTAssertTrue(text.contains("""
            warnings
              <test>:1:9: warning: in `x`: no country `Indonesia` in the data, so it matches nothing; values are ID, US, MY, SG, IN, PH, AU, GB, TH, VN
                explain x | metric customers
                        ^
                help: did you mean `ID`?
            """), text)
    }

    /// Each REPL input is its own source starting at offset 0, so the variable's span (16..<25 of its own
    /// line) also lies inside this statement: located by offsets alone, the caret would sit under
    /// `channel`. It sits under the variable's name, and the statement's own warning keeps its place.
    func testAVariablesWarningUsedInALaterInputPointsAtTheVariable() throws {
        let session = try Session.demo(spend: false)
        session.mustRun("let x = cohort country=Indonesia")
        let source = SourceFile(name: "<test>", text: "x | where channel = Sosial | metric customers")
        var table: ResultTable?
        session.run(source) { outcome in
            if case .output(.table(let t), _) = outcome { table = t }
            return true
        }
        let rendered = try PlainTable.warnings(XCTUnwrap(table), in: source)
        XCTAssertTrue(rendered.contains("""
            <test>:1:1: warning: in `x`: no country `Indonesia` in the data, so it matches nothing; values are ID, US, MY, SG, IN, PH, AU, GB, TH, VN
              x | where channel = Sosial | metric customers
              ^
            """), rendered)
        XCTAssertTrue(rendered.contains("<test>:1:21: warning: no events.channel `Sosial`"), rendered)
        XCTAssertEqual(try session.texts("let y = x | metric customers").split(separator: "\n").dropFirst().first,
                       "<test>:1:9: warning: in `x`: no country `Indonesia` in the data, so it matches nothing; values are ID, US, MY, SG, IN, PH, AU, GB, TH, VN")
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
