import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage
import SiklusTestSupport

/// Ordered funnels advance every attempt together: a customer with many step-1 rows in one window costs
/// O(rows × steps), not a window scan per attempt.
final class FunnelCostTests: XCTestCase {
    func testManyStartsWithoutAnEndCostRowsTimesSteps() {
        let m = 100_000, n = 3
        let times = (0..<m).map { Int64($0) }  // all within one window
        let steps = [UInt32](repeating: 1, count: m)  // every row is step 1; steps 2 and 3 never occur
        var sweep = OrderedSweep()
        XCTAssertEqual(sweep.bestStart(times: times, steps: steps, stepCount: n, window: 30 * 86_400), 0)
        XCTAssertLessThanOrEqual(sweep.rowsExamined, m * (n - 1))
        // Through `furthest`: attempts one by one until the scan budget runs out, then the sweep.
        var best = FunnelAnalysis.Reach(level: 0, times: Array(repeating: 0, count: n))
        var attempt = best.times
        FunnelAnalysis.furthest(times: times, steps: steps, stepCount: n, window: 30 * 86_400, order: .ordered, best: &best, attempt: &attempt)
        XCTAssertEqual(best.level, 1)
        XCTAssertEqual(best.times[0], 0)
    }

    /// With exclusions too, every ordered attempt advances in one sweep: 100,000 step-1 rows interleaved
    /// with excluded rows and no step 2 cost O(rows × steps), not a scan per attempt.
    func testExclusionsKeepTheSweepLinear() {
        let m = 100_000, n = 3
        let times = (0..<m).map { Int64($0) }
        // Bit 3 (n + 0) is the exclusion: every tenth row.
        let steps = (0..<m).map { $0 % 10 == 9 ? UInt32(1) << 3 : 1 }
        var plan = FunnelPlan(steps: [("a", .event(0)), ("b", .event(1)), ("c", .event(2))], window: 30 * 86_400, order: .ordered, span: nil)
        plan.exclusions = [(.event(3), "x", 0, 2)]
        var attempts = FunnelExclusionAttempts(plan)
        var best = FunnelAnalysis.Reach(level: 0, times: Array(repeating: 0, count: n))
        attempts.furthest(times: times, steps: steps, window: plan.window, order: .ordered, best: &best)
        XCTAssertEqual(best.level, 1)
        XCTAssertLessThanOrEqual(attempts.rowsExamined, m * (n - 1))
    }

    /// The sweep finds the attempt a per-start scan finds, on random rows.
    func testSweepAgreesWithAPerStartScan() {
        var random = SplitMix64(seed: 5)
        var attempt = [Int64](repeating: 0, count: 4)
        for _ in 0..<2_000 {
            let (times, steps, n, window) = randomCustomer(&random, maxRows: 25)
            var best = FunnelAnalysis.Reach(level: 0, times: Array(repeating: 0, count: n))
            FunnelAnalysis.furthest(times: times, steps: steps, stepCount: n, window: window, order: .ordered, best: &best, attempt: &attempt)
            let expected = naive(times, steps, n, window)
            XCTAssertEqual(best.level, expected.level, "\(times) \(steps) n=\(n) w=\(window)")
            XCTAssertEqual(Array(best.times.prefix(best.level)), expected.times, "\(times) \(steps) n=\(n) w=\(window)")
            // The sweep alone (used past the scan budget) picks the same attempt.
            var sweep = OrderedSweep()
            if let start = sweep.bestStart(times: times, steps: steps, stepCount: n, window: window) {
                XCTAssertEqual(start, expected.start, "\(times) \(steps) n=\(n) w=\(window)")
            } else {
                XCTAssertEqual(expected.level, 0)
            }
        }
    }

    /// `any order` stops scanning once no further step can be found; results stay those of a full scan.
    func testAnyOrderEarlyStopsKeepTheResult() {
        var random = SplitMix64(seed: 6)
        var attempt = [Int64](repeating: 0, count: 4)
        for _ in 0..<2_000 {
            let (times, steps, n, window) = randomCustomer(&random, maxRows: 20)
            var best = FunnelAnalysis.Reach(level: 0, times: Array(repeating: 0, count: n))
            FunnelAnalysis.furthest(times: times, steps: steps, stepCount: n, window: window, order: .anyOrder, best: &best, attempt: &attempt)
            // A full scan of every window.
            var expected = (level: 0, times: [Int64]())
            let all = UInt32((1 << n) - 1)
            for i in times.indices where steps[i] & all != 0 {
                var found: UInt32 = 0, at = [Int64](repeating: 0, count: n)
                for j in i..<times.count where times[j] <= times[i] + window {
                    let open = steps[j] & all & ~found
                    if open != 0 { at[open.trailingZeroBitCount] = times[j]; found |= 1 << UInt32(open.trailingZeroBitCount) }
                }
                let level = min(n, (~found).trailingZeroBitCount)
                if level > expected.level { expected = (level, Array(at.prefix(level))) }
            }
            XCTAssertEqual(best.level, expected.level, "\(times) \(steps) n=\(n) w=\(window)")
            XCTAssertEqual(Array(best.times.prefix(best.level)), expected.times, "\(times) \(steps) n=\(n) w=\(window)")
        }
    }

    private func naive(_ times: [Int64], _ steps: [UInt32], _ n: Int, _ window: Int64) -> (level: Int, times: [Int64], start: Int) {
        var best: (level: Int, times: [Int64], start: Int) = (0, [], -1)
        for i in times.indices where steps[i] & 1 != 0 {
            var chain = [times[i]], position = i
            for step in 1..<max(1, n) {
                guard let next = ((position + 1)..<max(position + 1, times.count)).first(where: {
                    steps[$0] & (1 << UInt32(step)) != 0
                }), times[next] <= times[i] + window else { break }
                chain.append(times[next]); position = next
            }
            if chain.count > best.level { best = (chain.count, chain, i) }
        }
        return best
    }

    /// One customer's rows for a funnel of 1…4 steps: up to `maxRows` non-decreasing times a few seconds
    /// apart, each row matching a random set of the steps, and a window of 0…11 seconds.
    private func randomCustomer(_ random: inout SplitMix64, maxRows: Int) -> (times: [Int64], steps: [UInt32], n: Int, window: Int64) {
        let m = Int(random.next() % UInt64(maxRows)) + 1, n = Int(random.next() % 4) + 1
        var t: Int64 = 0
        let times = (0..<m).map { _ in t += Int64(random.next() % 5); return t }
        let steps = (0..<m).map { _ in UInt32(random.next() % 16) & ((1 << UInt32(n)) - 1) }
        return (times, steps, n, Int64(random.next() % 12))
    }
}
