import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage

/// Errors raised after parsing point at the step that caused them (the golden errors.sik shows the rest).
final class LocatedErrorTests: XCTestCase {
    /// Export errors are raised by the shell while writing: the outcome carries the `export` step's span
    /// so it can locate them.
    func testExportOutcomeCarriesTheExportStepsSpan() throws {
        let session = try XCTUnwrap(TeachingFixture.shared)
        let text = "cohort | metric customers | export \"out.csv\""
        var found: SourceSpan?
        session.run(SourceFile(name: "<test>", text: text)) { outcome in
            if case .output(.export(_, let path, let span), _) = outcome, path == "out.csv" { found = span }
            return true
        }
        let span = try XCTUnwrap(found)
        XCTAssertEqual(String(text.utf8.dropFirst(span.start).prefix(span.end - span.start))!, "export \"out.csv\"")
    }

    func testComputeTimeErrorsPointAtTheirStep() throws {
        let session = try XCTUnwrap(TeachingFixture.shared)
        let cases = [
            ("events | by month | metric stage_share", "metric stage_share"),
            ("cohort | by month | funnel visit -> purchase quantiles", "funnel visit -> purchase"),
            ("events | funnel " + Array(repeating: "visit", count: 33).joined(separator: " -> "), "funnel visit"),
            ("events | by customer, amount | metric customers", "metric customers"),
        ]
        for (text, located) in cases {
            let diagnostic = try XCTUnwrap(session.failure(text), text)
            let span = try XCTUnwrap(diagnostic.span, "\(text): \(diagnostic.message)")
            XCTAssertTrue(String(text.utf8.dropFirst(span.start).prefix(span.end - span.start))!.hasPrefix(located), text)
        }
    }
}

/// What the parser accepts the engine runs: the longest horizon and the largest limit.
final class StepLimitAgreementTests: XCTestCase {
    func testTheEngineRunsEveryCountTheParserAccepts() throws {
        let session = try XCTUnwrap(TeachingFixture.shared)
        XCTAssertNoThrow(try session.query("cohort by first_purchase period day | retention period day horizon \(StepLimits.horizon)"))
        XCTAssertNoThrow(try session.query("cohort by channel | metric customers | limit \(StepLimits.rows)"))
        XCTAssertNoThrow(try session.query("cohort by channel | metric customers | top \(StepLimits.rows)"))
        XCTAssertEqual(RetentionMatrix.maxColumns, Int(StepLimits.horizon) + 1)
    }
}
