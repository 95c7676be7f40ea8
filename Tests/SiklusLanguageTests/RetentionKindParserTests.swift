import XCTest
@testable import SiklusLanguage

/// The retention kind options: `start`, `recurring`, `rolling`, `brackets`, `min_events`, `value`, and `| detail`.
final class RetentionKindParserTests: XCTestCase {
    func testEveryKindOptionParsesInAnyOrder() throws {
        let (step, parsed) = try XCTUnwrap(parseStep("retention value revenue start login recurring rolling brackets (1, 6, 23) min_events 2 percent"))
        guard case .retention(let options) = step else { return XCTFail("\(step)") }
        guard case .event(let name)? = options.start?.value else { return XCTFail("start") }
        XCTAssertEqual(name.text, "login")
        XCTAssertEqual(parsed.text(options.start!.span), "login")
        XCTAssertTrue(options.isRecurring)
        XCTAssertTrue(options.isRolling)
        XCTAssertEqual(options.brackets?.value, [1, 6, 23])
        XCTAssertEqual(parsed.text(options.brackets!.span), "brackets (1, 6, 23)")
        XCTAssertEqual(options.minEvents?.value, 2)
        XCTAssertEqual(options.value?.value, .revenue)
        XCTAssertTrue(options.isPercent)
        XCTAssertEqual(options.kindWords, ["start login", "recurring", "rolling", "brackets (1, 6, 23)", "min_events 2", "value revenue"])
    }

    func testStartAcceptsPurchaseAnyAndQuotedNames() throws {
        for (text, expected) in [("start purchase", RetentionActivity.purchase), ("start any", .anyEvent)] {
            let (step, _) = try XCTUnwrap(parseStep("retention " + text))
            guard case .retention(let options) = step else { return XCTFail() }
            XCTAssertEqual(options.start?.value, expected, text)
        }
        let (step, _) = try XCTUnwrap(parseStep(#"retention start "sign up""#))
        guard case .retention(let options) = step, case .event(let name)? = options.start?.value else { return XCTFail() }
        XCTAssertEqual(name.text, "sign up")
    }

    func testDetailIsAStep() throws {
        let (step, _) = try XCTUnwrap(parseStep("detail"))
        XCTAssertEqual(step, .detail)
        XCTAssertEqual(step.keyword, "detail")
    }

    func testMistakesAreLocated() {
        let cases: [(String, String)] = [
            ("events | retention value profit", "unknown retention value `profit`"),
            ("events | retention value", "expected `revenue` or `orders` after `value`"),
            ("events | retention brackets 1, 2", "expected `(` after `brackets`"),
            ("events | retention brackets (1, 0)", "`,` needs a count of at least 1"),
            ("events | retention brackets (1, 2", "expected `)` or `,` in the bracket list"),
            ("events | retention brackets (5000, 5000)", "the brackets cover 10000 periods; at most 9999"),
            ("events | retention min_events 0", "`min_events` needs a count of at least 1"),
            ("events | retention recurring recurring", "`recurring` is given twice"),
            ("events | retention start", "`purchase`, `any` or an event or stage name after `start`"),
        ]
        for (text, message) in cases {
            let result = Parser.parse(SourceFile(name: "q", text: text))
            XCTAssertTrue(result.diagnostics.contains { $0.message.contains(message) }, "\(text): \(result.diagnostics.map(\.message))")
        }
    }
}
