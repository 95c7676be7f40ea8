import Foundation
import SiklusEngine
import XCTest
@testable import SiklusCharts

/// Every chart kind, with and without colour, at two fixed sizes, compared with golden files.
final class TerminalGoldenTests: XCTestCase {
    static let sizes = [(width: 80, height: 24), (width: 60, height: 18)]

    func testGoldenCharts() throws {
        for fixture in Fixtures.all {
            for size in Self.sizes {
                for color in [false, true] {
                    let options = ChartOptions(width: size.width, height: size.height, color: color)
                    let chart = try TerminalChart.render(fixture.table, options: options)
                    let name = "\(fixture.name)-w\(size.width)-\(color ? "color" : "plain").txt"
                    Golden.assertMatches(chart, name: name)
                    assertFits(chart, options: options, name: name)
                    if ProcessInfo.processInfo.environment["SIKLUS_PREVIEW"] == "1" {
                        print("── \(name)\n\(chart)\n")
                    }
                }
            }
        }
    }

    func testPlainChartsHaveNoEscapes() throws {
        for fixture in Fixtures.all {
            let chart = try TerminalChart.render(fixture.table, options: ChartOptions(width: 80, height: 24, color: false))
            XCTAssertFalse(chart.contains("\u{1B}"), fixture.name)
        }
    }

    func testColorChartsUse256ColorEscapes() throws {
        for fixture in Fixtures.all {
            let chart = try TerminalChart.render(fixture.table, options: ChartOptions(width: 80, height: 24, color: true))
            XCTAssertTrue(chart.contains("\u{1B}[") && chart.contains(";5;"), fixture.name)
        }
    }

    private func assertFits(_ chart: String, options: ChartOptions, name: String, file: StaticString = #filePath, line: UInt = #line) {
        let lines = Measure.lines(chart)
        XCTAssertLessThanOrEqual(lines.count, options.height, "\(name): too many lines", file: file, line: line)
        for (index, text) in lines.enumerated() {
            XCTAssertLessThanOrEqual(text.count, options.width, "\(name) line \(index + 1) too wide: \(text)", file: file, line: line)
            // Characters undercount wide ones; the module's measure counts CJK and emoji as two.
            XCTAssertLessThanOrEqual(DisplayWidth.of(text), options.width, "\(name) line \(index + 1) too wide: \(text)", file: file, line: line)
            if !options.color {
                XCTAssertFalse(text.hasSuffix(" "), "\(name) line \(index + 1) has trailing spaces", file: file, line: line)
            }
        }
    }
}
