import XCTest
@testable import SiklusLanguage

/// `header=false`, `columns=(…)` and `ids=integer`: how the loaded file is shaped.
final class ParserLoadShapeTests: XCTestCase {
    func testHeaderColumnsAndIdsParse() throws {
        let text = #"load events "CDNOW.txt" header=false columns=(customer_id, date, "cds bought", amount) ids=INTEGER map ts=date"#
        let (statement, parsed) = try XCTUnwrap(parseOne(text))
        guard case .load(let load) = statement.kind else { return XCTFail("expected load") }
        XCTAssertEqual(load.header?.value, false)
        XCTAssertEqual(load.header.map { parsed.text($0.span) }, "header=false")
        XCTAssertEqual(load.columns?.value.map(\.text), ["customer_id", "date", "cds bought", "amount"])
        XCTAssertEqual(load.columns.map { parsed.text($0.span) }, #"columns=(customer_id, date, "cds bought", amount)"#)
        XCTAssertEqual(load.ids?.value, .integer)
        XCTAssertEqual(load.mappings.map(\.column.text), ["date"])
        XCTAssertTrue(parsed.printed.contains("header = false"), parsed.printed)
        XCTAssertTrue(parsed.printed.contains("ids = integer"), parsed.printed)

        let (plain, _) = try XCTUnwrap(parseOne(#"load events "e.csv""#))
        guard case .load(let defaults) = plain.kind else { return XCTFail("expected load") }
        XCTAssertNil(defaults.header)
        XCTAssertNil(defaults.columns)
        XCTAssertNil(defaults.ids)
    }

    func testMistakesAreLocatedErrors() {
        let cases: [(String, String)] = [
            (#"load events "f.txt" header=maybe"#, "expected `true` or `false` after `header=`"),
            (#"load events "f.txt" header=false header=true"#, "`header` is given twice"),
            (#"load events "f.txt" columns=(a, b, A)"#, "column `A` is named twice"),
            (#"load events "f.txt" columns=a, b"#, "expected `(` before the column names"),
            (#"load events "f.txt" columns=(a, b"#, "expected `)` after the column names"),
            (#"load events "f.txt" ids=integr"#, "unknown id rule `integr`"),
        ]
        for (text, message) in cases {
            let parsed = Parsed(text)
            XCTAssertTrue(parsed.result.diagnostics.first?.message.hasPrefix(message) == true, "\(text): \(parsed.rendered)")
        }
        XCTAssertTrue(Parsed(#"load events "f.txt" ids=integr"#).rendered.contains("integer"))
        // The unknown-option error lists the new options.
        XCTAssertTrue(Parsed(#"load events "f.txt" headr=false"#).rendered.contains("header"))
    }
}
