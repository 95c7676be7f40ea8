import Foundation
import SiklusEngine
import SiklusLanguage
import XCTest
@testable import SiklusShell

/// The guardrails' warnings and notes (issue 15) are rendered like errors, with a caret under the query,
/// on stderr in every output mode; stdout keeps the result alone, and `-q` silences them.
final class ResultWarningsTests: XCTestCase {
    private func warned(_ span: SourceSpan) -> ResultTable {
        var table = Samples.cohorts
        table.warnings = [Diagnostic("no country `Indonesia` in the data", at: span, hints: ["did you mean `ID`?"], severity: .warning)]
        return table
    }

    func testWarningsGoToStderrWithACaretAndStdoutStaysClean() {
        for mode in OutputMode.allCases {
            let harness = ShellHarness(mode: mode, table: warned(SourceSpan(start: 1, end: 4)))
            harness.run("table")
            XCTAssertTrue(harness.err.text.contains("""
            test.sik:1:2: warning: no country `Indonesia` in the data
              table
               ^~~
              help: did you mean `ID`?
            """), "\(mode): \(harness.err.text)")
            XCTAssertFalse(harness.out.text.contains("Indonesia"), "\(mode) keeps warnings out of stdout")
        }
        let plot = ShellHarness(mode: .csv, table: warned(SourceSpan(start: 0, end: 4)))
        plot.run("plot")
        XCTAssertTrue(plot.err.text.contains("warning: no country"), plot.err.text)
    }

    func testAWarningOutsideTheStatementIsShownWithoutItsLine() {
        let harness = ShellHarness(mode: .csv, table: warned(SourceSpan(start: 40, end: 44)))
        harness.run("table")
        XCTAssertTrue(harness.err.text.contains("test.sik: warning: no country `Indonesia` in the data\n  help: did you mean `ID`?"), harness.err.text)
    }

    func testQuietSilencesWarnings() {
        let harness = ShellHarness(mode: .csv, table: warned(SourceSpan(start: 0, end: 4)))
        harness.shell.settings.quiet = true
        harness.run("table")
        XCTAssertEqual(harness.err.text, "")
    }
}

/// `bottom N` (issue 15) is offered after `|` like every step, from the session's own vocabulary.
final class BottomCompletionTests: XCTestCase {
    func testBottomIsCompletedAsAStep() {
        let source = CompletionSource(vocabulary: Session().vocabulary, knownValues: { _ in [] }, listDirectory: { _ in [] })
        XCTAssertEqual(Completer.complete(line: "events | by channel | metric cpa | bot", cursor: 38, source: source).candidates, ["bottom"])
    }
}
