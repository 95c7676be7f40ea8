import SiklusEngine
import XCTest
@testable import SiklusShell

/// Completion of the `paths` step's options and events, and of behavioural cohort filters.
final class PathsCompletionTests: XCTestCase {
    private let source: CompletionSource = {
        var vocabulary = Session().vocabulary
        vocabulary.columns = ["channel", "country"]
        return CompletionSource(vocabulary: vocabulary, knownValues: { $0 == "event" ? ["purchase", "visit", "page_view"] : [] },
                                listDirectory: { _ in [] })
    }()

    private func candidates(_ line: String) -> [String] {
        Completer.complete(line: line, cursor: line.count, source: source).candidates
    }

    func testPathsIsAStep() {
        XCTAssertEqual(candidates("events | pa"), ["paths"])
    }

    func testPathsOptionsAndTheirEvents() {
        XCTAssertEqual(candidates("events | paths "), ["edges", "from", "session", "steps", "to"])
        XCTAssertEqual(candidates("events | paths from "), ["page_view", "purchase", "visit"])
        XCTAssertEqual(candidates("events | paths from visit t"), ["to"])
        XCTAssertEqual(candidates("events | paths from visit to p"), ["page_view", "purchase"])
        XCTAssertEqual(candidates("events | paths steps "), [])
        XCTAssertEqual(candidates("events | paths steps 4 s"), ["session"], "an option given once is not offered again")
    }

    func testBehaviouralCohortWords() {
        XCTAssertEqual(candidates("cohort d"), ["did"])
        XCTAssertEqual(candidates("cohort country = ID and d"), ["did"])
        XCTAssertEqual(candidates("cohort did "), ["not", "page_view", "purchase", "visit"])
        XCTAssertEqual(candidates("cohort did not p"), ["page_view", "purchase"])
        XCTAssertEqual(candidates("cohort did purchase w"), ["within"])
        XCTAssertEqual(candidates("cohort did purchase >= 2 t"), ["times"])
        XCTAssertEqual(candidates("cohort did purchase >= 2 times w"), ["within"])
        XCTAssertEqual(candidates("cohort did purchase within 30d o"), ["of"])
        XCTAssertEqual(candidates("cohort did purchase within 30d of s"), ["signup"])
    }
}
