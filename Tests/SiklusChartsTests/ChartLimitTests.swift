import Foundation
import SiklusEngine
import XCTest
@testable import SiklusCharts

/// Charts of huge results are refused before any model is built (bounded cost), and the HTML report's
/// table is cut to `HTMLReport.maximumTableCells` with a note; counted in the output, never timed.
final class ChartLimitTests: XCTestCase {
    /// `cohorts` × `periods` retention counts (1.1M cells for 1,050 × 1,050).
    static func retention(cohorts: Int, periods: Int) -> ResultTable {
        let cohortColumn = ResultColumn(name: "cohort", unit: .text, values: .text((0..<cohorts).map { "c\($0)" }))
        let sizes = ResultColumn(name: "customers", unit: .count, values: .integer(Array(repeating: 100, count: cohorts)))
        let cells = (0..<periods).map { period in
            ResultColumn(name: "\(period)", unit: .count, values: .integer(Array(repeating: Int64(period % 100), count: cohorts)))
        }
        return ResultTable(columns: [cohortColumn, sizes] + cells, shape: .retention)
    }

    private func occurrences(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    func testAHugeRetentionTableIsRefusedAsAChartWithAHint() {
        let table = Self.retention(cohorts: 1_050, periods: 1_050)
        for render in [{ try ReportExporter.svg(table, title: nil) },
                       { try TerminalChart.render(table, options: ChartOptions(width: 120, height: 40, color: false)) }] {
            XCTAssertThrowsError(try render()) { error in
                XCTAssertEqual(error as? ChartError, .tooLarge(kind: .heatmap, size: "1,050 cohorts × 1,050 periods", limit: "200 × 200",
                                                               hint: "use a longer `period` (e.g. `period month`) or narrow the cohorts with `where ts`"))
                XCTAssertTrue("\(error)".contains("the full table can still be shown, or exported as .csv"), "\(error)")
            }
        }
    }

    func testTheHTMLReportOfAHugeTableIsCutWithANote() throws {
        let table = Self.retention(cohorts: 1_050, periods: 1_050)
        let html = try ReportExporter.html(table, query: "cohort by signup period day | retention period day")
        XCTAssertLessThanOrEqual(occurrences("<td", in: html), HTMLReport.maximumTableCells)
        XCTAssertEqual(occurrences("<th ", in: html), HTMLReport.maximumTableColumns)
        XCTAssertTrue(html.contains("No chart: this result is too large for a retention heatmap"), html.prefix(3000).description)
        XCTAssertTrue(html.contains("Showing the first 100 of 1,050 rows and 200 of 1,052 columns; export the result as .csv for all of it."))
    }

    func testAHeatmapAtTheLimitIsDrawnWithOneCellPerValue() throws {
        let table = Self.retention(cohorts: ChartLimits.maximumHeatmapRows, periods: 10)
        let svg = try ReportExporter.svg(table, title: nil)
        XCTAssertGreaterThanOrEqual(occurrences("<rect", in: svg), ChartLimits.maximumHeatmapRows * 10)
        XCTAssertThrowsError(try ReportExporter.svg(Self.retention(cohorts: ChartLimits.maximumHeatmapRows + 1, periods: 10), title: nil))
    }

    func testBarsAndSeriesHaveLimitsToo() {
        let many = ChartLimits.maximumBars + 1
        let bars = ResultTable(columns: [
            ResultColumn(name: "customer", unit: .text, values: .text((0..<many).map { "id\($0)" })),
            ResultColumn(name: "revenue", unit: .money, values: .number((0..<many).map(Double.init))),
        ])
        XCTAssertThrowsError(try TerminalChart.render(bars, options: ChartOptions(width: 80, height: 24, color: false))) { error in
            XCTAssertEqual(error as? ChartError, .tooLarge(kind: .bars, size: "1,001 bars", limit: "1,000", hint: "keep the largest with `top N`, or `limit N`"))
        }
        let days = ChartLimits.maximumSeriesPoints + 1
        let series = ResultTable(columns: [
            ResultColumn(name: "day", unit: .date, values: .integer((0..<days).map { Int64($0) * 86_400 })),
            ResultColumn(name: "customers", unit: .count, values: .integer(Array(repeating: 1, count: days))),
        ], shape: .series)
        XCTAssertThrowsError(try ReportExporter.svg(series, title: nil)) { error in
            guard case .tooLarge(.timeSeries, "20,001 points", _, _)? = error as? ChartError else { return XCTFail("\(error)") }
        }
    }
}
