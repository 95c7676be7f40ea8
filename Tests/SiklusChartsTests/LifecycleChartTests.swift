import SiklusEngine
import XCTest
@testable import SiklusCharts

/// `lifecycle | plot` (issue 13): stacked columns with the active classes above the axis and dormant below it.
final class LifecycleChartTests: XCTestCase {
    private func lifecycle(periods: Int, groups: [String]? = nil) -> ResultTable {
        let labels = (0..<periods).map { String(format: "2023-%02d", $0 % 12 + 1) }
        var columns = [ResultColumn(name: "period", unit: .text, values: .text(labels))]
        if let groups { columns.insert(ResultColumn(name: "channel", unit: .text, values: .text((0..<periods).map { groups[$0 % groups.count] })), at: 0) }
        func counts(_ f: (Int) -> Int64) -> ColumnValues { .integer((0..<periods).map(f)) }
        columns += [
            ResultColumn(name: "new", unit: .count, values: counts { 10 + Int64($0) }),
            ResultColumn(name: "returning", unit: .count, values: counts { Int64($0) * 2 }),
            ResultColumn(name: "resurrecting", unit: .count, values: counts { _ in 3 }),
            ResultColumn(name: "dormant", unit: .count, values: counts { $0 == 0 ? 0 : -8 - Int64($0) }),
            ResultColumn(name: "pulse", unit: .ratio, values: .number((0..<periods).map { _ in nil })),
        ]
        return ResultTable(columns: columns, shape: .lifecycle, title: nil)
    }

    func testActiveClassesStackAboveTheAxisAndDormantHangsBelow() throws {
        XCTAssertEqual(ChartKind.for(lifecycle(periods: 6)), .lifecycleBars)
        let lines = try TerminalChart.render(lifecycle(periods: 6), options: ChartOptions(width: 40, height: 14)).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 14)
        let axis = try XCTUnwrap(lines.firstIndex { $0.contains("─") })
        XCTAssertTrue(lines[2..<axis].joined().contains("█"), "new above the axis")
        XCTAssertTrue(lines[2..<axis].joined().contains("▓"), "returning above the axis")
        XCTAssertFalse(lines[2..<axis].joined().contains("░"), "nothing dormant above the axis")
        XCTAssertTrue(lines[(axis + 1)...].joined().contains("░"), "dormant below the axis")
        XCTAssertFalse(lines[(axis + 1)...].joined().contains("█"))
        XCTAssertTrue(lines.last?.contains("2023-01") == true && lines.last?.contains("2023-06") == true, lines.last ?? "")
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 40 })
    }

    func testTooManyPeriodsShowTheLatest() throws {
        let text = try TerminalChart.render(lifecycle(periods: 100), options: ChartOptions(width: 50, height: 12))
        XCTAssertTrue(text.contains(" of 100 periods)"), text)
        XCTAssertTrue(text.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 50 })
    }

    func testASplitLifecycleHasNoChart() {
        XCTAssertThrowsError(try TerminalChart.render(lifecycle(periods: 4, groups: ["a", "b"]), options: ChartOptions())) { error in
            XCTAssertTrue("\(error)".contains("split by channel"), "\(error)")
        }
    }

    func testSVGDrawsDormantBelowTheZeroLine() throws {
        let svg = try SVGChart.render(lifecycle(periods: 3), title: nil, standalone: true)
        XCTAssertTrue(svg.contains("dormant: -10"), "a dormant segment with its count")
        XCTAssertTrue(svg.contains("class=\"axis\""))
    }
}
