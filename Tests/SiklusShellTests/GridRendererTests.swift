import SiklusEngine
import XCTest
import SiklusCharts
@testable import SiklusShell

/// Exact text of the aligned modes: box, table (ASCII) and plain.
final class GridRendererTests: XCTestCase {
    func testBoxFormatsUnitsAndAlignsNumbersRight() {
        let text = OutputMode.box.renderer.render(Samples.cohorts, options: RenderOptions())
        XCTAssertEqual(text, """
        ┌─────────┬───────────┬────────────┬─────────────┐
        │ cohort  │ customers │    revenue │ repeat_rate │
        ├─────────┼───────────┼────────────┼─────────────┤
        │ 2022-09 │     1,204 │ 123,456.79 │       42.3% │
        │ 2022-10 │        98 │       0.50 │        7.0% │
        │         │         0 │            │      100.0% │
        └─────────┴───────────┴────────────┴─────────────┘
        3 rows

        """)
    }

    func testBoxFormatsDatesRatiosAndDays() {
        let text = OutputMode.box.renderer.render(Samples.dated, options: RenderOptions())
        XCTAssertEqual(text, """
        ┌────────────┬─────────────────────┬─────────────┐
        │ week       │ orders_per_customer │ median_days │
        ├────────────┼─────────────────────┼─────────────┤
        │ 2022-09-12 │                1.23 │       14.00 │
        │ 2022-09-19 │                2.00 │        3.50 │
        └────────────┴─────────────────────┴─────────────┘
        2 rows

        """)
    }

    /// Issue 11: a funnel median under a day reads in hours or minutes in box mode; the value stays days.
    func testBoxShowsDaysUnderOneAsHoursOrMinutes() {
        let table = ResultTable(columns: [
            ResultColumn(name: "step", unit: .text, values: .text(["cart", "purchase", "review"])),
            ResultColumn(name: "median_days", unit: .days, values: .number([nil, 0.25, 20.0 / 1440])),
        ])
        let text = OutputMode.box.renderer.render(table, options: RenderOptions())
        XCTAssertTrue(text.contains("│ purchase │       6.0 h │"), text)
        XCTAssertTrue(text.contains("│ review   │      20 min │"), text)
        let csv = OutputMode.csv.renderer.render(table, options: RenderOptions())
        XCTAssertTrue(csv.contains("purchase,0.25"), csv)
    }

    /// Issue 14: `clv params`' estimates have no unit; the reading modes show 6 significant digits (integral
    /// values such as `iterations` exactly), csv and json the full double.
    func testNumbersWithoutAUnitShowSixSignificantDigitsForReading() {
        let table = ResultTable(columns: [
            ResultColumn(name: "parameter", unit: .text, values: .text(["r", "alpha", "log_likelihood", "iterations", "tiny"])),
            ResultColumn(name: "estimate", unit: .text, values: .number([0.20099135017183492, 4.413603123, -9582.42613, 1234, 1.234567e-7])),
        ])
        XCTAssertEqual(OutputMode.box.renderer.render(table, options: RenderOptions()), """
        ┌────────────────┬────────────────┐
        │ parameter      │       estimate │
        ├────────────────┼────────────────┤
        │ r              │       0.200991 │
        │ alpha          │         4.4136 │
        │ log_likelihood │       -9582.43 │
        │ iterations     │           1234 │
        │ tiny           │ 0.000000123457 │
        └────────────────┴────────────────┘
        5 rows

        """)
        let markdown = OutputMode.markdown.renderer.render(table, options: RenderOptions())
        XCTAssertTrue(markdown.contains("0.200991 |") && !markdown.contains("0.2009913"), markdown)
        XCTAssertEqual(OutputMode.csv.renderer.render(table, options: RenderOptions()),
                       "parameter,estimate\nr,0.20099135017183492\nalpha,4.413603123\nlog_likelihood,-9582.42613\niterations,1234\ntiny,0.0000001234567\n")
    }

    func testTableModeUsesASCIIAndFormatsValuesLikeBox() {
        let text = OutputMode.table.renderer.render(Samples.cohorts, options: RenderOptions(elapsed: 0.0031))
        XCTAssertEqual(text, """
        +---------+-----------+------------+-------------+
        | cohort  | customers |    revenue | repeat_rate |
        +---------+-----------+------------+-------------+
        | 2022-09 |     1,204 | 123,456.79 |       42.3% |
        | 2022-10 |        98 |       0.50 |        7.0% |
        |         |         0 |            |      100.0% |
        +---------+-----------+------------+-------------+
        3 rows · 3.1 ms

        """)
    }

    func testPlainModeHasNoBordersFooterOrTrailingSpaces() {
        let text = OutputMode.plain.renderer.render(Samples.dated, options: RenderOptions(elapsed: 1))
        XCTAssertEqual(text, """
        week        orders_per_customer  median_days
        2022-09-12                 1.23        14.00
        2022-09-19                 2.00         3.50

        """)
        XCTAssertFalse(text.contains("\u{1B}"))
    }

    func testFooterWithTimerAndSingularRow() {
        XCTAssertEqual(GridRenderer.footer(rows: 1, hiddenColumns: 0, elapsed: nil), "1 row")
        XCTAssertEqual(GridRenderer.footer(rows: 12_000, hiddenColumns: 0, elapsed: 0.0031), "12,000 rows · 3.1 ms")
        XCTAssertEqual(GridRenderer.footer(rows: 2, hiddenColumns: 3, elapsed: 1.5), "2 rows · 3 columns not shown · 1.50 s")
    }

    func testWideResultDropsTrailingColumnsBehindAnEllipsisColumn() {
        let text = OutputMode.box.renderer.render(Samples.wide(columns: 12), options: RenderOptions(maxWidth: 60))
        XCTAssertEqual(text, """
        ┌──────────┬──────────┬──────────┬──────────┬──────────┬───┐
        │ column_0 │ column_1 │ column_2 │ column_3 │ column_4 │ … │
        ├──────────┼──────────┼──────────┼──────────┼──────────┼───┤
        │        0 │    1,000 │    2,000 │    3,000 │    4,000 │ … │
        │        0 │        1 │        2 │        3 │        4 │ … │
        └──────────┴──────────┴──────────┴──────────┴──────────┴───┘
        2 rows · 7 columns not shown

        """)
        for line in text.split(separator: "\n") { XCTAssertLessThanOrEqual(DisplayWidth.of(String(line)), 60) }
    }

    func testLongTextIsCutWithEllipsisBeforeColumnsAreDropped() {
        let long = String(repeating: "x", count: 50)
        let table = ResultTable(columns: [
            ResultColumn(name: "name", unit: .text, values: .text([long])),
            ResultColumn(name: "n", unit: .count, values: .integer([7])),
        ])
        let text = OutputMode.box.renderer.render(table, options: RenderOptions(maxWidth: 40))
        XCTAssertEqual(text, """
        ┌──────────────────────────┬───┐
        │ name                     │ n │
        ├──────────────────────────┼───┤
        │ \(String(repeating: "x", count: 23))… │ 7 │
        └──────────────────────────┴───┘
        1 row

        """)
    }

    func testSingleColumnNarrowerThanTheTerminalIsShortened() {
        let table = ResultTable(columns: [ResultColumn(name: "n", unit: .count, values: .integer([123_456_789]))])
        let text = OutputMode.table.renderer.render(table, options: RenderOptions(maxWidth: 8))
        XCTAssertEqual(text.split(separator: "\n").map(String.init), ["+------+", "|    n |", "+------+", "| 123… |", "+------+", "1 row"])
    }

    func testFitsWhenWideEnough() {
        let wide = OutputMode.box.renderer.render(Samples.cohorts, options: RenderOptions(maxWidth: 200))
        XCTAssertEqual(wide, OutputMode.box.renderer.render(Samples.cohorts, options: RenderOptions()))
    }

    func testColourOnlyWhenAsked() {
        let plain = OutputMode.box.renderer.render(Samples.cohorts, options: RenderOptions())
        XCTAssertFalse(plain.contains("\u{1B}["))
        let coloured = OutputMode.box.renderer.render(Samples.cohorts, options: RenderOptions(color: true))
        XCTAssertTrue(coloured.contains("\u{1B}[1mcohort "), "bold header")
        XCTAssertTrue(coloured.contains("\u{1B}[2m3 rows\u{1B}[0m"), "dim footer")
        XCTAssertTrue(coloured.contains("·"), "dim dot for nulls")
    }

    func testEllipsisColumnIsNeverShownAsNull() {
        let table = ResultTable(columns: [
            ResultColumn(name: "a", unit: .count, values: .integer([1])),
            ResultColumn(name: "b", unit: .text, values: .text([nil])),
            ResultColumn(name: "c", unit: .text, values: .text([String(repeating: "c", count: 30)])),
        ])
        let text = OutputMode.box.renderer.render(table, options: RenderOptions(maxWidth: 12, color: true))
        XCTAssertTrue(text.contains("│ 1 │ … │"), text)
    }

    func testNewlinesInCellsDoNotBreakTheGrid() {
        let text = OutputMode.table.renderer.render(Samples.awkward, options: RenderOptions())
        XCTAssertTrue(text.contains("| two\\nlines |"), text)
        XCTAssertTrue(text.contains("| tab\\there  |"), text)
        XCTAssertEqual(Set(text.split(separator: "\n").dropLast().map { DisplayWidth.of(String($0)) }).count, 1)
    }

    func testWideCharactersKeepColumnsAligned() {
        let table = ResultTable(columns: [
            ResultColumn(name: "city", unit: .text, values: .text(["東京", "Bandung"])),
            ResultColumn(name: "n", unit: .count, values: .integer([1, 2])),
        ])
        let text = OutputMode.table.renderer.render(table, options: RenderOptions())
        XCTAssertTrue(text.contains("| 東京    | 1 |"))
        XCTAssertTrue(text.contains("| Bandung | 2 |"))
    }

    func testTitleIsPrintedAboveBoxTables() {
        var table = Samples.dated
        table.title = .stickiness(period: .week)
        let text = OutputMode.box.renderer.render(table, options: RenderOptions())
        XCTAssertTrue(text.hasPrefix("stickiness by week\n┌"))
        XCTAssertFalse(OutputMode.plain.renderer.render(table, options: RenderOptions()).contains("stickiness by week"))
    }

    func testEmptyResultShowsHeaderAndZeroRows() {
        let table = ResultTable(columns: [ResultColumn(name: "cohort", unit: .text, values: .text([]))])
        XCTAssertEqual(OutputMode.box.renderer.render(table, options: RenderOptions()), """
        ┌────────┐
        │ cohort │
        ├────────┤
        └────────┘
        0 rows

        """)
    }
}
