import Foundation
import SiklusTestSupport
import XCTest
@testable import SiklusEngine

/// `datasets/demo/tour.sik`, the guided tour, runs end to end through the built `siklus` executable
/// from the repository root, and talks about every stage of the lifecycle.
final class TourTests: XCTestCase {
    static let tour = "datasets/demo/tour.sik"

    /// The built executable: next to the test bundle, else `.build/debug/siklus`.
    static func siklus() throws -> URL {
        let candidates = [
            Bundle(for: TourTests.self).bundleURL.deletingLastPathComponent().appendingPathComponent("siklus"),
            URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent().appendingPathComponent("siklus"),
            TeachingFixture.root.appendingPathComponent(".build/debug/siklus"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw MissingPrerequisite("the siklus executable is not built (looked in \(candidates.map(\.path)))")
        }
        return found
    }

    func testTheTourRunsFromTheRepositoryRoot() throws {
        let result = try TeachingFixture.run(try Self.siklus(), [Self.tour])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stderr.contains("error"), result.stderr)
        for stage in Stage.allCases {
            XCTAssertTrue(result.stdout.contains(stage.name), "the tour's output mentions \(stage.name)")
        }
        // The seed metrics each produce a result: cpa, impressions and ctr, first vs repeat order value,
        // orders over time, engagement, stage share and transitions, churn rate.
        let lines = result.stdout.components(separatedBy: "\n")
        for column in ["cpa", "impressions", "ctr", "avg_order", "orders", "engagement"] {
            let values = Self.numbers(inColumn: column, of: lines)
            XCTAssertFalse(values.isEmpty, "the tour shows a table with numbers in a \(column) column")
        }
        Self.assertChurnRatePlot(lines)
        Self.assertStageShareLegend(lines)
        Self.assertTransitionMatrix(lines)
        XCTAssertTrue(result.stdout.contains("worked example: customer "), "the tour ends with an explain")
        // The customer-value section: segments, both models' parameters, the tracking chart.
        for word in ["champions", "gamma_gamma", "expected_purchases", "series: * actual  o predicted"] {
            XCTAssertTrue(result.stdout.contains(word), "the tour's customer-value section shows \(word)")
        }
    }

    /// A plain-mode cell as a number: plain formats numbers for reading (`375,849`, `2.0%`).
    static func number(_ cell: Substring) -> Double? {
        Double(cell.replacingOccurrences(of: ",", with: "").trimmingCharacters(in: ["%"]))
    }

    /// The numbers under the first plain-mode table header that has `column` as one of its words: rows
    /// follow the header until a row has a different number of words (blank cells are skipped).
    static func numbers(inColumn column: String, of lines: [String]) -> [Double] {
        for (index, line) in lines.enumerated() {
            let header = line.split(separator: " ")
            guard let position = header.firstIndex(of: Substring(column)) else { continue }
            var values: [Double] = []
            for row in lines[(index + 1)...] {
                let cells = row.split(separator: " ")
                guard cells.count == header.count, let value = number(cells[position]) else { break }
                values.append(value)
            }
            if !values.isEmpty { return values }
        }
        return []
    }

    /// `cohort | … | metric churn_rate | plot`: one bar per quarter cohort, each ending in a percentage.
    static func assertChurnRatePlot(_ lines: [String], file: StaticString = #filePath, line: UInt = #line) {
        guard let header = lines.firstIndex(where: { $0.hasPrefix("cohort") && $0.hasSuffix("churn_rate (%)") }) else {
            return XCTFail("no churn_rate plot", file: file, line: line)
        }
        let bars = lines[(header + 1)...].prefix { $0.range(of: #"^\d{4}-Q[1-4] .* \d+(\.\d)?%$"#, options: .regularExpression) != nil }
        XCTAssertEqual(bars.count, 8, "one churn_rate bar per quarter of 2022-2023", file: file, line: line)
    }

    /// `metric stage_share | plot`: a legend line per stage (`██ awareness  40.7%  2,034`), counts adding up to
    /// every demo customer.
    static func assertStageShareLegend(_ lines: [String], file: StaticString = #filePath, line: UInt = #line) {
        var total = 0
        for stage in Stage.allCases {
            let pattern = #"^\S\S \#(stage.name) +\d+\.\d% +[\d,]+$"#
            guard let row = lines.first(where: { $0.range(of: pattern, options: .regularExpression) != nil }) else {
                XCTFail("no stage share legend line for \(stage.name)", file: file, line: line)
                continue
            }
            total += Int(row.split(separator: " ").last?.replacingOccurrences(of: ",", with: "") ?? "") ?? 0
        }
        XCTAssertEqual(total, 5000, "the stage shares cover every demo customer", file: file, line: line)
    }

    /// `metric transitions`: a `from` header naming every stage, then one row of counts per stage.
    static func assertTransitionMatrix(_ lines: [String], file: StaticString = #filePath, line: UInt = #line) {
        let names = Stage.allCases.map(\.name)
        guard let header = lines.firstIndex(where: { $0.split(separator: " ").map(String.init) == ["from"] + names }) else {
            return XCTFail("no transitions matrix with a from column and every stage", file: file, line: line)
        }
        for (offset, name) in names.enumerated() {
            let cells = lines[header + 1 + offset].split(separator: " ")
            XCTAssertEqual(cells.first.map(String.init), name, file: file, line: line)
            XCTAssertEqual(cells.dropFirst().compactMap { Int($0.replacingOccurrences(of: ",", with: "")) }.count, names.count,
                           "counts from \(name)", file: file, line: line)
        }
    }

    /// In the shell, `.read` runs the tour too (started without the demo, so nothing loads twice).
    func testTheTourRunsWithReadInTheShell() throws {
        let result = try TeachingFixture.run(try Self.siklus(), ["--no-demo", "-c", ".read \(Self.tour)"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("churn          pelengseran"), result.stdout)
    }

    func testTheTourIsAnExecutableScriptThatLoadsTheDemo() throws {
        let path = TeachingFixture.root.appendingPathComponent(Self.tour).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("#!/usr/bin/env siklus\n"))
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: path), "chmod +x \(Self.tour)")
        for file in ["customers", "events", "spend"] {
            // Relative to the tour's folder, so it runs from anywhere (ScriptPathProcessTests runs it so).
            XCTAssertTrue(text.contains("load \(file) \"\(file).csv\""), "the tour loads \(file) itself")
        }
        XCTAssertTrue(text.contains("| plot"))
        XCTAssertTrue(text.contains("siklus datasets/demo/tour.sik"), "the header says how to run it")
    }
}
