import SiklusEngine
import XCTest
@testable import SiklusCharts

/// Grouped results: a split stage share draws one labelled bar per group, several metrics draw small
/// multiples, in the terminal and as SVG; and the layout decisions behind them.
final class GroupedChartTests: XCTestCase {
    func testGroupedStageShareIsOneLabelledBarPerGroup() throws {
        let table = Fixtures.groupedStageShare()
        XCTAssertEqual(ChartKind.for(table), .groupedStackedBar)
        let lines = Measure.lines(try TerminalChart.render(table, options: ChartOptions(width: 80, height: 24)))
        for channel in Fixtures.groupChannels {
            let bars = lines.filter { $0.hasPrefix(channel + " ") }
            XCTAssertEqual(bars.count, 1, "one bar for \(channel)")
        }
        // Every bar fills the same width (shares of 100%), and each stage has one legend entry.
        let barWidths = Set(lines.filter { line in Fixtures.groupChannels.contains { line.hasPrefix($0 + " ") } }
            .map { $0.filter { "█▓▒░#+:".contains($0) }.count })
        XCTAssertEqual(barWidths.count, 1, "\(barWidths)")
        for stage in Fixtures.stages {
            XCTAssertEqual(lines.filter { $0.contains(" \(stage)") }.count, 1, stage)
        }
    }

    func testGroupedStageShareSVG() throws {
        let svg = try ReportExporter.svg(Fixtures.groupedStageShare(), title: nil)
        let xml = try XMLInspector(svg)
        XCTAssertEqual(xml.count("rect", cssClass: "segment"), 6 * 7, "every share is non-zero")
        XCTAssertEqual(xml.count("rect", cssClass: "swatch"), 7, "one legend of stages")
        XCTAssertEqual(xml.count("text", cssClass: "bar-label"), 6)
        XCTAssertTrue(xml.texts.contains("1,472"), "the group's customers")
        Golden.assertMatches(svg, name: "stage-share-by-channel.svg")
    }

    func testSmallMultiplesSideBySideShareTheLabels() throws {
        let table = Fixtures.channelMetrics()
        XCTAssertEqual(ChartKind.for(table), .smallMultiples)
        let lines = Measure.lines(try TerminalChart.render(table, options: ChartOptions(width: 80, height: 24)))
        XCTAssertTrue(lines[1].contains("cpa (money)") && lines[1].contains("repeat_rate (%)"), lines[1])
        for channel in Fixtures.groupChannels {
            XCTAssertEqual(lines.filter { $0.hasPrefix(channel + " ") }.count, 1, "one row for \(channel)")
        }
        XCTAssertTrue(lines.contains { $0.hasPrefix("display ") && $0.contains("199.22") && $0.contains("40.7%") })
    }

    func testSmallMultiplesSVG() throws {
        let svg = try ReportExporter.svg(Fixtures.channelFourMetrics(), title: nil)
        let xml = try XMLInspector(svg)
        XCTAssertEqual(xml.count("rect", cssClass: "bar"), 6 * 4, "a bar per group in every panel")
        XCTAssertEqual(xml.count("text", cssClass: "bar-label"), 6, "the labels once")
        XCTAssertEqual(xml.elements(cssClass: "panel-title").count, 4)
        for title in ["cpa (money)", "repeat_rate (%)", "orders", "revenue (money)"] {
            XCTAssertTrue(xml.texts.contains(title), title)
        }
        Golden.assertMatches(svg, name: "small-multiples-four.svg")
    }

    func testCountAxesSayWhatTheyCount() throws {
        let chart = try TerminalChart.render(Fixtures.channelOrders(), options: ChartOptions(width: 80, height: 24))
        XCTAssertEqual(Measure.lines(chart)[1], "cohort    orders")
        let xml = try XMLInspector(try ReportExporter.svg(Fixtures.channelOrders(), title: nil))
        XCTAssertTrue(xml.texts.contains("orders"))
        XCTAssertEqual(AxisTitle.of("orders", unit: .count), "orders")
        XCTAssertEqual(AxisTitle.of("customers", unit: .count), "customers")
        XCTAssertEqual(AxisTitle.of("active", unit: .count), "active (customers)", "a count named otherwise says what it counts")
        XCTAssertEqual(AxisTitle.of("dau", unit: .ratio), "dau (customers)")
        XCTAssertEqual(AxisTitle.of("revenue", unit: .money), "revenue (money)")
        XCTAssertEqual(AxisTitle.of("repeat_rate", unit: .percent), "repeat_rate (%)")
    }

    // MARK: layout decisions

    func testTwoPanelsSitSideBySideAtEightyColumns() throws {
        let layout = try SmallMultiplesLayout(labelWidths: [9, 7], headerWidth: 6, valueWidths: [6, 5], rows: 6, width: 80, height: 24, present: false)
        XCTAssertEqual(layout.arrangement, .sideBySide)
        XCTAssertEqual(layout.labelWidth, 9)
        // 80 - 9 labels - 2 × (2 gap + 1 space) - 6 - 5 values = 54, split in two.
        XCTAssertEqual(layout.barWidth, 27)
        XCTAssertEqual(layout.shownRows, 6)
        XCTAssertEqual(layout.linesPerBar, 1)
    }

    func testNarrowPanelsStackAndDropWhatDoesNotFit() throws {
        let stacked = try SmallMultiplesLayout(labelWidths: [9], headerWidth: 6, valueWidths: [6, 5, 3, 9], rows: 6, width: 60, height: 30, present: false)
        XCTAssertEqual(stacked.arrangement, .stacked)
        XCTAssertEqual(stacked.shownPanels, 4, "1 + 4 × 7 lines fit in 30")
        let short = try SmallMultiplesLayout(labelWidths: [9], headerWidth: 6, valueWidths: [6, 5, 3, 9], rows: 6, width: 60, height: 18, present: false)
        XCTAssertEqual(short.shownPanels, 2, "two panels of 7 lines and a note in 17")
        let tiny = try SmallMultiplesLayout(labelWidths: [9], headerWidth: 6, valueWidths: [6, 5, 3, 9], rows: 40, width: 60, height: 12, present: false)
        XCTAssertEqual(tiny.shownPanels, 1)
        XCTAssertEqual(tiny.shownRows, 8, "title, panel title, 8 rows, row note, panel note")
        XCTAssertThrowsError(try SmallMultiplesLayout(labelWidths: [9], headerWidth: 6, valueWidths: [6], rows: 3, width: 20, height: 24, present: false))
    }

    func testSideBySideRowsAreCutWithANote() throws {
        let layout = try SmallMultiplesLayout(labelWidths: [9], headerWidth: 6, valueWidths: [6, 5], rows: 50, width: 80, height: 24, present: false)
        XCTAssertEqual(layout.arrangement, .sideBySide)
        XCTAssertEqual(layout.shownRows, 21, "24 - title - header - note")
    }

    func testPresentationGivesBarsTwoLinesWhenTheyFit() throws {
        let roomy = try SmallMultiplesLayout(labelWidths: [9], headerWidth: 6, valueWidths: [6, 5], rows: 6, width: 80, height: 24, present: true)
        XCTAssertEqual(roomy.linesPerBar, 2)
        let tight = try SmallMultiplesLayout(labelWidths: [9], headerWidth: 6, valueWidths: [6, 5], rows: 12, width: 80, height: 24, present: true)
        XCTAssertEqual(tight.linesPerBar, 1, "24 rows would not fit in 22")
    }

    func testGroupedBarLayoutDropsTheCountBeforeTheBar() throws {
        let wide = try GroupedBarLayout(labelWidths: [9], headerWidth: 6, countWidths: [5], width: 80, height: 24, present: false)
        XCTAssertTrue(wide.showsCounts)
        XCTAssertEqual(wide.barWidth, 80 - 9 - 1 - 1 - 9)
        let narrow = try GroupedBarLayout(labelWidths: [9], headerWidth: 6, countWidths: [5], width: 28, height: 24, present: false)
        XCTAssertFalse(narrow.showsCounts)
        XCTAssertEqual(narrow.barWidth, 28 - 8 - 1, "labels capped at 8 under 32 columns")
        XCTAssertEqual(wide.groupRows(room: 10, groups: 6).rowsPerGroup, 1)
        XCTAssertEqual(wide.groupRows(room: 4, groups: 6).shown, 3, "and a note")
        let present = try GroupedBarLayout(labelWidths: [9], headerWidth: 6, countWidths: [5], width: 80, height: 24, present: true)
        XCTAssertEqual(present.groupRows(room: 12, groups: 6).rowsPerGroup, 2)
        XCTAssertEqual(present.groupRows(room: 11, groups: 6).rowsPerGroup, 1)
    }
}
