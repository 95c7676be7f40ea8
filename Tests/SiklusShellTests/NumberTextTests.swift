import XCTest
import SiklusCharts
@testable import SiklusShell

final class NumberTextTests: XCTestCase {
    func testPlainIsShortestRoundTripWithoutExponentForOrdinaryMagnitudes() {
        XCTAssertEqual(NumberText.plain(3), "3")
        XCTAssertEqual(NumberText.plain(-0.0), "0")
        XCTAssertEqual(NumberText.plain(0.1), "0.1")
        XCTAssertEqual(NumberText.plain(52.123456789), "52.123456789")
        XCTAssertEqual(NumberText.plain(1e-5), "0.00001")
        XCTAssertEqual(NumberText.plain(-1.25e-7), "-0.000000125")
        XCTAssertEqual(NumberText.plain(1.5e17), "150000000000000000")
        XCTAssertEqual(NumberText.plain(123456789012345.6), "123456789012345.6")
        XCTAssertEqual(NumberText.plain(1e300), "1e+300")
        XCTAssertEqual(NumberText.plain(.leastNonzeroMagnitude), "5e-324")
        XCTAssertEqual(NumberText.plain(.nan), "nan")
        XCTAssertEqual(NumberText.plain(-.infinity), "-inf")
        for value in [0.1, 1e-5, 1.5e17, 2.0 / 3.0, 123456789.125, 1e-9, 9.87654321e20] {
            XCTAssertEqual(Double(NumberText.plain(value)), value, "round trip of \(value)")
        }
    }

    func testGroupedAndFixed() {
        XCTAssertEqual(NumberText.grouped(0), "0")
        XCTAssertEqual(NumberText.grouped(999), "999")
        XCTAssertEqual(NumberText.grouped(1000), "1,000")
        XCTAssertEqual(NumberText.grouped(-1_234_567), "-1,234,567")
        XCTAssertEqual(NumberText.fixed(1234.5, decimals: 2), "1,234.50")
        XCTAssertEqual(NumberText.fixed(42.25, decimals: 1), "42.3")
        XCTAssertEqual(NumberText.fixed(-0.001, decimals: 2), "0.00")
        XCTAssertEqual(NumberText.fixed(-1234.567, decimals: 2), "-1,234.57")
        XCTAssertEqual(NumberText.fixed(7, decimals: 0), "7")
        XCTAssertEqual(NumberText.fixed(2e15, decimals: 2), "2000000000000000")
    }

    func testElapsedText() {
        XCTAssertEqual(ElapsedText.describe(0.00042), "0.42 ms")
        XCTAssertEqual(ElapsedText.describe(0.0031), "3.1 ms")
        XCTAssertEqual(ElapsedText.describe(1.2345), "1.23 s")
    }

    func testDisplayWidth() {
        XCTAssertEqual(DisplayWidth.of("abc"), 3)
        XCTAssertEqual(DisplayWidth.of("東京"), 4)
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
        XCTAssertEqual(DisplayWidth.truncate("abcdef", to: 4), "abc…")
        XCTAssertEqual(DisplayWidth.truncate("abc", to: 3), "abc")
        XCTAssertEqual(DisplayWidth.truncate("東京都", to: 4), "東…")
    }
}
