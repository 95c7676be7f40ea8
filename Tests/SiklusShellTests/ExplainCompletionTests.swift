import SiklusEngine
import XCTest
@testable import SiklusShell

/// Completion of `explain`'s forms: `explain s` offers `sql`, and after a form the sources.
final class ExplainCompletionTests: XCTestCase {
    private let source: CompletionSource = {
        var vocabulary = Session().vocabulary
        vocabulary.variables = ["sept", "trial"]
        return CompletionSource(vocabulary: vocabulary, knownValues: { _ in [] }, listDirectory: { _ in [] })
    }()

    private func candidates(_ line: String) -> [String] {
        Completer.complete(line: line, cursor: line.count, source: source).candidates
    }

    func testTheFormsAndSourcesAfterExplain() {
        XCTAssertEqual(candidates("explain "), ["all", "cohort", "events", "sept", "sql", "tree", "trial"])
        XCTAssertEqual(candidates("explain s"), ["sept", "sql"])
        XCTAssertEqual(candidates("EXPLAIN t"), ["tree", "trial"])
        XCTAssertEqual(candidates("explain sql "), ["cohort", "events", "sept", "trial"])
        XCTAssertEqual(candidates("explain tree c"), ["cohort"])
        XCTAssertEqual(candidates("stages; explain a"), ["all"])
    }

    /// Further on, the pipeline completes as usual.
    func testThePipelineAfterTheFormCompletesAsUsual() {
        XCTAssertEqual(candidates("explain sql cohort | metric avg_ord"), ["avg_order"])
        XCTAssertEqual(candidates("explain cohort sq"), [])
    }
}
