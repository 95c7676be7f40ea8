import XCTest
@testable import SiklusLanguage

final class ParserExpressionTests: XCTestCase {
    /// The `where` condition of `events | where <text>`.
    private func condition(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> (ExpressionNode, Parsed)? {
        guard let (step, parsed) = parseStep("where " + text, file: file, line: line) else { return nil }
        guard case .filter(let condition) = step else {
            XCTFail("expected a where step", file: file, line: line)
            return nil
        }
        XCTAssertEqual(parsed.text(condition.span), text, "condition span", file: file, line: line)
        return (condition, parsed)
    }

    /// The condition printed inline.
    private func inline(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        condition(text, file: file, line: line).map { SyntaxPrinter.inline($0.0) } ?? ""
    }

    func testComparisonOperators() {
        for op in ["=", "!=", "<", "<=", ">", ">="] {
            XCTAssertEqual(inline("amount \(op) 10"), "amount \(op) 10")
        }
        XCTAssertEqual(inline("amount == 10"), "amount = 10")
        XCTAssertEqual(inline("amount <> 10"), "amount != 10")
    }

    func testBareNameOnTheRightIsANameLiteral() throws {
        let (node, _) = try XCTUnwrap(condition("channel = social"))
        guard case .comparison(let left, .equal, let right) = node.kind else { return XCTFail() }
        guard case .column(let column) = left.kind else { return XCTFail("left side is a column") }
        XCTAssertEqual(column.text, "channel")
        XCTAssertEqual(right.kind, .literal(.name("social")))
    }

    func testOperandTypes() throws {
        let cases: [(String, ExpressionKind)] = [
            ("x = 'single'", .literal(.string("single"))),
            ("x = \"double\"", .literal(.string("double"))),
            ("x = 2022-09-14", .literal(.date(.day(year: 2022, month: 9, day: 14)))),
            ("x = 2022-09", .literal(.date(.month(year: 2022, month: 9)))),
            ("x >= 2022-09-14T08:05", .literal(.date(.timestamp(year: 2022, month: 9, day: 14, hour: 8, minute: 5, second: 0)))),
            ("x < 1.25", .literal(.number(1.25))),
            ("x > -2", .literal(.integer(-2))),
            ("x < 30d", .literal(.duration(DurationLiteral(value: 30, unit: .day)))),
        ]
        for (text, expected) in cases {
            let (node, _) = try XCTUnwrap(condition(text))
            guard case .comparison(_, _, let right) = node.kind else { return XCTFail(text) }
            XCTAssertEqual(right.kind, expected, text)
        }
    }

    func testLiteralOnTheLeft() throws {
        let (node, _) = try XCTUnwrap(condition("100 < amount"))
        guard case .comparison(let left, .less, let right) = node.kind else { return XCTFail() }
        XCTAssertEqual(left.kind, .literal(.integer(100)))
        XCTAssertEqual(right.kind, .literal(.name("amount")), "a bare word on the right is a name the engine resolves")
    }

    func testMembership() throws {
        XCTAssertEqual(inline("country in (ID, US, 'SG')"), #"country in (ID, US, "SG")"#)
        XCTAssertEqual(inline("country not in (ID)"), "country not in (ID)")
        XCTAssertEqual(inline("signup in (2022-01..2022-03, 2022-06)"), "signup in (2022-01..2022-03 (month), 2022-06 (month))")
        let (node, _) = try XCTUnwrap(condition("country not in (ID)"))
        guard case .membership(_, true, let values) = node.kind else { return XCTFail() }
        XCTAssertEqual(values.count, 1)
    }

    func testPrecedenceNotAndOr() throws {
        let (node, _) = try XCTUnwrap(condition("a = 1 or b = 2 and not c = 3"))
        guard case .or(let left, let right) = node.kind else { return XCTFail("or binds loosest") }
        guard case .comparison = left.kind, case .and(_, let notNode) = right.kind, case .not(let negated) = notNode.kind else {
            return XCTFail("and binds tighter than or, not tighter than and")
        }
        guard case .comparison = negated.kind else { return XCTFail() }
        XCTAssertEqual(SyntaxPrinter.inline(node), "a = 1 or b = 2 and not c = 3")
    }

    func testParenthesesOverridePrecedence() throws {
        let (node, parsed) = try XCTUnwrap(condition("(a = 1 or b = 2) and c = 3"))
        guard case .and(let left, _) = node.kind, case .or = left.kind else { return XCTFail() }
        XCTAssertEqual(parsed.text(left.span), "(a = 1 or b = 2)")
        XCTAssertEqual(SyntaxPrinter.inline(node), "(a = 1 or b = 2) and c = 3")
        XCTAssertEqual(inline("not (a = 1 and b = 2)"), "not (a = 1 and b = 2)")
        XCTAssertEqual(inline("((a = 1))"), "a = 1")
    }

    func testAndOrAreLeftAssociative() throws {
        let (node, _) = try XCTUnwrap(condition("a = 1 and b = 2 and c = 3"))
        guard case .and(let left, let right) = node.kind, case .and = left.kind, case .comparison = right.kind else { return XCTFail() }
        XCTAssertEqual(inline("a = 1 or (b = 2 or c = 3)"), "a = 1 or (b = 2 or c = 3)")
    }

    func testDottedColumns() {
        XCTAssertEqual(inline("customers.country = events.country"), "customers.country = events.country")
    }

    func testKeywordCaseInsensitive() {
        XCTAssertEqual(inline("a = 1 AND b IN (x) OR NOT c NOT IN (y)"), "a = 1 and b in (x) or not c not in (y)")
    }

    func testPrintedConditionTree() {
        XCTAssertEqual(Parsed("events | where amount > 100 and (channel = social or not country in (ID, US))").printed, """
        pipeline
          source events
          step where
            and
              amount > 100
              or
                channel = social
                not
                  country in (ID, US)
        """)
    }
}
