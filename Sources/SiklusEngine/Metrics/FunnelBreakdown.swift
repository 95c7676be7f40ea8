/// `funnel … by platform [attribution first|last|step N]`: one block of step rows per value of an events
/// column, read on the attributed step's row of each customer's counted attempt (`FunnelSplitTable`).
enum FunnelBreakdown {
    /// The customer dimensions' columns, the breakdown column, then the funnel's step columns; groups in
    /// the customer dimensions' order, then the breakdown's (its labels' order, `(none)` last).
    /// - Complexity: O(g log g) for g non-empty groups, plus the medians.
    static func table(_ plan: FunnelPlan, _ groups: FunnelSplitTable.Groups) -> ResultTable {
        let n = plan.steps.count
        let keys = groups.counts.keys.sorted()
        var reached: [Int] = [], days: [[Double]] = []
        var rows: [(labels: [String], index: Int)] = []
        for (i, key) in keys.enumerated() {
            guard let counts = groups.counts[key] else { continue }
            reached += counts.reached
            days += counts.days
            let width = groups.splitLabels.count
            rows.append((groups.customerKeys.labels(key / width) + [groups.splitLabels[key % width]], i))
        }
        precondition(reached.count == keys.count * n, "every group has a cell per step")
        let names = groups.customerKeys.dimensions.map(\.name) + [groups.split.name]
        return FunnelAnalysis.stepTable(plan, names: names, groups: rows, reached: reached, days: days)
    }
}
