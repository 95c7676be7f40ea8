import Foundation
import SiklusEngine
import XCTest
@testable import SiklusCharts

final class HTMLExportTests: XCTestCase {
    let query = "cohort by month | retention 6 | plot"

    func testReportStructure() throws {
        let html = try ReportExporter.html(Fixtures.retention(percent: true), query: query)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("<title>"))
        XCTAssertTrue(html.contains("<style>"))
        XCTAssertTrue(html.contains("<pre class=\"query\">cohort by month | retention 6 | plot</pre>"))
        XCTAssertTrue(html.contains("<svg"))
        XCTAssertTrue(html.contains("<table>"))
        // Every result row is in the table, with formatted numbers.
        XCTAssertEqual(html.components(separatedBy: "<tr>").count - 1, 1 + 6)
        XCTAssertTrue(html.contains("<td class=\"num\">1,204</td>"))
        XCTAssertTrue(html.contains("<td class=\"num\">42.1%</td>"))
        XCTAssertTrue(html.contains("<td class=\"null\">–</td>"))
    }

    func testReportIsSelfContained() throws {
        for fixture in Fixtures.all {
            let html = try ReportExporter.html(fixture.table, query: query)
            let lower = html.lowercased()
            XCTAssertFalse(lower.contains("<script"), fixture.name)
            XCTAssertFalse(lower.contains("http://"), fixture.name)
            XCTAssertFalse(lower.contains("https://"), fixture.name)
            XCTAssertFalse(lower.contains("<link"), fixture.name)
            XCTAssertFalse(lower.contains("@import"), fixture.name)
            XCTAssertFalse(lower.contains("url("), fixture.name)
        }
    }

    func testInlineSVGParsesAsXML() throws {
        let html = try ReportExporter.html(Fixtures.funnel(), query: query)
        let svg = try XCTUnwrap(Self.svgPart(of: html))
        let xml = try XMLInspector(svg)
        XCTAssertEqual(xml.count("rect", cssClass: "bar"), 5)
    }

    func testQueryAndCellsAreEscaped() throws {
        let table = ResultTable(columns: [
            ResultColumn(name: "channel", unit: .text, values: .text(["<img src=x>", nil])),
            ResultColumn(name: "revenue", unit: .money, values: .number([1234.5, 2])),
        ])
        let html = try ReportExporter.html(table, query: "events | where channel = \"<ads>\" & more")
        XCTAssertFalse(html.contains("<img"))
        XCTAssertTrue(html.contains("&lt;img src=x&gt;"))
        XCTAssertTrue(html.contains("events | where channel = &quot;&lt;ads&gt;&quot; &amp; more"))
        XCTAssertTrue(html.contains("<td class=\"num\">1,234.50</td>"))
    }

    func testTableWithoutChartStillReports() throws {
        let table = ResultTable(columns: [
            ResultColumn(name: "a", unit: .count, values: .integer([1, 2])),
            ResultColumn(name: "b", unit: .money, values: .number([3, 4])),
            ResultColumn(name: "c", unit: .text, values: .text(["x", "y"])),
            ResultColumn(name: "d", unit: .date, values: .integer([0, 86_400])),
        ])
        let html = try ReportExporter.html(table, query: "q")
        XCTAssertFalse(html.contains("<svg"))
        XCTAssertTrue(html.contains("No chart: bars need text columns (the labels) and numeric columns (the values), and no dates"))
        XCTAssertTrue(html.contains("<td class=\"text\">y</td>"))
    }

    func testTitleComesFromTableOrQuery() throws {
        var table = Fixtures.stageShare()
        XCTAssertTrue(try ReportExporter.html(table, query: "stages\n| plot").contains("<title>stages · Siklus</title>"))
        table.title = .stageShare(date: "2023-12-31")
        XCTAssertTrue(try ReportExporter.html(table, query: "stages").contains("<h1>current stage as of 2023-12-31</h1>"))
    }

    /// The `<svg>…</svg>` element inside a report.
    static func svgPart(of html: String) -> String? {
        guard let start = html.range(of: "<svg"), let end = html.range(of: "</svg>", range: start.upperBound..<html.endIndex) else {
            return nil
        }
        return String(html[start.lowerBound..<end.upperBound])
    }
}
