import SiklusLanguage

/// The best attempt of a funnel with exclusions (`exclude cancel between 2 and 3`).
///
/// An attempt is spoilt when a row matching an exclusion lies after the row of its step `from` and before
/// the row of its step `to` (both reached; `any order`: between the two rows whichever came first). A
/// spoilt attempt counts nowhere, not even at the steps before the exclusion (as PostHog drops the
/// attempt); the customer counts at the furthest unspoilt attempt (then the earliest start).
///
/// Ordered and strict attempts advance together, as in `OrderedSweep`, keeping every attempt's row per
/// step so the check is two lookups in per-exclusion prefix counts. Scratch arrays are reused across customers.
struct FunnelExclusionAttempts {
    let stepCount: Int
    /// Bit of each exclusion in the row masks (`StepMasks`: n + k) and its 0-based steps.
    let exclusions: [(bit: UInt32, from: Int, to: Int)]
    private var starts: [Int] = []
    private var levels: [Int] = []
    /// Row of step s of attempt a at `a * stepCount + s`.
    private var positions: [Int] = []
    /// Rows before i that match exclusion k, at `k * (m + 1) + i`.
    private var prefix: [Int32] = []
    /// Rows the last ordered or strict `furthest` passed while advancing attempts, for tests of its cost.
    private(set) var rowsExamined = 0

    init(_ plan: FunnelPlan) {
        stepCount = plan.steps.count
        exclusions = plan.exclusions.enumerated().map { (UInt32(1) << UInt32(plan.steps.count + $0.offset), $0.element.from, $0.element.to) }
    }

    /// Fills `best` with the furthest unspoilt attempt over a customer's rows (ascending time).
    /// - Complexity: ordered and strict O(m·(n + k)) for m rows, n steps and k exclusions; any order O(m·w + m·k), w the rows in one window.
    mutating func furthest(times: [Int64], steps: [UInt32], window: Int64, order: FunnelOrder, best: inout FunnelAnalysis.Reach) {
        best.level = 0
        let m = times.count, n = stepCount
        if best.rows.count < n { best.rows = Array(repeating: 0, count: n) }
        prefix.removeAll(keepingCapacity: true)
        for exclusion in exclusions {
            var count: Int32 = 0
            prefix.append(0)
            for i in 0..<m {
                if steps[i] & exclusion.bit != 0 { count += 1 }
                prefix.append(count)
            }
        }
        if order == .anyOrder {
            anyOrder(times: times, steps: steps, window: window, best: &best)
            return
        }
        starts.removeAll(keepingCapacity: true)
        for i in 0..<m where steps[i] & 1 != 0 { starts.append(i) }
        guard !starts.isEmpty else { return }
        levels.removeAll(keepingCapacity: true)
        levels.append(contentsOf: repeatElement(1, count: starts.count))
        rowsExamined = 0
        positions.removeAll(keepingCapacity: true)
        positions.append(contentsOf: repeatElement(-1, count: starts.count * n))
        for a in starts.indices { positions[a * n] = starts[a] }
        for step in 1..<max(1, n) {
            let bit = UInt32(1) << UInt32(step)
            var j = 0
            var alive = false
            for a in starts.indices where levels[a] == step {
                let previous = positions[a * n + step - 1]
                if order == .strict {
                    j = previous + 1
                    guard j < m, steps[j] & bit != 0 else { continue }
                } else {
                    // Attempts' rows never cross, so one pointer passes each row once per step.
                    j = max(j, previous + 1)
                    while j < m, steps[j] & bit == 0 { j += 1; rowsExamined += 1 }
                }
                if j < m, times[j] <= times[starts[a]] + window {
                    positions[a * n + step] = j
                    levels[a] = step + 1
                    alive = true
                }
            }
            if !alive { break }
        }
        for a in starts.indices where levels[a] > best.level && !isSpoilt(positions[(a * n)..<(a * n + n)], level: levels[a], rows: m) {
            best.level = levels[a]
            for s in 0..<levels[a] { best.times[s] = times[positions[a * n + s]]; best.rows[s] = positions[a * n + s] }
            if best.level == n { return }
        }
    }

    /// `any order`: from each row that is some step, the first row of each step within the window.
    private mutating func anyOrder(times: [Int64], steps: [UInt32], window: Int64, best: inout FunnelAnalysis.Reach) {
        let m = times.count, n = stepCount
        let all = UInt32(truncatingIfNeeded: (UInt64(1) << UInt64(n)) - 1) & steps.reduce(0, |)
        let reachable = min(n, (~all).trailingZeroBitCount)
        positions.removeAll(keepingCapacity: true)
        positions.append(contentsOf: repeatElement(-1, count: n))
        for i in 0..<m where steps[i] & all != 0 {
            var found: UInt32 = 0
            var j = i
            while j < m, times[j] <= times[i] + window, found != all {
                // One event is one step, as in `FunnelAnalysis.furthest`.
                let open = steps[j] & all & ~found
                if open != 0 {
                    let s = open.trailingZeroBitCount
                    positions[s] = j
                    found |= 1 << UInt32(s)
                }
                j += 1
            }
            let level = min(n, (~found).trailingZeroBitCount)
            if level > best.level, !isSpoilt(positions[0..<n], level: level, rows: m) {
                best.level = level
                for s in 0..<level { best.times[s] = times[positions[s]]; best.rows[s] = positions[s] }
            }
            if best.level >= reachable { return }
        }
    }

    /// Whether an exclusion's row lies strictly between the rows of its two steps (both reached).
    private func isSpoilt(_ rows: ArraySlice<Int>, level: Int, rows m: Int) -> Bool {
        let base = rows.startIndex
        for (k, exclusion) in exclusions.enumerated() where exclusion.to < level {
            let a = rows[base + exclusion.from], b = rows[base + exclusion.to]
            let (low, high) = (min(a, b), max(a, b))
            guard high > low + 1 else { continue }
            let offset = k * (m + 1)
            if prefix[offset + high] - prefix[offset + low + 1] > 0 { return true }
        }
        return false
    }
}
