import XCTest
@testable import SiklusLanguage

final class ErrorRecoveryTests: XCTestCase {
    func testOneDiagnosticPerBadStatementAndGoodStatementsKept() {
        let parsed = Parsed("""
        load events "events.csv"
        cohrt signup=2022-09
        cohort signup=2022-09 | stage retention
        events | metric 3 4 5; stages
        events | where (a = 1
        let x = events | top 10
        events | funnel a -> ; set as_of = 2023-12-31
        """)
        XCTAssertEqual(parsed.result.statements.map { parsed.text($0.span) }, [
            #"load events "events.csv""#,
            "cohort signup=2022-09 | stage retention",
            "stages",
            "let x = events | top 10",
            "set as_of = 2023-12-31",
        ])
        XCTAssertEqual(parsed.result.diagnostics.map(\.message), [
            "unknown statement `cohrt`",
            "expected a metric name after `metric`, found number `3`",
            "unclosed `(`",
            "expected an event or stage name after `->`, found `;`",
        ])
        let lines = parsed.result.diagnostics.compactMap { $0.span.map { parsed.source.location(of: $0.start).line } }
        XCTAssertEqual(lines, [2, 4, 5, 7])
        XCTAssertTrue(parsed.result.hasErrors)
    }

    func testLexicalErrorsAreReportedFirstInTheirStatement() {
        let parsed = Parsed("events | metric @ | stage 3\nstages")
        XCTAssertEqual(parsed.result.diagnostics.map(\.message), ["unexpected character `@`"])
        XCTAssertEqual(parsed.result.statements.map(\.kind), [.stages])
    }

    func testUnclosedParenthesisCostsOneStatement() {
        let parsed = Parsed("events | where x in (a, b\nevents | where y in (c)\nstages")
        XCTAssertEqual(parsed.result.diagnostics.map(\.message), ["unclosed `(`"])
        XCTAssertEqual(parsed.result.statements.count, 2)
    }

    func testUnterminatedStringCostsOneStatement() {
        let parsed = Parsed("export \"x\nload events 'e.csv\nstages")
        XCTAssertEqual(parsed.result.diagnostics.map(\.message), ["unterminated string", "unterminated string"])
        XCTAssertEqual(parsed.result.statements.map(\.kind), [.stages])
    }

    func testSeveralErrorsOnOneLine() {
        let parsed = Parsed("events | top 0; events | limit x; events | plot")
        XCTAssertEqual(parsed.result.diagnostics.map(\.message),
                       ["`top` needs a count of at least 1", "expected a whole number after `limit`, found `x`"])
        XCTAssertEqual(parsed.result.statements.count, 1)
    }

    func testRecoveryAfterErrorAtEndOfInput() {
        let parsed = Parsed("stages\nevents |")
        XCTAssertEqual(parsed.result.diagnostics.map(\.message), ["expected a step after `|`, found end of input"])
        XCTAssertEqual(parsed.result.statements.map(\.kind), [.stages])
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let parens = Parsed("events | where " + String(repeating: "(", count: 50_000) + "a = 1\nstages")
        XCTAssertEqual(parens.result.diagnostics.map(\.message), ["the condition is nested too deeply"])
        XCTAssertEqual(parens.result.statements.map(\.kind), [.stages])
        let nots = Parsed("events | where " + String(repeating: "not ", count: 50_000) + "a = 1")
        XCTAssertEqual(nots.result.diagnostics.map(\.message), ["the condition is nested too deeply"])
        let terms = Parsed("events | where " + Array(repeating: "a = 1", count: 100_000).joined(separator: " and "))
        XCTAssertEqual(terms.result.diagnostics.map(\.message), ["the condition is too long"])
        XCTAssertNotNil(parsePipeline("events | where " + Array(repeating: "a = 1", count: 1_001).joined(separator: " or ")))
        XCTAssertNotNil(parsePipeline("events | where " + String(repeating: "(", count: 150) + "a = 1" + String(repeating: ")", count: 150)))
    }
}
