import Foundation
import SiklusTestSupport
import XCTest

/// The shared golden-file comparison (`SiklusTestSupport.GoldenFile`) reports a change as a readable diff.
final class GoldenFileTests: XCTestCase {
    func testEqualTextsHaveNoDifference() {
        XCTAssertNil(GoldenFile.difference(expected: "a\nb\n", actual: "a\nb\n", name: "x.txt"))
    }

    func testAChangedLineIsShownWithContext() throws {
        let expected = "one\ntwo\nthree\nfour\nfive\nsix\n", actual = "one\ntwo\nthree\nFOUR\nfive\nsix\n"
        let diff = try XCTUnwrap(GoldenFile.difference(expected: expected, actual: actual, name: "x.txt"))
        XCTAssertEqual(diff, """
            x.txt differs from line 4 (- expected, + actual):
              two
              three
            - four
            + FOUR
              five
              six
            (re-record with SIKLUS_RECORD=1 if the change is intended, then review git diff)
            """)
    }

    func testAddedTrailingTextAndInvisibleCharactersShow() throws {
        let diff = try XCTUnwrap(GoldenFile.difference(expected: "a\n", actual: "a\t\nb\n", name: "y.txt"))
        XCTAssertTrue(diff.contains("- a\n+ a\\t\n+ b\n"), diff)
    }
}
