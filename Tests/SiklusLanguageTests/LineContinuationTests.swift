import XCTest
@testable import SiklusLanguage

final class LineContinuationTests: XCTestCase {
    private func joinedKinds(_ text: String) -> [TokenKind] {
        Lexer.joinContinuedLines(Lexer.tokenize(SourceFile(name: "t", text: text))).map(\.kind).dropLast()
    }

    func testTrailingPipeJoinsLines() {
        XCTAssertEqual(joinedKinds("events |\n  plot"), [.identifier, .pipe, .identifier])
        XCTAssertEqual(joinedKinds("events |  # comment\n\n  # more\n  plot"), [.identifier, .pipe, .identifier])
    }

    func testLeadingPipeJoinsLines() {
        XCTAssertEqual(joinedKinds("events\n  | plot\n\n  | top 3"), [.identifier, .pipe, .identifier, .pipe, .identifier, .integer])
    }

    func testOpenParenthesisJoinsLines() {
        XCTAssertEqual(joinedKinds("x in (a,\n b)\ny"), [.identifier, .identifier, .leftParen, .identifier, .comma, .identifier,
                                                         .rightParen, .newline, .identifier])
    }

    func testUnclosedParenthesisDoesNotSwallowLaterLines() {
        XCTAssertEqual(joinedKinds("x in (a\ny in (b)\nz"), [.identifier, .identifier, .leftParen, .identifier, .newline, .identifier,
                                                            .identifier, .leftParen, .identifier, .rightParen, .newline, .identifier])
    }

    func testSemicolonResetsParentheses() {
        XCTAssertEqual(joinedKinds("(a; b\n c)"), [.leftParen, .identifier, .semicolon, .identifier, .newline, .identifier, .rightParen])
    }

    func testBlankLinesAndLeadingNewlinesCollapse() {
        XCTAssertEqual(joinedKinds("\n\n a \n\n\n b;\n c\n"), [.identifier, .newline, .identifier, .semicolon, .identifier, .newline])
    }

    func testNeedsContinuation() {
        XCTAssertTrue(Lexer.needsContinuation("cohort signup=2022-09 |"))
        XCTAssertTrue(Lexer.needsContinuation("cohort signup=2022-09 |   "))
        XCTAssertTrue(Lexer.needsContinuation("cohort signup=2022-09 | # then what?"))
        XCTAssertTrue(Lexer.needsContinuation("cohort signup=2022-09 \\"))
        XCTAssertTrue(Lexer.needsContinuation("cohort signup=2022-09 \\  -- more"))
        XCTAssertTrue(Lexer.needsContinuation("events | where country in (ID,"))
        XCTAssertTrue(Lexer.needsContinuation("events | where ((a = 1) or b = 2"))
        XCTAssertTrue(Lexer.needsContinuation("load events \"data/ev"))
        XCTAssertTrue(Lexer.needsContinuation("events |\n  where x = 1 |"))
        XCTAssertTrue(Lexer.needsContinuation("help 'it"))
    }

    func testDoesNotNeedContinuation() {
        XCTAssertFalse(Lexer.needsContinuation(""))
        XCTAssertFalse(Lexer.needsContinuation("cohort signup=2022-09 | stage retention"))
        XCTAssertFalse(Lexer.needsContinuation("events | where x = \"a|\""))
        XCTAssertFalse(Lexer.needsContinuation("events # |"))
        XCTAssertFalse(Lexer.needsContinuation("events -- \\"))
        XCTAssertFalse(Lexer.needsContinuation("events | where x in (a, b)"))
        XCTAssertFalse(Lexer.needsContinuation("events | where x in (a))"))
        XCTAssertFalse(Lexer.needsContinuation("events \\\n | plot"))
        XCTAssertFalse(Lexer.needsContinuation("x in (a; b"))
        XCTAssertFalse(Lexer.needsContinuation("x = \"a\nb\""))
    }

    func testParserAcceptsMultiLineStatements() {
        let text = """
        cohort signup=2022-09 |      # September signups
          stage retention |
          metric avg_order
        events
          | where country in (ID,
                              US)
          | by channel \\
            , month
        """
        let parsed = Parsed(text)
        XCTAssertEqual(parsed.rendered, "")
        XCTAssertEqual(parsed.result.statements.count, 2)
        XCTAssertEqual(parsed.printed, """
        pipeline
          source cohort
            filter signup = 2022-09 (month)
          step stage retention
          step metric avg_order
        pipeline
          source events
          step where country in (ID, US)
          step by channel, month
        """)
        XCTAssertEqual(parsed.text(parsed.result.statements[0].span),
                       "cohort signup=2022-09 |      # September signups\n  stage retention |\n  metric avg_order")
    }
}
