import SiklusCharts
import SiklusEngine
import XCTest
@testable import SiklusShell

/// `.present on|off` and `.show`, and the 80-column layouts of presentation (a projector's terminal).
final class PresentCommandTests: XCTestCase {
    func testPresentTogglesAndShows() {
        let h = ShellHarness()
        XCTAssertEqual(h.run(".present\n.present on\n.present\n.present off\n.present"), 0)
        XCTAssertEqual(h.out.text, "present: off\npresent: on\npresent: off\n")
        XCTAssertFalse(h.shell.settings.present)
    }

    func testPresentRejectsOtherWords() {
        let h = ShellHarness()
        XCTAssertEqual(h.run(".present big"), 1)
        XCTAssertTrue(h.err.text.hasPrefix("test.sik:1:10: error: expected `on` or `off`, found `big`\n"), h.err.text)
    }

    func testShowListsEverySetting() {
        let h = ShellHarness()
        XCTAssertEqual(h.run(".present on\n.timer on\n.maxrows 7\n.show"), 0)
        // `.show` (MetaCommands+Locale) lists the shell's settings with the language's; these are the shell's.
        for line in ["mode           box", "maxrows        7", "timer          on", "bail           on", "present        on", "output         stdout"] {
            XCTAssertTrue(h.out.text.split(separator: "\n").contains { $0 == line }, "\(line)\n\(h.out.text)")
        }
    }

    func testPresentAndShowAreCompleted() {
        let source = CompletionSource(vocabulary: Session().vocabulary, knownValues: { _ in [] }, listDirectory: { _ in [] })
        func complete(_ line: String) -> Completion { Completer.complete(line: line, cursor: line.count, source: source) }
        XCTAssertEqual(complete(".pre").candidates, [".present"])
        XCTAssertEqual(complete(".present o").candidates, ["off", "on"])
        XCTAssertEqual(complete(".sh").candidates, [".show"])
    }

    func testPlotInPresentationDrawsThickBars() {
        let normal = ShellHarness(table: Samples.chartable)
        normal.run("plot")
        let present = ShellHarness(table: Samples.chartable)
        present.run(".present on\nplot")
        XCTAssertEqual(normal.out.text.split(separator: "\n").count, 4, normal.out.text)
        XCTAssertEqual(present.out.text.split(separator: "\n").count, 6, "two lines a bar: \(present.out.text)")
    }

    // MARK: transitions at 80 columns

    static func transitions() -> ResultTable {
        let stages = ["awareness", "education", "consideration", "purchase", "retention", "advocacy", "churn"]
        let columns = stages.enumerated().map { index, stage in
            ResultColumn(name: stage, unit: .count, values: .integer(stages.indices.map { Int64(($0 == index ? 19_377 : 111) + $0) }))
        }
        return ResultTable(columns: [ResultColumn(name: "from", unit: .text, values: .text(stages))] + columns, shape: .transitions)
    }

    func testTransitionsAbbreviateTheirStagesToFitEightyColumns() {
        let table = Self.transitions()
        let full = GridRenderer(style: .box).render(table, options: RenderOptions(maxWidth: 80))
        XCTAssertTrue(full.contains("columns not shown"), "the full names do not fit: \(full)")
        let fitted = NarrowTransitions.fitted(table, mode: .box, width: 80)
        XCTAssertEqual(fitted.columns.map(\.name), ["from", "aware", "educ", "consid", "purch", "retain", "advoc", "churn"])
        let text = GridRenderer(style: .box).render(fitted, options: RenderOptions(maxWidth: 80))
        XCTAssertFalse(text.contains("not shown"), text)
        XCTAssertTrue(text.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 80 }, text)
        XCTAssertTrue(text.contains("│ consid │"), "the from column too: \(text)")
    }

    func testTransitionsKeepTheirNamesWhenTheyFitOrAreData() {
        let table = Self.transitions()
        XCTAssertEqual(NarrowTransitions.fitted(table, mode: .box, width: 120), table, "a wide terminal")
        XCTAssertEqual(NarrowTransitions.fitted(table, mode: .box, width: nil), table, "a file or pipe")
        XCTAssertEqual(NarrowTransitions.fitted(table, mode: .csv, width: 80), table, "csv is data")
        XCTAssertEqual(NarrowTransitions.fitted(Samples.cohorts, mode: .box, width: 20), Samples.cohorts, "other shapes")
    }
}
