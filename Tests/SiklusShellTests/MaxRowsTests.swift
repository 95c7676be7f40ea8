import Foundation
import SiklusEngine
import SiklusLanguage
import XCTest
@testable import SiklusShell

/// `.maxrows N` as in DuckDB's shell: the modes meant for reading show the first and last rows around a
/// `… N rows …` marker (box and table also say `(N shown)` in the footer); csv, tsv and json are never cut.
final class MaxRowsTests: XCTestCase {
    /// `rows` customers numbered 1…rows, with a count.
    private func numbered(_ rows: Int) -> ResultTable {
        ResultTable(columns: [
            ResultColumn(name: "customer", unit: .text, values: .text((1...rows).map { "c\($0)" })),
            ResultColumn(name: "orders", unit: .count, values: .integer((1...rows).map { Int64($0 * 1000) })),
        ])
    }

    func testWindowShowsTheFirstAndLastRows() {
        let window = RowWindow(rowCount: 100, limit: 40)
        XCTAssertEqual([window.head, window.tail, window.omitted], [20, 20, 60])
        XCTAssertEqual(window.shownRows.first, 0)
        XCTAssertEqual(window.shownRows.last, 99)
        XCTAssertEqual(window.marker, "… 60 rows …")
        let odd = RowWindow(rowCount: 10, limit: 5)
        XCTAssertEqual(odd.shownRows, [0, 1, 2, 8, 9])
        for limit in [nil, 0, 10, 11] {
            let all = RowWindow(rowCount: 10, limit: limit)
            XCTAssertFalse(all.isCut, "\(String(describing: limit))")
            XCTAssertEqual(all.shownRows, Array(0..<10))
        }
        XCTAssertEqual(RowWindow(rowCount: 3, limit: 2).marker, "… 1 row …")
    }

    func testBoxShowsAMarkerRowAndTheShownCountInTheFooter() {
        let text = OutputMode.box.renderer.render(numbered(10), options: RenderOptions(maxRows: 4))
        XCTAssertEqual(text, """
        ┌──────────┬────────┐
        │ customer │ orders │
        ├──────────┼────────┤
        │ c1       │  1,000 │
        │ c2       │  2,000 │
        │ … 6 rows …        │
        │ c9       │  9,000 │
        │ c10      │ 10,000 │
        └──────────┴────────┘
        10 rows (4 shown)

        """)
    }

    func testANarrowTableWidensToHoldTheMarker() {
        let table = ResultTable(columns: [ResultColumn(name: "n", unit: .count, values: .integer(Array(1...2000)))])
        let text = OutputMode.table.renderer.render(table, options: RenderOptions(maxRows: 2))
        XCTAssertEqual(text, """
        +----------------+
        |              n |
        +----------------+
        |              1 |
        | … 1,998 rows … |
        |          2,000 |
        +----------------+
        2,000 rows (2 shown)

        """)
    }

    func testPlainMarkdownAndLineModesMarkTheCut() {
        let options = RenderOptions(maxRows: 2)
        XCTAssertEqual(OutputMode.plain.renderer.render(numbered(5), options: options), """
        customer  orders
        c1         1,000
        … 3 rows …
        c5         5,000

        """)
        XCTAssertEqual(OutputMode.markdown.renderer.render(numbered(5), options: options), """
        | customer   | orders |
        |------------|-------:|
        | c1         |  1,000 |
        | … 3 rows … |      … |
        | c5         |  5,000 |

        """)
        XCTAssertEqual(OutputMode.line.renderer.render(numbered(5), options: options), """
        customer = c1
          orders = 1,000

        … 3 rows …

        customer = c5
          orders = 5,000

        """)
    }

    func testALimitOfOneStillShowsTheMarker() {
        let options = RenderOptions(maxRows: 1)
        XCTAssertEqual(OutputMode.plain.renderer.render(numbered(3), options: options), "customer  orders\nc1         1,000\n… 2 rows …\n")
        XCTAssertEqual(OutputMode.line.renderer.render(numbered(3), options: options), "customer = c1\n  orders = 1,000\n\n… 2 rows …\n")
        XCTAssertTrue(OutputMode.markdown.renderer.render(numbered(3), options: options).hasSuffix("| … 2 rows … |      … |\n"))
    }

    func testExactModesAreNeverCut() {
        for mode in [OutputMode.csv, .tsv, .json] {
            let text = mode.renderer.render(numbered(50), options: RenderOptions(maxRows: 2))
            XCTAssertTrue(text.contains("c25") && text.contains("50000"), "\(mode)")
            XCTAssertFalse(text.contains("…"), "\(mode)")
        }
    }

    func testDefaultIsFortyRowsOnATerminalOnlyAndMaxrowsOverridesIt() {
        let fifty = numbered(50)
        func shell(terminal: Bool, mode: OutputMode) -> (Shell, CapturedOutput) {
            let out = CapturedOutput()
            let shell = Shell(session: Session(), io: ShellIO(out: out, err: CapturedOutput(), outIsTerminal: terminal),
                              settings: ShellSettings(mode: mode))
            shell.runStatements = { source, handler in _ = handler(.output(.table(fifty), span: SourceSpan(start: 0, end: source.bytes.count))) }
            return (shell, out)
        }
        let (tty, ttyOut) = shell(terminal: true, mode: .box)
        _ = tty.runScript("q", name: "t")
        XCTAssertTrue(ttyOut.text.contains("… 10 rows …") && ttyOut.text.contains("50 rows (40 shown)"), ttyOut.text)

        let (pipe, pipeOut) = shell(terminal: false, mode: .plain)
        _ = pipe.runScript("q", name: "t")
        XCTAssertFalse(pipeOut.text.contains("…"), "not a terminal: every row")
        XCTAssertTrue(pipeOut.text.contains("c25"))

        let (limited, limitedOut) = shell(terminal: false, mode: .plain)
        XCTAssertEqual(limited.runScript(".maxrows 4\n.maxrows\nq", name: "t").failures, 0)
        XCTAssertTrue(limitedOut.text.hasPrefix("maxrows: 4\ncustomer  orders\n"), limitedOut.text)
        XCTAssertTrue(limitedOut.text.contains("… 46 rows …"), limitedOut.text)

        let (unlimited, unlimitedOut) = shell(terminal: true, mode: .box)
        _ = unlimited.runScript(".maxrows 0\nq", name: "t")
        XCTAssertFalse(unlimitedOut.text.contains("…"), "0 shows every row")

        let (csv, csvOut) = shell(terminal: true, mode: .csv)
        _ = csv.runScript(".maxrows 3\nq", name: "t")
        XCTAssertEqual(csvOut.text.split(separator: "\n").count, 51, "csv is data: never cut")
    }

    func testMaxrowsRejectsANonNumber() {
        let h = ShellHarness(mode: .plain)
        XCTAssertEqual(h.run(".maxrows lots"), 1)
        XCTAssertTrue(h.err.text.contains("expected a number of rows (0 for all), found `lots`"), h.err.text)
        XCTAssertEqual(h.shell.settings.maxRows, nil)
        XCTAssertEqual(h.run(".maxrows -3"), 1)
    }
}
