import SiklusEngine
import XCTest
@testable import SiklusCharts

/// Which chart a result gets, and the messages for results that cannot be charted.
final class ChartSelectionTests: XCTestCase {
    func testKindFollowsShape() {
        XCTAssertEqual(ChartKind.for(Fixtures.retention(percent: true)), .heatmap)
        XCTAssertEqual(ChartKind.for(Fixtures.funnel()), .funnelBars)
        XCTAssertEqual(ChartKind.for(Fixtures.revenueSeries()), .timeSeries)
        XCTAssertEqual(ChartKind.for(Fixtures.stageShare()), .stackedBar)
        XCTAssertEqual(ChartKind.for(Fixtures.transitions(percent: false)), .transitionHeatmap)
        XCTAssertEqual(ChartKind.for(Fixtures.channelRevenue()), .bars)
    }

    func testPlainTableNeedsExactlyOneTextAndOneNumber() {
        let text = ResultColumn(name: "channel", unit: .text, values: .text(["a"]))
        let number = ResultColumn(name: "revenue", unit: .money, values: .number([1]))
        let date = ResultColumn(name: "day", unit: .date, values: .integer([0]))
        XCTAssertEqual(ChartKind.for(ResultTable(columns: [number, text])), .bars, "either order")
        XCTAssertEqual(ChartKind.for(ResultTable(columns: [text, number, number])), .smallMultiples, "a panel per metric")
        XCTAssertEqual(ChartKind.for(ResultTable(columns: [text, text, number])), .smallMultiples, "labels joined")
        XCTAssertNil(ChartKind.for(ResultTable(columns: [text, number, date])), "a date column is a series, not a label")
        XCTAssertNil(ChartKind.for(ResultTable(columns: [number, number])), "no labels")
        XCTAssertNil(ChartKind.for(ResultTable(columns: [text, text])))
        XCTAssertNil(ChartKind.for(ResultTable(columns: [date, number])), "a date is not a label for bars")
        XCTAssertNil(ChartKind.for(ResultTable(columns: [])))
        XCTAssertNil(ChartKind.noChartReason(ResultTable(columns: [text, number])))
    }

    func testNoChartMessage() {
        let table = ResultTable(columns: [ResultColumn(name: "customers", unit: .count, values: .integer([3]))])
        XCTAssertThrowsError(try TerminalChart.render(table, options: ChartOptions())) { error in
            XCTAssertEqual("\(error)", "this result has no chart: bars need text columns (the labels) and numeric columns (the values), and no dates; this table has 1 column: customers (integer count)")
        }
    }

    func testMissingAndMistypedColumns() {
        let noCustomers = ResultTable(columns: [
            ResultColumn(name: "cohort", unit: .text, values: .text(["2022-09"])),
            ResultColumn(name: "0", unit: .percent, values: .number([100])),
        ], shape: .retention)
        XCTAssertThrowsError(try TerminalChart.render(noCustomers, options: ChartOptions())) { error in
            XCTAssertEqual("\(error)", "cannot chart this retention result: it has no 'customers' column (columns: cohort, 0)")
        }
        let textCount = ResultTable(columns: [
            ResultColumn(name: "step", unit: .text, values: .text(["visit"])),
            ResultColumn(name: "customers", unit: .text, values: .text(["many"])),
        ], shape: .funnel)
        XCTAssertThrowsError(try TerminalChart.render(textCount, options: ChartOptions())) { error in
            XCTAssertEqual(error as? ChartError, .wrongColumnType(name: "customers", expected: "numeric", found: "text"))
            XCTAssertEqual("\(error)", "cannot chart column 'customers': expected numeric values, found text")
        }
    }

    func testEmptyResults() {
        let empty = ResultTable(columns: [
            ResultColumn(name: "step", unit: .text, values: .text([])),
            ResultColumn(name: "customers", unit: .count, values: .integer([])),
        ], shape: .funnel)
        XCTAssertThrowsError(try TerminalChart.render(empty, options: ChartOptions())) { error in
            XCTAssertEqual("\(error)", "nothing to plot: the funnel result has no values")
        }
        let allNull = ResultTable(columns: [
            ResultColumn(name: "month", unit: .text, values: .text(["a", "b"])),
            ResultColumn(name: "revenue", unit: .money, values: .number([nil, nil])),
        ], shape: .series)
        XCTAssertThrowsError(try ReportExporter.svg(allNull, title: nil)) { error in
            XCTAssertEqual(error as? ChartError, .empty(shape: .series))
        }
    }

    func testTooSmall() {
        XCTAssertThrowsError(try TerminalChart.render(Fixtures.revenueSeries(), options: ChartOptions(width: 10, height: 3))) { error in
            XCTAssertEqual("\(error)", "a line chart needs at least 20×3 characters; the terminal is 10×3")
        }
    }

    func testColorPolicy() {
        XCTAssertTrue(ChartOptions.colorAllowed(environment: ["TERM": "xterm-256color"], isTerminal: true))
        XCTAssertFalse(ChartOptions.colorAllowed(environment: ["TERM": "xterm-256color"], isTerminal: false), "piped")
        XCTAssertFalse(ChartOptions.colorAllowed(environment: ["NO_COLOR": "1"], isTerminal: true))
        XCTAssertTrue(ChartOptions.colorAllowed(environment: ["NO_COLOR": ""], isTerminal: true), "empty NO_COLOR is unset")
        XCTAssertFalse(ChartOptions.colorAllowed(environment: ["TERM": "dumb"], isTerminal: true))
    }

    func testStageShareRestoresLifecycleOrderAndComputesMissingShares() throws {
        let table = ResultTable(columns: [
            ResultColumn(name: "stage", unit: .text, values: .text(["churn", "awareness", "vip"])),
            ResultColumn(name: "customers", unit: .count, values: .integer([25, 50, 25])),
        ], shape: .stageShare)
        let model = try StageShareModel(stageShare: table)
        XCTAssertEqual(model.entries.map(\.stage), ["awareness", "churn", "vip"])
        XCTAssertEqual(model.entries.map(\.share), [50, 25, 25])
        XCTAssertEqual(model.segmentWidths(total: 10), [5, 3, 2])
    }

    func testSegmentWidthsKeepSmallSharesVisible() throws {
        var model = try StageShareModel(stageShare: Fixtures.stageShare())
        model.entries[5].share = 0.2
        let widths = model.segmentWidths(total: 40)
        XCTAssertEqual(widths.reduce(0, +), 40)
        XCTAssertTrue(widths.allSatisfy { $0 >= 1 })
    }

    func testSeriesModelSortsDatesAndSplitsGroups() throws {
        let table = ResultTable(columns: [
            ResultColumn(name: "month", unit: .date, values: .integer([Fixtures.monthStart(1), Fixtures.monthStart(0), Fixtures.monthStart(1)])),
            ResultColumn(name: "channel", unit: .text, values: .text(["a", "a", "b"])),
            ResultColumn(name: "revenue", unit: .money, values: .number([2, 1, 3])),
        ], shape: .series)
        let model = try SeriesModel(series: table)
        XCTAssertEqual(model.xLabels, ["2022-01", "2022-02"])
        XCTAssertEqual(model.panels[0].series.map(\.name), ["a", "b"])
        XCTAssertEqual(model.panels[0].series[0].values, [1, 2])
        XCTAssertEqual(model.panels[0].series[1].values, [nil, 3])
    }
}
