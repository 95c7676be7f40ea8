import Foundation
import XCTest
@testable import SiklusShell

/// `plot` outside a terminal is drawn at `COLUMNS` × `LINES` when set, else 100 × 30 (80 × 24 cut a
/// year of monthly retention columns).
final class ChartCanvasTests: XCTestCase {
    func testOffTerminalUsesTheEnvironmentElseOneHundredByThirty() {
        XCTAssertEqual(ChartCanvas.size(toTerminal: false, terminalWidth: nil, terminalHeight: nil, environment: [:]),
                       ChartCanvas(width: 100, height: 30))
        XCTAssertEqual(ChartCanvas.size(toTerminal: false, terminalWidth: nil, terminalHeight: nil, environment: ["COLUMNS": "70", "LINES": "15"]),
                       ChartCanvas(width: 70, height: 15))
        XCTAssertEqual(ChartCanvas.size(toTerminal: false, terminalWidth: nil, terminalHeight: nil, environment: ["COLUMNS": "wide", "LINES": "-3"]),
                       ChartCanvas(width: 100, height: 30), "unusable values are ignored")
        XCTAssertEqual(ChartCanvas.size(toTerminal: false, terminalWidth: nil, terminalHeight: nil, environment: ["COLUMNS": "99999999", "LINES": "1"]),
                       ChartCanvas(width: 1_000, height: 8), "clamped: drawing cost stays bounded")
    }

    func testOnATerminalTheTerminalDecides() {
        XCTAssertEqual(ChartCanvas.size(toTerminal: true, terminalWidth: 132, terminalHeight: 50, environment: ["COLUMNS": "70"]),
                       ChartCanvas(width: 132, height: 50))
        XCTAssertEqual(ChartCanvas.size(toTerminal: true, terminalWidth: nil, terminalHeight: 5, environment: [:]),
                       ChartCanvas(width: 80, height: 12))
    }

    func testPlotInAPipeFillsTheCanvas() throws {
        let demo = try SiklusBinary.demoDirectory()
        let query = "events | by week | metric customers | plot"
        for (environment, size) in [(["COLUMNS": "", "LINES": ""], (100, 30)), (["COLUMNS": "70", "LINES": "15"], (70, 15))] {
            let result = try SiklusBinary.run(["--data", demo.path, "-c", query], environment: environment)
            XCTAssertEqual(result.status, 0, result.stderr)
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            XCTAssertEqual(lines.count, size.1, "\(environment)\n\(result.stdout)")
            XCTAssertEqual(lines.map(\.count).max(), size.0, "\(environment)\n\(result.stdout)")
        }
    }
}
