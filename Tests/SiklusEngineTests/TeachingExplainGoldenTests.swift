import Foundation
import XCTest
@testable import SiklusEngine

/// The whole text of `explain` on the demo data, compared with files in `Tests/SiklusEngineTests/Golden/explain/`.
/// Re-record on purpose with `SIKLUS_RECORD=1 swift test --filter TeachingExplainGoldenTests`, then
/// read the diff. Paths of the loaded files are printed relative to the package root.
final class TeachingExplainGoldenTests: XCTestCase {
    static let cases: [(name: String, pipeline: String)] = [
        ("retention-avg-order", "cohort signup=2022-09 | stage retention | metric avg_order"),
        ("channel-rates", "cohort by channel | metric conversion_rate, repeat_rate, churn_rate"),
        ("first-purchase-retention", "cohort by first_purchase period quarter | retention percent horizon 3"),
        ("funnel", "events | where country = ID | funnel awareness -> consideration -> purchase within 30d"),
        ("spend-cpa", "events | by month, channel | metric spend, cpa | top 3"),
        ("transitions", "cohort | metric transitions"),
    ]

    func testExplainTextMatchesTheGoldenFiles() throws {
        let session = try XCTUnwrap(TeachingFixture.shared)
        let directory = TeachingFixture.root.appendingPathComponent("Tests/SiklusEngineTests/Golden/explain")
        let record = ProcessInfo.processInfo.environment["SIKLUS_RECORD"] == "1"
        for (name, pipeline) in Self.cases {
            let text = try TeachingFixture.text("explain " + pipeline, in: session)
                .replacingOccurrences(of: TeachingFixture.root.path + "/", with: "") + "\n"
            let file = directory.appendingPathComponent(name + ".txt")
            if record {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try text.write(to: file, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: file, encoding: .utf8)
            if text != expected {
                let got = text.split(separator: "\n", omittingEmptySubsequences: false)
                let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
                let line = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
                XCTFail("""
                    explain \(pipeline) differs from \(name).txt at line \(line + 1):
                      expected: \(line < want.count ? want[line] : "(end)")
                      actual:   \(line < got.count ? got[line] : "(end)")
                    (SIKLUS_RECORD=1 re-records)
                    """)
            }
        }
    }

    /// Each section is present, in order, and the step numbers of plan, example and SQL agree.
    func testExplainHasEverySectionWithSharedStepNumbers() throws {
        let session = try XCTUnwrap(TeachingFixture.shared)
        let text = try TeachingFixture.text("explain cohort signup=2022-09 | stage retention | metric avg_order", in: session)
        let headers = ["query", "syntax", "plan", "formulas", "worked example: customer ", "sql (DuckDB", "settings"]
        var position = text.startIndex
        for header in headers {
            guard let found = text.range(of: header, range: position..<text.endIndex) else { return XCTFail("no section \(header)\n\(text)") }
            position = found.upperBound
        }
        for number in 1...3 {
            XCTAssertTrue(text.contains("\n  \(number). "), "plan and example number step \(number)")
            XCTAssertTrue(text.contains("\n  -- \(number). "), "the SQL comments number step \(number)")
        }
    }
}
