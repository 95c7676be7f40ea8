import SiklusEngine
import XCTest
@testable import SiklusShell

/// Completion of a funnel's `by` and `attribution` options (issue 13 §3).
final class FunnelSplitCompletionTests: XCTestCase {
    private let source: CompletionSource = {
        var vocabulary = Session().vocabulary
        vocabulary.columns = ["channel", "country", "week", "month"]
        return CompletionSource(vocabulary: vocabulary, knownValues: { $0 == "event" ? ["purchase", "visit"] : [] },
                                listDirectory: { _ in [] })
    }()

    private func candidates(_ line: String) -> [String] {
        Completer.complete(line: line, cursor: line.count, source: source).candidates
    }

    func testByAndAttributionAreFunnelOptions() {
        XCTAssertEqual(candidates("cohort | funnel visit -> purchase within 7d b"), ["between", "by"])
        XCTAssertEqual(candidates("cohort | funnel visit -> purchase a"), ["any", "attribution"])
        XCTAssertEqual(candidates("cohort | funnel visit -> purchase by channel a"), ["any", "attribution"])
    }

    func testWordsAfterByAndAttribution() {
        XCTAssertEqual(candidates("cohort | funnel visit -> purchase by w"), ["week"])
        XCTAssertEqual(candidates("cohort | funnel visit -> purchase by channel attribution "), ["first", "last", "step"])
        XCTAssertEqual(candidates("cohort | funnel visit -> purchase by channel attribution l"), ["last"])
        XCTAssertEqual(candidates("cohort | funnel visit -> purchase by channel attribution s"), ["step"])
        XCTAssertEqual(candidates("cohort | funnel visit -> purchase by channel attribution step "), [], "a step number comes")
        XCTAssertEqual(candidates("cohort | funnel visit -> step "), ["any", "attribution", "between", "by", "exclude", "order", "ordered",
                                                                     "quantiles", "strict", "where", "within"],
                       "an event called step is a step name, not attribution's word")
    }
}
