import SiklusEngine
import XCTest
@testable import SiklusShell

/// Retention's mean rows: printed under the table by the modes meant for reading, never by csv, tsv or json.
final class RetentionMeanRowsRenderingTests: XCTestCase {
    static let table: ResultTable = {
        var table = ResultTable(columns: [
            ResultColumn(name: "cohort", unit: .text, values: .text(["2022-09", "2022-10"])),
            ResultColumn(name: "customers", unit: .count, values: .integer([10, 30])),
            ResultColumn(name: "0", unit: .count, values: .integer([10, 30])),
            ResultColumn(name: "1", unit: .count, values: .integer([5, nil])),
        ], shape: .retention)
        table.footer = [ResultFooterRow(label: "mean", values: [nil, nil, 100, 50], unit: .percent),
                        ResultFooterRow(label: "weighted mean", values: [nil, nil, 100, 50], unit: .percent)]
        return table
    }()

    func testBoxPrintsTheMeanRowsUnderARule() {
        XCTAssertEqual(OutputMode.box.renderer.render(Self.table, options: RenderOptions()), """
        ┌───────────────┬───────────┬────────┬───────┐
        │ cohort        │ customers │      0 │     1 │
        ├───────────────┼───────────┼────────┼───────┤
        │ 2022-09       │        10 │     10 │     5 │
        │ 2022-10       │        30 │     30 │       │
        ├───────────────┼───────────┼────────┼───────┤
        │ mean          │           │ 100.0% │ 50.0% │
        │ weighted mean │           │ 100.0% │ 50.0% │
        └───────────────┴───────────┴────────┴───────┘
        2 rows

        """)
    }

    func testPlainMarkdownAndLinePrintThemToo() {
        let plain = OutputMode.plain.renderer.render(Self.table, options: RenderOptions())
        XCTAssertTrue(plain.hasSuffix("2022-10               30      30\nmean                      100.0%  50.0%\nweighted mean             100.0%  50.0%\n"), plain)
        let markdown = OutputMode.markdown.renderer.render(Self.table, options: RenderOptions())
        XCTAssertTrue(markdown.contains("| weighted mean |           | 100.0% | 50.0% |"), markdown)
        let line = OutputMode.line.renderer.render(Self.table, options: RenderOptions())
        XCTAssertTrue(line.hasSuffix("   cohort = weighted mean\ncustomers = \n        0 = 100.0%\n        1 = 50.0%\n"), line)
    }

    func testExactModesLeaveThemOut() {
        XCTAssertEqual(OutputMode.csv.renderer.render(Self.table, options: RenderOptions()), "cohort,customers,0,1\n2022-09,10,10,5\n2022-10,30,30,\n")
        XCTAssertFalse(OutputMode.json.renderer.render(Self.table, options: RenderOptions()).contains("mean"))
        XCTAssertFalse(OutputMode.tsv.renderer.render(Self.table, options: RenderOptions()).contains("mean"))
    }
}
