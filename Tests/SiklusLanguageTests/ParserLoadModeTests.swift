import XCTest
@testable import SiklusLanguage

/// `load … append` and `load … replace`.
final class ParserLoadModeTests: XCTestCase {
    func testAppendAndReplaceAreLoadOptions() throws {
        for (word, mode) in [("append", LoadStatement.Mode.append), ("REPLACE", .replace)] {
            let text = #"load events "e.csv" map customer=id \#(word) delim=";""#
            let (statement, parsed) = try XCTUnwrap(parseOne(text))
            guard case .load(let load) = statement.kind else { return XCTFail("expected load") }
            XCTAssertEqual(load.mode?.value, mode)
            XCTAssertEqual(load.mode.map { parsed.text($0.span) }, word)
            XCTAssertEqual(load.mappings.map(\.column.text), ["id"])
            XCTAssertEqual(load.delimiter?.value, UInt8(ascii: ";"))
            XCTAssertTrue(parsed.printed.contains("\n  \(mode.rawValue)"), parsed.printed)
        }
        let (plain, _) = try XCTUnwrap(parseOne(#"load events "e.csv""#))
        guard case .load(let load) = plain.kind else { return XCTFail("expected load") }
        XCTAssertNil(load.mode)
    }

    func testBothModesAreAnError() {
        let parsed = Parsed(#"load events "e.csv" append replace"#)
        XCTAssertEqual(parsed.result.diagnostics.first?.message, "`replace` after `append`")
    }

    func testUnknownOptionListsTheModes() {
        let parsed = Parsed(#"load events "e.csv" appendd"#)
        XCTAssertTrue(parsed.rendered.contains("append"), parsed.rendered)
    }
}
