import XCTest
@testable import SiklusLanguage

/// Whole-message checks: file:line:col, the source line, the caret under the token, and `help:` hints.
final class DiagnosticRenderingTests: XCTestCase {
    func testUnknownStepWithSuggestion() {
        XCTAssertEqual(singleError("events | metrc avg_order"), """
        q.sik:1:10: error: unknown step `metrc`
          events | metrc avg_order
                   ^~~~~
          help: did you mean `metric`?
        """)
    }

    func testUnknownStatementWithSuggestion() {
        XCTAssertEqual(singleError("cohrot signup=2022-09 | stage retention"), """
        q.sik:1:1: error: unknown statement `cohrot`
          cohrot signup=2022-09 | stage retention
          ^~~~~~
          help: did you mean `cohort`?
        """)
    }

    func testUnterminatedStringSpansToEndOfLine() {
        XCTAssertEqual(singleError("load events \"data/events.csv\nstages"), """
        q.sik:1:13: error: unterminated string
          load events "data/events.csv
                      ^~~~~~~~~~~~~~~~
          help: add the closing `"`
        """)
    }

    func testExpectedStepAfterPipe() {
        XCTAssertEqual(singleError("events | ; stages"), """
        q.sik:1:10: error: expected a step after `|`, found `;`
          events | ; stages
                   ^
          help: a step is one of: derive, stage, where, by, metric, retention, funnel, dropped, histogram, lifecycle, stickiness, rows, sort, top, bottom, limit, plot, export, detail, rfm, clv, paths
        """)
    }

    func testMissingTokenAtEndOfLinePointsJustAfterTheLine() {
        XCTAssertEqual(singleError("events | where amount >\nstages"), """
        q.sik:1:24: error: expected a value after `>`, found end of line
          events | where amount >
                                 ^
        """)
        XCTAssertEqual(singleError("events | where x = 1 and"), """
        q.sik:1:25: error: expected a condition after `and`, such as `amount > 100`, found end of input
          events | where x = 1 and
                                  ^
        """)
    }

    func testUnbalancedParentheses() {
        XCTAssertEqual(singleError("events | where country in (ID, US\nstages"), """
        q.sik:1:27: error: unclosed `(`
          events | where country in (ID, US
                                    ^
          help: add `)` to close it before end of line
        """)
        XCTAssertEqual(singleError("events | where (a = 1))"), """
        q.sik:1:23: error: unmatched `)`
          events | where (a = 1))
                                ^
          help: remove it, or add the `(` it closes
        """)
    }

    func testNumberWhereANameIsExpected() {
        XCTAssertEqual(singleError("events | metric 42"), """
        q.sik:1:17: error: expected a metric name after `metric`, found number `42`
          events | metric 42
                          ^~
          help: names start with a letter or `_`
        """)
    }

    func testInvalidDateAndNumber() {
        XCTAssertEqual(singleError("cohort signup=2023-02-29"), """
        q.sik:1:15: error: invalid date `2023-02-29`: day 29 is out of range for 2023-02 (1–28)
          cohort signup=2023-02-29
                        ^~~~~~~~~~
        """)
        XCTAssertEqual(singleError("set churn_after = 90x"), """
        q.sik:1:19: error: unknown duration unit `x` in `90x`
          set churn_after = 90x
                            ^~~
          help: units: `s`/`sec` seconds, `m`/`min` minutes, `h`/`hr`/`hrs` hours, `d`/`day` days, `w`/`wk` weeks, `mo` months, `q`/`qtr` quarters, `y`/`yr` years
        """)
    }

    func testMissingPipeBeforeStep() {
        XCTAssertEqual(singleError("cohort signup=2022-09 stage retention"), """
        q.sik:1:23: error: expected `|` before the `stage` step
          cohort signup=2022-09 stage retention
                                ^~~~~
          help: steps follow `|`: `cohort signup=2022-09 | stage …`
        """)
        XCTAssertEqual(singleError("events | stage retention metric avg_order"), """
        q.sik:1:26: error: unexpected `metric` after `stage retention`
          events | stage retention metric avg_order
                                   ^~~~~~
          help: add `|` before `metric` to start a new step
        """)
    }

    func testErrorOnALaterLineAndNonASCIIColumns() {
        XCTAssertEqual(singleError("stages\n# comment\nlet café = events | sort total dsc"), """
        q.sik:3:32: error: unknown sort direction `dsc`
          let café = events | sort total dsc
                                         ^~~
          help: did you mean `asc` or `desc`?
        """)
    }

    func testFirstLineOffset() {
        let source = SourceFile(name: "<stdin>", text: "events | top x", firstLine: 7)
        let rendered = Parser.parse(source).diagnostics.map { $0.render(in: source) }
        XCTAssertEqual(rendered, ["""
        <stdin>:7:14: error: expected a whole number after `top`, found `x`
          events | top x
                       ^
          help: for example `top 10`
        """])
    }

    func testStageEditNeedsAnOperator() {
        XCTAssertEqual(singleError("stage retention"), """
        q.sik:1:16: error: expected `+=` or `-=` after `stage retention`, found end of input
          stage retention
                         ^
          help: `stage` at the start of a statement edits the stage map: `stage retention += <event>`
          help: to keep customers in a stage, start from a source: `events | stage retention`
        """)
    }

    func testTrailingPipeExplainsTheJoinedLine() {
        XCTAssertEqual(singleError("events |\nlet x = events"), """
        q.sik:2:1: error: unknown step `let`
          let x = events
          ^~~
          help: a step is one of: derive, stage, where, by, metric, retention, funnel, dropped, histogram, lifecycle, stickiness, rows, sort, top, bottom, limit, plot, export, detail, rfm, clv, paths
          help: the `|` at the end of line 1 continues the statement onto this line
        """)
    }

    func testMultilineStringHint() {
        let parsed = Parsed("load events \"a.csv\nset x = 1\nload customers \"b.csv\"")
        XCTAssertEqual(parsed.rendered, """
        q.sik:3:22: error: unterminated string
          load customers "b.csv"
                               ^
          help: add the closing `"`
          help: the string opened at line 1, column 13 runs to line 3; is a closing quote missing?
        """)
    }

    func testEveryDiagnosticHasASpan() {
        let parsed = Parsed("cohrt x=1\nevents | metric 3\nload evnts \"x\"\nevents | where (\nset = 3\nlet stages = events\n@")
        XCTAssertEqual(parsed.result.diagnostics.count, 7)
        for diagnostic in parsed.result.diagnostics {
            let span = try? XCTUnwrap(diagnostic.span)
            XCTAssertNotNil(span)
            XCTAssertEqual(diagnostic.severity, .error)
        }
    }
}
