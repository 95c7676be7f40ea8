import XCTest
@testable import SiklusLanguage

final class SuggestionTests: XCTestCase {
    func testEditDistance() {
        XCTAssertEqual(EditDistance.between("", ""), 0)
        XCTAssertEqual(EditDistance.between("", "abc"), 3)
        XCTAssertEqual(EditDistance.between("abc", ""), 3)
        XCTAssertEqual(EditDistance.between("cohort", "cohort"), 0)
        XCTAssertEqual(EditDistance.between("cohort", "COHORT"), 0)
        XCTAssertEqual(EditDistance.between("cohrot", "cohort"), 1, "an adjacent swap costs one")
        XCTAssertEqual(EditDistance.between("metrc", "metric"), 1)
        XCTAssertEqual(EditDistance.between("kitten", "sitting"), 3)
        XCTAssertEqual(EditDistance.between("ca", "abc"), 3, "optimal string alignment does not edit a swapped pair again")
        XCTAssertEqual(EditDistance.between("retensi", "retention"), 3)
        XCTAssertEqual(EditDistance.between("café", "cafe"), 1, "compares characters, not bytes")
    }

    func testThreshold() {
        XCTAssertEqual(EditDistance.threshold(for: "ab"), 1)
        XCTAssertEqual(EditDistance.threshold(for: "metric"), 2)
        XCTAssertEqual(EditDistance.threshold(for: "avg_ordr"), 2)
        XCTAssertEqual(EditDistance.threshold(for: "abcdefghi"), 3)
    }

    func testSuggestionsNearestFirst() {
        let metrics = ["avg_order", "avg_orders", "repeat_rate", "orders", "customers"]
        XCTAssertEqual(suggestions(for: "avg_ordr", among: metrics), ["avg_order", "avg_orders"])
        XCTAssertEqual(suggestions(for: "avg_orderss", among: metrics), ["avg_orders", "avg_order"])
        XCTAssertEqual(suggestions(for: "xyz", among: Keywords.statements), [])
        XCTAssertEqual(suggestions(for: "SET", among: Keywords.statements), ["set", "let"])
        XCTAssertEqual(suggestions(for: "stag", among: Keywords.statements), ["stage"], "stages is 2 edits away, over the threshold of 1")
        XCTAssertEqual(suggestions(for: "a", among: ["a", "a", "b"]), ["a", "b"], "duplicates removed, ties keep order")
    }

    func testDidYouMeanHintFormatting() {
        XCTAssertNil(Diagnostic.didYouMeanHint(for: "zzz", among: ["cohort"]))
        XCTAssertEqual(Diagnostic.didYouMeanHint(for: "cohrt", among: ["cohort"]), "did you mean `cohort`?")
        XCTAssertEqual(Diagnostic.didYouMeanHint(for: "ab", among: ["a", "b", "abc"]), "did you mean `a`, `b` or `abc`?")
        XCTAssertEqual(Diagnostic.didYouMeanHint(for: "ab", among: ["a", "b", "abc", "abd"]), "did you mean `a`, `b` or `abc`?")
    }

    func testUnknownDiagnosticForTheEngine() {
        let source = SourceFile(name: "q.sik", text: "cohort signup=2022-09 | metric avg_ordr")
        let span = SourceSpan(start: 31, end: 39)
        let diagnostic = Diagnostic.unknown("metric", "avg_ordr", at: span, among: ["avg_order", "repeat_rate"])
        XCTAssertEqual(diagnostic.render(in: source), """
        q.sik:1:32: error: unknown metric `avg_ordr`
          cohort signup=2022-09 | metric avg_ordr
                                         ^~~~~~~~
          help: did you mean `avg_order`?
        """)
        let fallback = Diagnostic.unknown("metric", "zzz", at: span, among: ["avg_order"], fallbackHint: "see `help metric`")
        XCTAssertEqual(fallback.hints, ["see `help metric`"])
        let suggested = Diagnostic("no such column `chanel`", at: span).suggesting("chanel", among: ["channel", "country"])
        XCTAssertEqual(suggested.hints, ["did you mean `channel`?"])
    }
}
