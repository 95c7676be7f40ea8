import Foundation
import SiklusTestSupport
import XCTest
@testable import SiklusEngine

/// The whole text of `explain all` (every part) on the demo data, compared with files in `Tests/SiklusEngineTests/Golden/explain/`.
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
        ("retention-kinds", "customers | retention start login recurring period quarter value revenue percent horizon 3 | detail"),
        ("paths", "events | paths from product_view to purchase session 1d steps 4"),
        ("cohort-did", "cohort country = ID and did purchase >= 2 times within 30d of signup | metric ltv"),
        ("lifecycle", "cohort by channel | lifecycle period month on purchase"),
        ("stickiness", "events | where ts >= 2023-10 | stickiness period week"),
        ("funnel-trends", "cohort | funnel visit -> add_to_cart -> purchase within 7d by month"),
        ("funnel-breakdown", "cohort | funnel visit -> add_to_cart -> purchase within 7d by events.channel attribution last"),
    ]

    func testExplainTextMatchesTheGoldenFiles() throws {
        let session = try XCTUnwrap(TeachingFixture.shared)
        let directory = TeachingFixture.root.appendingPathComponent("Tests/SiklusEngineTests/Golden/explain")
        for (name, pipeline) in Self.cases {
            let text = try TeachingFixture.text("explain all " + pipeline, in: session)
                .replacingOccurrences(of: TeachingFixture.root.path + "/", with: "") + "\n"
            GoldenFile.assertMatches(text, at: directory.appendingPathComponent(name + ".txt"))
        }
    }

    /// Each section is present, in order, and the step numbers of plan, example and SQL agree.
    func testExplainHasEverySectionWithSharedStepNumbers() throws {
        let session = try XCTUnwrap(TeachingFixture.shared)
        let text = try TeachingFixture.text("explain all cohort signup=2022-09 | stage retention | metric avg_order", in: session)
        let headers = ["query", "syntax", "logical plan", "\nplan\n", "formulas", "worked example: customer ", "sql (DuckDB", "settings"]
        var position = text.startIndex
        for header in headers {
            guard let found = text.range(of: header, range: position..<text.endIndex) else { return XCTFail("no section \(header)\n\(text)") }
            position = found.upperBound
        }
        for number in 1...3 {
            XCTAssertTrue(text.contains("\n  \(number). "), "plan and example number step \(number)")
        }
        // The SQL compiler's CTE comments number the source and name the later steps.
        for comment in ["\n  -- 1. the source", "\n  -- stage retention: its events"] {
            XCTAssertTrue(text.contains(comment), "the SQL comments show \(comment)")
        }
    }
}
