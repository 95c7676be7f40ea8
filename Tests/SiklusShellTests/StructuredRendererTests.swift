import Foundation
import SiklusEngine
import XCTest
@testable import SiklusShell

/// json, markdown and line modes.
final class StructuredRendererTests: XCTestCase {
    func testJSONIsAnArrayOfObjectsThatParsesBack() throws {
        let text = OutputMode.json.renderer.render(Samples.cohorts, options: RenderOptions())
        // One line per result, so several results are JSON Lines.
        XCTAssertEqual(text, """
        [{"cohort": "2022-09", "customers": 1204, "revenue": 123456.789, "repeat_rate": 42.25}, \
        {"cohort": "2022-10", "customers": 98, "revenue": 0.5, "repeat_rate": 7}, \
        {"cohort": null, "customers": 0, "revenue": null, "repeat_rate": 100}]

        """)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(rows[0]["cohort"] as? String, "2022-09")
        XCTAssertEqual((rows[0]["revenue"] as? NSNumber)?.doubleValue, 123456.789)
        XCTAssertTrue(rows[2]["cohort"] is NSNull)
    }

    func testJSONEscapesStringsAndNullsNonFiniteNumbers() throws {
        let table = ResultTable(columns: [
            ResultColumn(name: "na\"me", unit: .text, values: .text(["a\"b\\c\nd\te\u{01}", "ü"])),
            ResultColumn(name: "x", unit: .ratio, values: .number([.nan, .infinity])),
        ])
        let text = OutputMode.json.renderer.render(table, options: RenderOptions())
        XCTAssertTrue(text.contains(#"{"na\"me": "a\"b\\c\nd\te\u0001", "x": null}"#), text)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows[0]["na\"me"] as? String, "a\"b\\c\nd\te\u{01}")
        XCTAssertEqual(rows[1]["na\"me"] as? String, "ü")
        XCTAssertTrue(rows[1]["x"] is NSNull)
    }

    func testJSONOfAwkwardValuesParsesBack() throws {
        let text = OutputMode.json.renderer.render(Samples.awkward, options: RenderOptions())
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["name"] as? String }, ["plain", "a,b", "say \"hi\"", "two\nlines", "tab\there", nil])
        XCTAssertEqual((rows[1]["value"] as? NSNumber)?.doubleValue, 1e-7)
        XCTAssertEqual((rows[4]["value"] as? NSNumber)?.doubleValue, 1e300)
    }

    func testJSONOfNoRowsIsAnEmptyArray() {
        let table = ResultTable(columns: [ResultColumn(name: "a", unit: .text, values: .text([]))])
        XCTAssertEqual(OutputMode.json.renderer.render(table, options: RenderOptions()), "[]\n")
    }

    func testMarkdownHasAnAlignmentRow() {
        XCTAssertEqual(OutputMode.markdown.renderer.render(Samples.cohorts, options: RenderOptions()), """
        | cohort  | customers |    revenue | repeat_rate |
        |---------|----------:|-----------:|------------:|
        | 2022-09 |     1,204 | 123,456.79 |       42.3% |
        | 2022-10 |        98 |       0.50 |        7.0% |
        |         |         0 |            |      100.0% |

        """)
    }

    func testMarkdownEscapesPipesAndNewlines() {
        let table = ResultTable(columns: [ResultColumn(name: "a|b", unit: .text, values: .text(["x|y", "1\n2"]))])
        XCTAssertEqual(OutputMode.markdown.renderer.render(table, options: RenderOptions()), """
        | a\\|b   |
        |--------|
        | x\\|y   |
        | 1<br>2 |

        """)
    }

    func testLineModePrintsOneCellPerLineWithBlankLinesBetweenRows() {
        XCTAssertEqual(OutputMode.line.renderer.render(Samples.dated, options: RenderOptions()), """
                       week = 2022-09-12
        orders_per_customer = 1.23
                median_days = 14.00

                       week = 2022-09-19
        orders_per_customer = 2.00
                median_days = 3.50

        """)
    }

    func testModesForReadingFormatNumbersAndExactModesKeepFullPrecision() {
        for mode in OutputMode.allCases {
            let text = mode.renderer.render(Samples.cohorts, options: RenderOptions())
            XCTAssertEqual(mode.isExact, [.csv, .tsv, .json].contains(mode))
            if !mode.isExact {
                XCTAssertTrue(text.contains("123,456.79") && text.contains("42.3%"), "\(mode)")
            } else {
                XCTAssertTrue(text.contains("123456.789") && text.contains("42.25"), "\(mode)")
                XCTAssertFalse(text.contains("%") || text.contains("123,456"), "\(mode)")
            }
        }
    }
}
