import Foundation
import SiklusEngine
import SiklusLanguage
import XCTest
@testable import SiklusShell

/// Synthetic results, since the engine cannot produce any yet.
enum Samples {
    /// Text, count, money and percent columns, with nulls.
    static let cohorts = ResultTable(columns: [
        ResultColumn(name: "cohort", unit: .text, values: .text(["2022-09", "2022-10", nil])),
        ResultColumn(name: "customers", unit: .count, values: .integer([1204, 98, 0])),
        ResultColumn(name: "revenue", unit: .money, values: .number([123456.789, 0.5, nil])),
        ResultColumn(name: "repeat_rate", unit: .percent, values: .number([42.25, 7, 100])),
    ])

    /// One text and one count column: a bar chart.
    static let chartable = ResultTable(columns: [
        ResultColumn(name: "channel", unit: .text, values: .text(["search", "email"])),
        ResultColumn(name: "customers", unit: .count, values: .integer([120, 80])),
    ])

    /// A date, a ratio and days: units box mode formats.
    static let dated = ResultTable(columns: [
        ResultColumn(name: "week", unit: .date, values: .integer([1_662_940_800, 1_663_545_600])),
        ResultColumn(name: "orders_per_customer", unit: .ratio, values: .number([1.23456, 2])),
        ResultColumn(name: "median_days", unit: .days, values: .number([14, 3.5])),
    ])

    /// Text that needs quoting or escaping in every format.
    static let awkward = ResultTable(columns: [
        ResultColumn(name: "name", unit: .text, values: .text(["plain", "a,b", "say \"hi\"", "two\nlines", "tab\there", nil])),
        ResultColumn(name: "value", unit: .ratio, values: .number([0.1, 1e-7, 123456789.125, -2, 1e300, nil])),
    ])

    /// A table whose name column is a single given width, for truncation tests.
    static func wide(columns: Int) -> ResultTable {
        ResultTable(columns: (0..<columns).map { i in
            ResultColumn(name: "column_\(i)", unit: .count, values: .integer([Int64(i * 1000), Int64(i)]))
        })
    }
}

/// A shell wired to captured output and a fake engine: `table` produces `Samples.cohorts`, `text`
/// produces a text output, `fail` fails with a diagnostic under the word; `;` separates statements.
final class ShellHarness {
    let out = CapturedOutput()
    let err = CapturedOutput()
    let shell: Shell
    /// Statements the fake engine was asked to run, in order.
    private(set) var executed: [String] = []

    init(mode: OutputMode = .box, interactive: Bool = false, table: ResultTable = Samples.cohorts) {
        shell = Shell(session: Session(), io: ShellIO(out: out, err: err), settings: ShellSettings(mode: mode),
                      isInteractive: interactive)
        shell.runStatements = { [unowned self] source, handler in
            var offset = 0
            for piece in source.text.split(separator: ";", omittingEmptySubsequences: false) {
                defer { offset += piece.utf8.count + 1 }
                let word = piece.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !word.isEmpty else { continue }
                self.executed.append(word)
                let leading = piece.utf8.count - piece.drop { $0 == " " || $0 == "\n" }.utf8.count
                let span = SourceSpan(start: offset + leading, end: offset + leading + word.utf8.count)
                let outcome: StatementOutcome = switch word {
                case "table": .output(.table(table), span: span)
                case "text": .output(.text("some text"), span: span)
                case "plot": .output(.plot(table), span: span)
                default: .failure(Diagnostic("cannot run `\(word)`", at: span, hints: ["try `table`"]))
                }
                if !handler(outcome) { return }
            }
        }
    }

    /// Runs `script` as the file `name`; returns the exit status.
    @discardableResult
    func run(_ script: String, name: String = "test.sik") -> Int32 {
        shell.runScript(script, name: name).exitStatus
    }
}

/// A fresh temporary directory, removed by the caller's tearDown.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("siklus-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A test case whose every test gets a fresh temporary `directory`, removed afterwards.
class TemporaryDirectoryTestCase: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = try makeTemporaryDirectory()
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// `name` inside the test's directory.
    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Writes `text` to `name` inside the test's directory (creating the folders it names); its path.
    @discardableResult
    func writeFile(_ text: String, to name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
