import Foundation
import XCTest
@testable import SiklusEngine
import SiklusTestSupport

/// `time_to_purchase` and funnel `median_days` take medians over up to millions of values; with many
/// equal values a two-way quickselect made them quadratic (200k equal values: 11.5 s).
final class MedianCostTests: XCTestCase {
    private func bound(_ n: Int) -> Int { 4 * n * max(1, Int(log2(Double(n)).rounded(.up))) }

    func testEqualValuesCostOnePass() {
        let n = 200_000
        var comparisons = 0
        XCTAssertEqual(Statistics.median(Array(repeating: 3.0, count: n), comparisons: &comparisons), 3.0)
        XCTAssertLessThanOrEqual(comparisons, bound(n), "comparisons for \(n) equal values")
        XCTAssertLessThanOrEqual(comparisons, 3 * n, "equal values are settled in one three-way pass")
    }

    func testFewDistinctValuesStayWithinNLogN() {
        let n = 200_000
        for distinct in [2, 3, 10] {
            var comparisons = 0
            let values = (0..<n).map { Double($0 % distinct) }
            XCTAssertEqual(Statistics.median(values, comparisons: &comparisons), naiveMedian(values))
            XCTAssertLessThanOrEqual(comparisons, bound(n), "\(distinct) distinct values")
        }
    }

    func testSortedAndReversedInputsStayWithinNLogN() {
        let n = 100_000
        for values in [(0..<n).map(Double.init), (0..<n).reversed().map(Double.init)] {
            var comparisons = 0
            XCTAssertEqual(Statistics.median(values, comparisons: &comparisons), naiveMedian(values))
            XCTAssertLessThanOrEqual(comparisons, bound(n))
        }
    }

    func testMedianMatchesASortOnRandomInputs() {
        var random = SplitMix64(seed: 10)
        for _ in 0..<300 {
            let count = Int(random.next() % 40) + 1
            let values = (0..<count).map { _ in Double(random.next() % 7) - 3 }
            XCTAssertEqual(Statistics.median(values), naiveMedian(values), "\(values)")
        }
        XCTAssertNil(Statistics.median([]))
    }

    private func naiveMedian(_ values: [Double]) -> Double {
        let s = values.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
