import SiklusEngine
import XCTest
@testable import SiklusCharts

/// `paths` results drawn as a terminal flow and an SVG Sankey.
final class PathFlowChartTests: XCTestCase {
    /// home → search → product (and home → product), with a missing event name at step 2.
    private func paths(rows: Int? = nil) -> ResultTable {
        var step: [Int64?] = [1, 1, 2, 2], from: [String?] = ["home", "home", "search", "product"]
        var to: [String?] = ["search", "product", "product", nil], count: [Int64?] = [40, 25, 30, 5]
        if let rows {
            step = (0..<rows).map { Int64($0 % 19 + 1) }
            from = (0..<rows).map { "e\($0)" }
            to = (0..<rows).map { "e\($0 + 1)" }
            count = (0..<rows).map { _ in 1 }
        }
        return ResultTable(columns: [
            ResultColumn(name: "step", unit: .count, values: .integer(step)),
            ResultColumn(name: "from", unit: .text, values: .text(from)),
            ResultColumn(name: "to", unit: .text, values: .text(to)),
            ResultColumn(name: "count", unit: .count, values: .integer(count)),
            ResultColumn(name: "customers", unit: .count, values: .integer(count)),
        ], shape: .paths, title: .paths(from: nil, to: nil, steps: 5, sessionGap: 1_800, edges: 50))
    }

    func testTheModelStacksEventsByPosition() throws {
        let model = try PathFlowModel(paths: paths())
        XCTAssertEqual(model.columns.map { $0.map(\.name) }, [["home"], ["search", "product"], ["product", "(no event)"]])
        XCTAssertEqual(model.columns[1].map(\.flow), [40, 25], "a node's flow is the larger of what enters and leaves it")
        XCTAssertEqual(model.columns[0][0].edges, [.init(to: 0, count: 40), .init(to: 1, count: 25)])
    }

    func testTheTerminalFlowFitsAndShowsTheLargestTransition() throws {
        let options = ChartOptions(width: 60, height: 12)
        let text = try TerminalChart.render(paths(), options: options)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertLessThanOrEqual(lines.count, 12)
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of(String($0)) <= 60 }, text)
        XCTAssertTrue(text.contains("home 65"), text)
        XCTAssertTrue(text.contains("→ search"), text)
        XCTAssertTrue(text.contains("event 3"), text)
    }

    func testTheSVGSankeyHasABandPerTransitionAndANodePerEvent() throws {
        let xml = try XMLInspector(try ReportExporter.svg(paths(), title: nil))
        XCTAssertEqual(xml.count("polygon", cssClass: "band"), 4)
        XCTAssertEqual(xml.count("rect", cssClass: "node"), 5)
        let tooltips = xml.elements.filter { $0.name == "title" }.compactMap(\.stringValue)
        XCTAssertTrue(tooltips.contains("home → search: 40"), "\(tooltips)")
    }

    func testTooManyTransitionsAreRefused() {
        XCTAssertThrowsError(try TerminalChart.render(paths(rows: ChartLimits.maximumBars + 1), options: ChartOptions())) { error in
            guard case ChartError.tooLarge(let kind, _, _, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(kind, .pathFlow)
        }
    }
}
