import Foundation
import SiklusEngine
import XCTest
@testable import SiklusShell

/// Several results in one run stay separable: a blank line between csv, tsv and Markdown tables (two
/// Markdown tables written back to back would render as one), one line per result in json.
final class SeveralResultsTests: XCTestCase {
    private let one = ResultTable(columns: [ResultColumn(name: "customers", unit: .count, values: .integer([3, 4]))])

    private func run(_ mode: OutputMode, _ script: String = "table; table\ntable") -> String {
        let h = ShellHarness(mode: mode, table: one)
        XCTAssertEqual(h.run(script), 0, h.err.text)
        return h.out.text
    }

    func testCSVAndTSVSeparateTablesByOneBlankLine() {
        XCTAssertEqual(run(.csv), "customers\n3\n4\n\ncustomers\n3\n4\n\ncustomers\n3\n4\n")
        XCTAssertEqual(run(.tsv, "table; table"), "customers\n3\n4\n\ncustomers\n3\n4\n")
    }

    func testMarkdownPutsABlankLineBetweenTables() {
        let table = "| customers |\n|----------:|\n|         3 |\n|         4 |\n"
        XCTAssertEqual(run(.markdown, "table; table"), table + "\n" + table)
    }

    func testJSONWritesOneArrayPerLine() throws {
        let lines = run(.json).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 4, "three lines and the final newline")
        for line in lines.dropLast() {
            let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [[String: Any]], String(line))
            XCTAssertEqual(rows.map { ($0["customers"] as? NSNumber)?.intValue }, [3, 4])
        }
    }

    func testListingsAndChartsAreResultsToo() {
        XCTAssertEqual(run(.csv, "text; table"), "some text\n\ncustomers\n3\n4\n")
        let plotted = run(.csv, "table; plot")
        XCTAssertTrue(plotted.hasPrefix("customers\n3\n4\n\n"), plotted)
        XCTAssertGreaterThan(plotted.count, "customers\n3\n4\n\n".count, "the chart follows")
        XCTAssertEqual(run(.csv, ".mode\n.mode"), "mode: csv\nmode: csv\n", "dot-command answers are not separated")
    }

    func testASingleTableHasNoSeparator() {
        XCTAssertEqual(run(.csv, "table"), "customers\n3\n4\n")
    }

    func testTheInteractiveShellSeparatesOnlyTheResultsOfOneLine() {
        let h = ShellHarness(mode: .csv, interactive: true, table: one)
        var input = TextLineSource("table\ntable; .timer off; table\n")
        _ = ScriptRunner(shell: h.shell, name: "<stdin>", interactive: true).run(&input)
        XCTAssertEqual(h.out.text, "customers\n3\n4\ncustomers\n3\n4\n\ncustomers\n3\n4\n")
    }

    func testInteractiveConfirmationsGoToStderrAndQuietSilencesThem() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for quiet in [false, true] {
            let h = ShellHarness(mode: .csv, interactive: true, table: one)
            h.shell.settings.quiet = quiet
            var input = TextLineSource(".output \(directory.appendingPathComponent("o.csv").path)\n.output stdout\n")
            _ = ScriptRunner(shell: h.shell, name: "<stdin>", interactive: true).run(&input)
            XCTAssertEqual(h.out.text, "")
            XCTAssertEqual(h.err.text.contains("results go to"), !quiet, h.err.text)
        }
    }

    func testAnOutputFileSeparatesItsOwnTables() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("out.csv").path
        let h = ShellHarness(mode: .csv, table: one)
        XCTAssertEqual(h.run("table\n.output \(path)\ntable\ntable\n.output stdout\ntable"), 0, h.err.text)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "customers\n3\n4\n\ncustomers\n3\n4\n")
        XCTAssertEqual(h.out.text, "customers\n3\n4\n\ncustomers\n3\n4\n", "stdout had a table before the file")
    }
}
