import Foundation
import SiklusEngine
import XCTest
@testable import SiklusCharts

final class SVGExportTests: XCTestCase {
    func testRetentionHeatmapHasOneCellPerValue() throws {
        let svg = try ReportExporter.svg(Fixtures.retention(percent: true), title: "Retention")
        let xml = try XMLInspector(svg)
        // 6 + 5 + 4 + 3 + 2 + 1 filled cells; nulls beyond the data draw nothing.
        XCTAssertEqual(xml.count("rect", cssClass: "cell"), 21)
        XCTAssertEqual(xml.root.name, "svg")
        XCTAssertNotNil(XMLInspector.attribute(xml.root, "viewBox"))
        XCTAssertTrue(xml.texts.contains("42%"))
        XCTAssertTrue(xml.texts.contains("2022-09"))
        XCTAssertTrue(svg.hasPrefix("<?xml"))
        XCTAssertTrue(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""))
    }

    func testCountRetentionShowsCountsAndPercentInTooltip() throws {
        let xml = try XMLInspector(try ReportExporter.svg(Fixtures.retention(percent: false), title: nil))
        XCTAssertEqual(xml.count("rect", cssClass: "cell"), 21)
        XCTAssertTrue(xml.texts.contains("507"))
        let tooltips = xml.elements.filter { $0.name == "title" }.compactMap(\.stringValue)
        XCTAssertTrue(tooltips.contains("2022-09, period 1: 507 customers (42.1%)"), "\(tooltips.prefix(5))")
    }

    func testTransitionHeatmapCellsAndTitle() throws {
        let xml = try XMLInspector(try ReportExporter.svg(Fixtures.transitions(percent: false), title: nil))
        XCTAssertEqual(xml.count("rect", cssClass: "cell"), 49)
        XCTAssertTrue(xml.texts.contains("Stage transitions (rows: from, columns: to)"))
    }

    func testFunnelHasOneBarPerStep() throws {
        let xml = try XMLInspector(try ReportExporter.svg(Fixtures.funnel(), title: "Signup funnel"))
        XCTAssertEqual(xml.count("rect", cssClass: "bar"), 5)
        XCTAssertEqual(xml.count("rect", cssClass: "ghost"), 4)
        XCTAssertTrue(xml.texts.contains { $0.contains("40.0% of prev") })
        XCTAssertTrue(xml.texts.contains("Signup funnel"))
    }

    func testGroupedFunnelHasBarsForEveryCohort() throws {
        let xml = try XMLInspector(try ReportExporter.svg(Fixtures.funnelByCohort(), title: nil))
        XCTAssertEqual(xml.count("rect", cssClass: "bar"), 9)
        XCTAssertTrue(xml.texts.contains("cohort 2022-10"))
    }

    func testSeriesHasOnePolylinePerGroupAndUnitsOnTicks() throws {
        let xml = try XMLInspector(try ReportExporter.svg(Fixtures.channelSeries(), title: nil))
        XCTAssertEqual(xml.count("polyline", cssClass: "series"), 3)
        XCTAssertEqual(xml.count("circle", cssClass: "point"), 36)
        XCTAssertTrue(xml.texts.contains("repeat_rate (%)"))
        XCTAssertTrue(xml.texts.contains("20%"))
        XCTAssertTrue(xml.texts.contains("2022-09"))
    }

    func testTwoMetricSeriesHasAPanelEach() throws {
        let xml = try XMLInspector(try ReportExporter.svg(Fixtures.twoMetricSeries(), title: nil))
        XCTAssertEqual(xml.count("polyline", cssClass: "series"), 2)
        XCTAssertTrue(xml.texts.contains("new_customers"), "a count is named by what it counts")
        XCTAssertFalse(xml.texts.contains { $0.contains("(customers)") })
        XCTAssertTrue(xml.texts.contains("avg_order (money)"))
    }

    func testNullsBreakSeriesLines() throws {
        let table = ResultTable(columns: [
            ResultColumn(name: "month", unit: .text, values: .text(["a", "b", "c", "d", "e"])),
            ResultColumn(name: "revenue", unit: .money, values: .number([1, 2, nil, 4, 5])),
        ], shape: .series)
        let xml = try XMLInspector(try ReportExporter.svg(table, title: nil))
        XCTAssertEqual(xml.count("polyline", cssClass: "series"), 2)
    }

    func testStageShareHasASegmentPerStage() throws {
        let xml = try XMLInspector(try ReportExporter.svg(Fixtures.stageShare(), title: nil))
        XCTAssertEqual(xml.count("rect", cssClass: "segment"), 7)
        XCTAssertEqual(xml.count("rect", cssClass: "swatch"), 7)
        // Lifecycle order is restored even though rows came shuffled.
        let labels = xml.elements(cssClass: "legend-label").compactMap(\.stringValue)
        XCTAssertEqual(labels, Fixtures.stages)
    }

    func testTableBars() throws {
        let xml = try XMLInspector(try ReportExporter.svg(Fixtures.channelRevenue(), title: nil))
        XCTAssertEqual(xml.count("rect", cssClass: "bar"), 5)
        XCTAssertTrue(xml.texts.contains("91,344.25"))
    }

    func testTextIsEscaped() throws {
        let table = ResultTable(columns: [
            ResultColumn(name: "channel", unit: .text, values: .text(["<b>&\"ads\"", "o'reilly"])),
            ResultColumn(name: "revenue", unit: .money, values: .number([10, 20])),
        ])
        let svg = try ReportExporter.svg(table, title: "A & B <test>")
        XCTAssertFalse(svg.contains("<b>"))
        let xml = try XMLInspector(svg)
        XCTAssertTrue(xml.texts.contains("<b>&\"ads\""))
        XCTAssertTrue(xml.texts.contains("A & B <test>"))
    }

    func testTableWithoutChartThrows() {
        let table = ResultTable(columns: [
            ResultColumn(name: "a", unit: .count, values: .integer([1])),
            ResultColumn(name: "b", unit: .count, values: .integer([2])),
        ])
        XCTAssertThrowsError(try ReportExporter.svg(table, title: nil)) { error in
            XCTAssertEqual("\(error)", "this result has no chart: bars need text columns (the labels) and numeric columns (the values), and no dates; this table has 2 columns: a (integer count), b (integer count)")
        }
    }
}
