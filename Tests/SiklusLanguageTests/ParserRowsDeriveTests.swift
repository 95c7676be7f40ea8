import XCTest
@testable import SiklusLanguage

/// `rows [N]`, `derive name = <expression>` and the `customers` source (issue 11, item 6).
final class ParserRowsDeriveTests: XCTestCase {
    func testRowsWithAndWithoutCount() throws {
        let (bare, _) = try XCTUnwrap(parseStep("rows"))
        XCTAssertEqual(bare, .rows(nil))
        XCTAssertEqual(bare.keyword, "rows")
        let (counted, parsed) = try XCTUnwrap(parseStep("rows 5"))
        guard case .rows(let n?) = counted else { return XCTFail() }
        XCTAssertEqual(n.value, 5)
        XCTAssertEqual(parsed.text(n.span), "5")
    }

    func testRowsCountIsChecked() {
        XCTAssertEqual(firstMessage("events | rows 0"), "`rows` needs a count of at least 1")
        XCTAssertEqual(firstMessage("events | rows x"), "expected a whole number after `rows`, found `x`")
    }

    func testCustomersSourceIsEveryCustomer() throws {
        let (pipeline, parsed) = try XCTUnwrap(parsePipeline("customers | rows"))
        XCTAssertEqual(pipeline.source.kind, .cohort(CohortSource()))
        XCTAssertEqual(parsed.text(pipeline.source.span), "customers")
        XCTAssertTrue(Keywords.reservedVariableNames.contains("customers"))
    }

    func testDeriveBindsMultiplicationTighter() throws {
        let (step, parsed) = try XCTUnwrap(parseStep("derive net = Quantity * UnitPrice - 2.5"))
        guard case .derive(let spec) = step else { return XCTFail() }
        XCTAssertEqual(spec.name.text, "net")
        guard case .binary(let left, .subtract, let right) = spec.expression.kind else { return XCTFail("\(spec.expression.kind)") }
        XCTAssertEqual(parsed.text(left.span), "Quantity * UnitPrice")
        XCTAssertEqual(right.kind, .number(2.5))
        guard case .binary(let q, .multiply, let p) = left.kind else { return XCTFail() }
        XCTAssertEqual(q.kind, .column(QualifiedName([Identifier("Quantity", at: q.span)])))
        XCTAssertEqual(parsed.text(p.span), "UnitPrice")
    }

    func testDeriveParenthesesNegationAndLeftAssociativity() throws {
        let (step, parsed) = try XCTUnwrap(parseStep("derive x = -(a - b) / 2 / c"))
        guard case .derive(let spec) = step else { return XCTFail() }
        // ((-(a - b)) / 2) / c
        guard case .binary(let left, .divide, let c) = spec.expression.kind else { return XCTFail() }
        XCTAssertEqual(parsed.text(c.span), "c")
        guard case .binary(let negated, .divide, let two) = left.kind, case .negate(let inner) = negated.kind else { return XCTFail() }
        XCTAssertEqual(two.kind, .number(2))
        XCTAssertEqual(parsed.text(inner.span), "(a - b)")
        XCTAssertEqual(SyntaxPrinter.inline(spec.expression), "-(a - b) / 2 / c")
        let (negative, _) = try XCTUnwrap(parseStep("derive y = a*-1"))
        guard case .derive(let y) = negative, case .binary(_, .multiply, let minusOne) = y.expression.kind else { return XCTFail() }
        XCTAssertEqual(minusOne.kind, .number(-1))
    }

    func testPrinterKeepsMeaningOfRightNestedOperands() throws {
        for text in ["a - (b - c)", "(a + b) * c", "a / (b * c)", "a + b * c", "a * b + c"] {
            let (step, _) = try XCTUnwrap(parseStep("derive x = " + text))
            guard case .derive(let spec) = step else { return XCTFail() }
            XCTAssertEqual(SyntaxPrinter.inline(spec.expression), text)
        }
    }

    func testDeriveMistakesAreLocated() {
        XCTAssertEqual(singleError("events | derive x Quantity"), """
        q.sik:1:19: error: expected `=` after `derive x`, found `Quantity`
          events | derive x Quantity
                            ^~~~~~~~
          help: for example `derive x = Quantity * UnitPrice`
        """)
        XCTAssertEqual(firstMessage("events | derive = a"), "expected a name for the new column after `derive`, found `=`")
        XCTAssertEqual(firstMessage("events | derive x = a *"), "expected a number, a column name or `(`, found end of input")
        XCTAssertEqual(firstMessage("events | derive x = (a + b"), "unclosed `(`")
        XCTAssertEqual(firstMessage("events | derive x = a b"), "expected an operator (`+`, `-`, `*`, `/`) or the end of the step, found `b`")
        XCTAssertEqual(firstMessage("events | derive x = \"a\""), "a derive expression computes numbers; text in quotes is not one")
    }

    func testHostileExpressionsAreBounded() {
        let deep = String(repeating: "(", count: 5_000) + "a" + String(repeating: ")", count: 5_000)
        XCTAssertEqual(firstMessage("events | derive x = " + deep), "the expression is nested too deeply")
        let long = (0...2_000).map { "a\($0)" }.joined(separator: " + ")
        XCTAssertEqual(firstMessage("events | derive x = " + long), "the expression is too long")
    }
}
