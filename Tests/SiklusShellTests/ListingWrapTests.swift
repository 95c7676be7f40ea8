import SiklusCharts
import XCTest
@testable import SiklusShell

/// Listings on a narrow terminal (a projector's 80 columns) wrap under their text column.
final class ListingWrapTests: XCTestCase {
    func testLongLinesWrapUnderTheTextColumn() {
        let line = ".maxrows [N]      Show at most N rows of a table in the modes meant for reading (0: all; default 40 on a terminal)"
        let lines = ListingWrap.lines(line, width: 60)
        XCTAssertEqual(lines, [
            ".maxrows [N]      Show at most N rows of a table in the",
            "                  modes meant for reading (0: all; default",
            "                  40 on a terminal)",
        ])
    }

    func testWithoutAColumnContinuationIsIndented() {
        let lines = ListingWrap.lines("  formula: spend / customers in scope whose first purchase falls in the period", width: 40)
        XCTAssertEqual(lines, ["  formula: spend / customers in scope", "    whose first purchase falls in the", "    period"])
    }

    func testEveryLineFitsAndNoWordIsLost() {
        let text = "awareness     ad_impression, impression, ad_click, visit, page_view, session_start\n\nshort\n"
            + "x a-word-much-longer-than-the-whole-width-of-the-terminal-so-it-must-be-cut y"
        for width in [20, 33, 50, 80] {
            let fitted = ListingWrap.fitted(text, width: width)
            for line in fitted.split(separator: "\n") {
                XCTAssertLessThanOrEqual(DisplayWidth.of(String(line)), width, "\(width): \(line)")
            }
            XCTAssertEqual(fitted.filter { !$0.isWhitespace }, text.filter { !$0.isWhitespace }, "\(width)")
            XCTAssertEqual(fitted.components(separatedBy: "\n\nshort\n").count, 2, "short lines and blank lines stay")
        }
    }

    func testFilesAndPipesAreUnchanged() {
        let text = String(repeating: "word ", count: 40)
        XCTAssertEqual(ListingWrap.fitted(text, width: nil), text)
        XCTAssertEqual(ListingWrap.fitted("fits", width: 80), "fits")
    }
}
