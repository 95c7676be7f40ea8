import Foundation
import SiklusEngine
import XCTest
@testable import SiklusShell

/// `.output`, `.once`, `.export` and `.read`, against files in a temporary directory.
final class MetaFileCommandTests: TemporaryDirectoryTestCase {
    private func contents(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }

    func testOutputRedirectsResultsUntilStdout() throws {
        let h = ShellHarness(mode: .csv)
        XCTAssertEqual(h.run(".output \(path("out.csv"))\ntable\ntext\n.output stdout\ntext"), 0)
        let csv = OutputMode.csv.renderer.render(Samples.cohorts, options: RenderOptions())
        XCTAssertEqual(try contents("out.csv"), csv + "\nsome text\n", "a blank line between two results")
        XCTAssertEqual(h.out.text, "some text\n")
    }

    func testOutputWithoutArgumentGoesBackToStdout() throws {
        let h = ShellHarness()
        h.run(".output \(path("a.txt"))\n.output\ntext")
        XCTAssertEqual(h.out.text, "some text\n")
        XCTAssertEqual(try contents("a.txt"), "")
    }

    func testOnceRedirectsOnlyTheNextStatement() throws {
        let h = ShellHarness(mode: .json)
        XCTAssertEqual(h.run(".once '\(path("once.json"))'\n.mode json\ntable\ntext"), 0)
        let json = try contents("once.json")
        XCTAssertEqual(json, OutputMode.json.renderer.render(Samples.cohorts, options: RenderOptions()))
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.utf8)))
        XCTAssertEqual(h.out.text, "some text\n")
    }

    func testOutputToAnUnwritablePathIsLocated() {
        let h = ShellHarness()
        XCTAssertEqual(h.run(".output /nonexistent-dir/x.csv"), 1)
        XCTAssertEqual(h.err.text, """
        test.sik:1:9: error: cannot open /nonexistent-dir/x.csv: No such file or directory
          .output /nonexistent-dir/x.csv
                  ^~~~~~~~~~~~~~~~~~~~~~
        
        """)
    }

    func testExportWritesTheLastResultByExtension() throws {
        let h = ShellHarness()
        let script = ["table", "text"] + ["csv", "tsv", "json", "md"].map { ".export \(path("last.\($0)"))" }
        XCTAssertEqual(h.run(script.joined(separator: "\n")), 0, h.err.text)
        XCTAssertEqual(try contents("last.csv"), OutputMode.csv.renderer.render(Samples.cohorts, options: RenderOptions()))
        XCTAssertEqual(try contents("last.tsv"), OutputMode.tsv.renderer.render(Samples.cohorts, options: RenderOptions()))
        XCTAssertEqual(try contents("last.md"), OutputMode.markdown.renderer.render(Samples.cohorts, options: RenderOptions()))
        let rows = try JSONSerialization.jsonObject(with: Data(try contents("last.json").utf8)) as? [[String: Any]]
        XCTAssertEqual(rows?.count, 3)
    }

    func testExportBeforeAnyResultFails() {
        let h = ShellHarness()
        XCTAssertEqual(h.run(".export \(path("x.csv"))"), 1)
        XCTAssertTrue(h.err.text.contains("error: there is no result to export yet"))
        XCTAssertTrue(h.err.text.contains("help: run a query first"))
    }

    func testExportOfAnUnknownFormatListsTheKnownOnes() {
        let h = ShellHarness()
        XCTAssertEqual(h.run("table\n.export report.xlsx"), 1)
        XCTAssertEqual(h.err.text, """
        test.sik:2:9: error: unknown export format `.xlsx`
          .export report.xlsx
                  ^~~~~~~~~~~
          help: use one of .csv, .json, .md, .tsv, .svg, .html

        """)
    }

    func testChartExportsGoThroughTheChartsModule() throws {
        let h = ShellHarness()
        XCTAssertEqual(h.run("table\n.export \(path("report.html"))"), 0, h.err.text)
        let html = try String(contentsOfFile: path("report.html"), encoding: .utf8)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("<pre class=\"query\">table</pre>"), "the report shows the query that made the result")

        final class Recorder: ChartExporting {
            var calls: [(ChartFileFormat, String, Int)] = []
            func export(_ table: ResultTable, format: ChartFileFormat, query: String, to path: String) throws {
                calls.append((format, path, table.rowCount))
            }
        }
        let recorder = Recorder()
        let charted = ShellHarness()
        charted.shell.chartExporter = recorder
        XCTAssertEqual(charted.run("table\n.export out.HTML"), 0)
        XCTAssertEqual(recorder.calls.map(\.0), [.html])
        XCTAssertEqual(recorder.calls.map(\.1), ["out.HTML"])
        XCTAssertEqual(recorder.calls.map(\.2), [3])
    }

    func testReadRunsAScriptWithErrorsLocatedInIt() throws {
        try "text\n\n.mode csv\nboom\ntext\n".write(toFile: path("inner.sik"), atomically: true, encoding: .utf8)
        let h = ShellHarness()
        XCTAssertEqual(h.run(".read \(path("inner.sik"))\ntext"), 1)
        XCTAssertEqual(h.executed, ["text", "boom"], "bail stops the inner script and the outer one")
        XCTAssertEqual(h.err.text, """
        \(path("inner.sik")):4:1: error: cannot run `boom`
          boom
          ^~~~
          help: try `table`

        """)
        XCTAssertEqual(h.shell.settings.mode, .csv, ".read shares the shell's settings")
    }

    func testReadWithBailOffContinuesButFails() throws {
        try "boom\ntext\n".write(toFile: path("inner.sik"), atomically: true, encoding: .utf8)
        let h = ShellHarness()
        XCTAssertEqual(h.run(".bail off\n.read \(path("inner.sik"))\ntext"), 1)
        XCTAssertEqual(h.executed, ["boom", "text", "text"])
    }

    func testReadOfAMissingFileIsLocated() {
        let h = ShellHarness()
        XCTAssertEqual(h.run("\n.read  nowhere.sik"), 1)
        XCTAssertEqual(h.err.text, """
        test.sik:2:8: error: cannot open nowhere.sik: No such file or directory
          .read  nowhere.sik
                 ^~~~~~~~~~~

        """)
    }

    func testReadOfItselfStopsAtTheNestingLimit() throws {
        let file = path("self.sik")
        try ".read \(file)\n".write(toFile: file, atomically: true, encoding: .utf8)
        let h = ShellHarness()
        XCTAssertEqual(h.run(".read \(file)"), 1)
        XCTAssertTrue(h.err.text.hasPrefix("\(file):1:7: error: `.read` is nested more than 16 deep"), h.err.text)
        XCTAssertEqual(h.err.text.components(separatedBy: "error:").count, 2, "reported once")
    }

    func testReadFanOutUnderBailOffStopsTheWholeScriptAtTheLimit() throws {
        // Two self-reads per level: without the stop, every pending `.read` carries on (2^16 errors).
        let file = path("fan.sik")
        try ".bail off\n.read \(file)\n.read \(file)\ntext\n".write(toFile: file, atomically: true, encoding: .utf8)
        let h = ShellHarness()
        XCTAssertEqual(h.run(".bail off\n.read \(file)\ntext"), 1)
        XCTAssertEqual(h.err.text.components(separatedBy: "error:").count - 1, 1, "one error line")
        XCTAssertEqual(h.executed, [], "nothing after the limit runs, in the script or its callers")
    }

    func testReadLimitInTheREPLEndsTheReadOnly() throws {
        let file = path("self.sik")
        try ".bail off\n.read \(file)\n.read \(file)\n".write(toFile: file, atomically: true, encoding: .utf8)
        let h = ShellHarness(interactive: true)
        var lines = TextLineSource(".read \(file)\ntext\n")
        _ = ScriptRunner(shell: h.shell, name: "<stdin>", interactive: true).run(&lines)
        XCTAssertEqual(h.err.text.components(separatedBy: "error:").count - 1, 1)
        XCTAssertEqual(h.executed, ["text"], "the REPL carries on after the aborted .read")
    }

    func testQuitInsideReadStopsEverything() throws {
        try "text\n.quit\ntext\n".write(toFile: path("q.sik"), atomically: true, encoding: .utf8)
        let h = ShellHarness()
        XCTAssertEqual(h.run(".read \(path("q.sik"))\ntext"), 0)
        XCTAssertEqual(h.executed, ["text"])
    }
}
