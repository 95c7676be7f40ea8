import XCTest
@testable import SiklusLanguage

/// Issue 15: curly quotes pasted from slides are read as straight quotes; `bottom N` parses like `top N`.
final class CurlyQuoteTests: XCTestCase {
    func testCurlyDoubleAndSingleQuotesMakeStrings() {
        XCTAssertEqual(kinds("where channel = “social”"), [.identifier, .identifier, .equal, .string])
        XCTAssertEqual(kinds("‘paid search’"), [.string])
        // A curly-opened string may end at the straight quote of its kind, and `”` may open one.
        XCTAssertEqual(kinds("“social\" ”x”"), [.string, .string])
    }

    func testCurlyStringsDecodeToTheirText() throws {
        let (step, _) = try XCTUnwrap(parseStep("where channel in (“Social Media”, ‘e\\tmail’, \"say “hi”\")"))
        guard case .filter(let condition) = step, case .membership(_, _, let values) = condition.kind else { return XCTFail("\(step)") }
        let texts = values.map { value -> String in
            if case .literal(.string(let s)) = value.kind { s } else { "?" }
        }
        // A straight-quoted string keeps the curly quotes inside it.
        XCTAssertEqual(texts, ["Social Media", "e\tmail", "say “hi”"])
    }

    func testApostropheInsideAWordStaysPartOfIt() {
        XCTAssertEqual(lexed("customer’s").map(\.kind), [.identifier])
    }

    func testUnterminatedCurlyStringIsLocated() {
        let parsed = Parsed("events | where channel = “social\nevents")
        XCTAssertEqual(parsed.result.diagnostics.count, 1, parsed.rendered)
        XCTAssertTrue(parsed.rendered.contains("1:26"), parsed.rendered)
    }

    func testBottomParsesAndPrints() throws {
        let (step, _) = try XCTUnwrap(parseStep("bottom 3"))
        guard case .bottom(let n) = step else { return XCTFail("\(step)") }
        XCTAssertEqual(n.value, 3)
        XCTAssertTrue(Parsed("events | by channel | metric cpa | bottom 0").rendered.contains("error"))
        XCTAssertEqual(Parsed("events | metric cpa | bottom 2").printed.contains("step bottom 2"), true)
    }

    func testWordsTypedForOneNameSuggestTheJoinedName() {
        XCTAssertTrue(Parsed("cohort | metric avg order").rendered.contains("`avg_order`"))
    }
}
