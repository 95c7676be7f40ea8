import SiklusEngine
import XCTest
@testable import SiklusShell

/// Completion of `explain`'s forms: `explain s` offers `sql`, and after a form the sources.
final class ExplainCompletionTests: XCTestCase {
    private let source = CompletionSource(vocabulary: Session().vocabulary, knownValues: { _ in [] }, listDirectory: { _ in [] })

    private func candidates(_ line: String) -> [String] {
        Completer.complete(line: line, cursor: line.count, source: source).candidates
    }

    func testTheFormsAndSourcesAfterExplain() {
        XCTAssertEqual(candidates("explain "), ["all", "cohort", "events", "sql", "tree"])
        XCTAssertEqual(candidates("explain s"), ["sql"])
        XCTAssertEqual(candidates("EXPLAIN t"), ["tree"])
        XCTAssertEqual(candidates("explain sql "), ["cohort", "events"])
        XCTAssertEqual(candidates("explain tree c"), ["cohort"])
        XCTAssertEqual(candidates("stages; explain a"), ["all"])
    }

    /// Further on, the pipeline completes as usual.
    func testThePipelineAfterTheFormCompletesAsUsual() {
        XCTAssertEqual(candidates("explain sql cohort | metric avg_ord"), ["avg_order"])
        XCTAssertEqual(candidates("explain cohort sq"), [])
    }
}
