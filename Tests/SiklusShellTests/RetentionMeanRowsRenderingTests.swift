import Foundation
import SiklusEngine
import XCTest
@testable import SiklusShell

/// Retention's mean rows: printed under the table by the modes meant for reading, never by csv, tsv or json.
final class RetentionMeanRowsRenderingTests: XCTestCase {
    static let table: ResultTable = {
        var table = ResultTable(columns: [
            ResultColumn(name: "cohort", unit: .text, values: .text(["2022-09", "2022-10"])),
            ResultColumn(name: "customers", unit: .count, values: .integer([10, 30])),
            ResultColumn(name: "0", unit: .count, values: .integer([10, 30])),
            ResultColumn(name: "1", unit: .count, values: .integer([5, nil])),
        ], shape: .retention)
        table.footer = [ResultFooterRow(label: "mean", values: [nil, nil, 100, 50], unit: .percent),
                        ResultFooterRow(label: "weighted mean", values: [nil, nil, 100, 50], unit: .percent)]
        return table
    }()

    func testBoxPrintsTheMeanRowsUnderARule() {
        XCTAssertEqual(OutputMode.box.renderer.render(Self.table, options: RenderOptions()), """
        ┌───────────────┬───────────┬────────┬───────┐
        │ cohort        │ customers │      0 │     1 │
        ├───────────────┼───────────┼────────┼───────┤
        │ 2022-09       │        10 │     10 │     5 │
        │ 2022-10       │        30 │     30 │       │
        ├───────────────┼───────────┼────────┼───────┤
        │ mean          │           │ 100.0% │ 50.0% │
        │ weighted mean │           │ 100.0% │ 50.0% │
        └───────────────┴───────────┴────────┴───────┘
        2 rows

        """)
    }

    func testPlainMarkdownAndLinePrintThemToo() {
        let plain = OutputMode.plain.renderer.render(Self.table, options: RenderOptions())
        XCTAssertTrue(plain.hasSuffix("2022-10               30      30\nmean                      100.0%  50.0%\nweighted mean             100.0%  50.0%\n"), plain)
        let markdown = OutputMode.markdown.renderer.render(Self.table, options: RenderOptions())
        XCTAssertTrue(markdown.contains("| weighted mean |           | 100.0% | 50.0% |"), markdown)
        let line = OutputMode.line.renderer.render(Self.table, options: RenderOptions())
        XCTAssertTrue(line.hasSuffix("   cohort = weighted mean\ncustomers = \n        0 = 100.0%\n        1 = 50.0%\n"), line)
    }

    func testExactModesLeaveThemOut() {
        XCTAssertEqual(OutputMode.csv.renderer.render(Self.table, options: RenderOptions()), "cohort,customers,0,1\n2022-09,10,10,5\n2022-10,30,30,\n")
        XCTAssertFalse(OutputMode.json.renderer.render(Self.table, options: RenderOptions()).contains("mean"))
        XCTAssertFalse(OutputMode.tsv.renderer.render(Self.table, options: RenderOptions()).contains("mean"))
    }
}

/// The mean rows describe every cohort: `top`/`limit` that drop cohorts drop them too, `sort` keeps them.
final class RetentionMeanRowsPostStepTests: XCTestCase {
    func testLimitDropsTheMeanRowsAndSortKeepsThem() throws {
        let session = Session()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mean-rows-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let events = dir.appendingPathComponent("events.csv")
        try "customer,ts,event,amount\na,2022-01-05,purchase,10\na,2022-02-05,purchase,5\nb,2022-02-01,purchase,7\n".write(to: events, atomically: true, encoding: .utf8)
        _ = try session.load(.events, path: events.path)
        XCTAssertEqual(try session.query("cohort by first_purchase | retention percent").footer.count, 2)
        XCTAssertEqual(try session.query("cohort by first_purchase | retention percent | sort cohort desc").footer.count, 2)
        XCTAssertEqual(try session.query("cohort by first_purchase | retention percent | limit 1").footer, [])
        XCTAssertEqual(try session.query("cohort by first_purchase | retention percent | limit 5").footer.count, 2, "nothing dropped")
    }
}
