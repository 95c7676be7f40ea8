import XCTest
@testable import SiklusPlan

/// PostHog's automatic bins for `funnel … | histogram`, on hand-made distributions.
final class FunnelHistogramTableTests: XCTestCase {
    func testTheBinCountIsTheCeilingCubeRootInWholeNumbers() {
        for (n, k) in [(1, 1), (2, 2), (8, 2), (9, 3), (27, 3), (28, 4), (64, 4), (125, 5), (1_000, 10), (1_000_000, 100), (216_000, 60)] {
            XCTAssertEqual(FunnelHistogramTable.ceilingCubeRoot(Int64(n)), Int64(k), "n = \(n)")
        }
    }

    func testBinsSpanMinimumToMaximumWithOneMoreBin() {
        // 8 customers: 2 bins over [100, 500]: width 200, bins [100, 300), [300, 500), [500, 700).
        let table = FunnelHistogramTable.table([(100, 3), (299, 1), (300, 2), (500, 2)], title: .stickiness(period: .day))
        XCTAssertEqual(table.columns.map(\.name), ["time_to_convert", "customers"])
        XCTAssertEqual(table.columns[1].values, .integer([4, 2, 2]))
        XCTAssertEqual(table.columns[0].values, .text(["1.7min–5min", "5min–8.3min", "8.3min–11.7min"]))
    }

    func testOneTimeGetsSixtySecondBinsAndManyCustomersAtMostSixtyOne() {
        let single = FunnelHistogramTable.table([(3_600, 5)], title: .stickiness(period: .day))
        // 5 customers: 2 bins; the range is 0, so the width is 60 s: [3600, 3660), [3660, 3720), [3720, 3780).
        XCTAssertEqual(single.columns[1].values, .integer([5, 0, 0]))
        let many = FunnelHistogramTable.table((0..<1_000).map { (Int64($0), Int64(1_000)) }, title: .stickiness(period: .day))
        XCTAssertEqual(many.rowCount, 61)
        // 1,000,000 customers: 100 bins clamped to 60, width ceil(999 / 60) = 17 s.
        var expected: [Int64] = []
        for k in 0..<61 {
            let inBin = max(0, min(1_000, (k + 1) * 17) - k * 17)
            expected.append(Int64(inBin) * 1_000)
        }
        XCTAssertEqual(many.columns[1].values, .integer(expected))
    }

    func testNoConvertersGiveTwoEmptyBins() {
        let table = FunnelHistogramTable.table([], title: .stickiness(period: .day))
        XCTAssertEqual(table.columns[1].values, .integer([0, 0]))
    }
}
