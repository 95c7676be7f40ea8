/// Every attempt of an ordered funnel advanced one step at a time, so a customer with many step-1 rows
/// costs O(rows × steps) instead of a window scan per attempt (O(rows²) for a customer with 100,000
/// visits in one window and no purchase).
///
/// Each attempt takes, for its next step, the earliest later row matching it, and fails when that row
/// is outside the window. Attempts are in row order and their positions never cross, so for one step
/// a single pointer sweeps the rows for all of them. The arrays are scratch space reused across customers.
struct OrderedSweep {
    private var starts: [Int] = []
    private var positions: [Int] = []
    private var levels: [Int] = []
    /// Rows examined by the last `bestStart`, for tests of its cost.
    private(set) var rowsExamined = 0

    /// The start row of the best attempt (most steps, then earliest start), or nil when no row is step 1.
    /// - Complexity: O(m·n) for m rows and n steps.
    mutating func bestStart(times: [Int64], steps: [UInt32], stepCount n: Int, window: Int64) -> Int? {
        starts.removeAll(keepingCapacity: true)
        for i in times.indices where steps[i] & 1 != 0 { starts.append(i) }
        guard !starts.isEmpty else { return nil }
        positions.removeAll(keepingCapacity: true)
        positions.append(contentsOf: starts)
        levels.removeAll(keepingCapacity: true)
        levels.append(contentsOf: repeatElement(1, count: starts.count))
        rowsExamined = 0
        for step in 1..<max(1, n) {
            let bit = UInt32(1) << UInt32(step)
            // Invariant: rows from the previous live attempt's old position + 1 up to `j` do not match, and
            // `j` is that attempt's match (or the end): positions only grow, so each row is passed once.
            var j = 0
            var alive = false
            for a in starts.indices where levels[a] == step {
                j = max(j, positions[a] + 1)
                while j < times.count, steps[j] & bit == 0 { j += 1; rowsExamined += 1 }
                if j < times.count, times[j] <= times[starts[a]] + window {
                    positions[a] = j
                    levels[a] = step + 1
                    alive = true
                }
            }
            if !alive { break }
        }
        var best = 0
        for a in starts.indices where levels[a] > levels[best] { best = a }
        return starts[best]
    }
}
