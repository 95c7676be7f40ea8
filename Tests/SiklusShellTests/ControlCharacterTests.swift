import SiklusCharts
import SiklusEngine
import XCTest
@testable import SiklusShell

/// Control characters in data reach a person's terminal only escaped (human modes and charts); the
/// exact modes keep data as it is (JSON escaping it per its spec).
final class ControlCharacterTests: XCTestCase {
    /// ESC starting a colour sequence, a bell, CR, tab, newline, DEL and a C1 CSI, in a value and a name.
    static let hostile = ResultTable(columns: [
        ResultColumn(name: "ch\u{1B}]0;pwned\u{07}an", unit: .text,
                     values: .text(["\u{1B}[31mred\u{1B}[0m", "a\rb\tc\nd", "del\u{7F}", "c1\u{9B}2J"])),
        ResultColumn(name: "customers", unit: .count, values: .integer([1, 2, 3, 4])),
    ])

    private func rawControls(_ text: String, allowingNewlines: Bool = true) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { VisibleText.isControl($0) && !(allowingNewlines && $0 == "\n") }
    }

    func testHumanModesShowControlCharactersEscaped() {
        for mode in [OutputMode.box, .table, .plain, .markdown, .line] {
            let text = mode.renderer.render(Self.hostile, options: RenderOptions(color: false))
            XCTAssertEqual(rawControls(text), [], "\(mode): \(text.debugDescription)")
            XCTAssertTrue(text.contains("\\x1b[31mred\\x1b[0m"), "\(mode): \(text)")
            XCTAssertTrue(text.contains("ch\\x1b]0;pwned\\x07an"), "\(mode): the column name too")
            XCTAssertTrue(text.contains("del\\x7f"), "\(mode)")
            XCTAssertTrue(text.contains("c1\\u{9b}2J"), "\(mode)")
            XCTAssertTrue(text.contains(mode == .markdown ? "a<br>b\\tc" : "a\\rb\\tc"), "\(mode): \(text)")
        }
        XCTAssertTrue(OutputMode.plain.renderer.render(Self.hostile, options: RenderOptions()).contains("a\\rb\\tc\\nd"))
    }

    func testExactModesKeepTheData() throws {
        let csv = OutputMode.csv.renderer.render(Self.hostile, options: RenderOptions())
        XCTAssertTrue(csv.contains("\u{1B}[31mred\u{1B}[0m"))
        XCTAssertTrue(csv.contains("\"a\rb\tc\nd\""))
        let json = OutputMode.json.renderer.render(Self.hostile, options: RenderOptions())
        XCTAssertEqual(rawControls(json), [], "JSON escapes controls per RFC 8259, DEL and C1 too")
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        XCTAssertEqual(decoded?.first?["ch\u{1B}]0;pwned\u{07}an"] as? String, "\u{1B}[31mred\u{1B}[0m")
        XCTAssertEqual(decoded?[1]["ch\u{1B}]0;pwned\u{07}an"] as? String, "a\rb\tc\nd")
    }

    func testChartLabelsAreEscaped() throws {
        let bars = ResultTable(columns: [
            ResultColumn(name: "channel", unit: .text, values: .text(["\u{1B}[2Jwipe", "ok"])),
            ResultColumn(name: "customers", unit: .count, values: .integer([5, 3])),
        ])
        let terminal = try TerminalChart.render(bars, options: ChartOptions(width: 80, height: 24, color: false))
        XCTAssertEqual(rawControls(terminal), [], terminal.debugDescription)
        XCTAssertTrue(terminal.contains("\\x1b[2Jwipe"), terminal)
        let svg = try ReportExporter.svg(bars, title: nil)
        XCTAssertEqual(rawControls(svg), [], "XML 1.0 forbids these characters")
    }
}
