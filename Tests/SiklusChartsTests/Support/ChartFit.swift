import SiklusEngine
import XCTest
@testable import SiklusCharts

/// The check of the random-size tests: a chart fits its area exactly (and exports as SVG), or says the
/// area is too small or the result empty.
enum ChartFit {
    /// True when `table` was drawn (and checked), false when it was refused as too small or empty.
    static func drawnWithin(_ table: ResultTable, options: ChartOptions, context: String,
                            file: StaticString = #filePath, line: UInt = #line) throws -> Bool {
        do {
            let chart = try TerminalChart.render(table, options: options)
            let lines = stripANSI(chart).components(separatedBy: "\n")
            XCTAssertLessThanOrEqual(lines.count, options.height, "\(context) \(options)", file: file, line: line)
            for text in lines {
                XCTAssertLessThanOrEqual(DisplayWidth.of(text), options.width, "\(context) \(options): \(text)", file: file, line: line)
            }
            _ = try ReportExporter.svg(table, title: nil)
            return true
        } catch ChartError.tooSmall {
            return false
        } catch ChartError.empty {
            return false
        }
    }
}
