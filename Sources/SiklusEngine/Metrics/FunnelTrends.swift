/// `funnel … by week` (day, month, quarter, year): conversion per period of entry, as PostHog's funnel
/// trends. A customer is counted once, in the period of their counted attempt's entry (its first step;
/// any order: its earliest step), at the steps that attempt reached (`FunnelSplitTable`).
enum FunnelTrends {
    /// `<period>`, the customer dimensions' columns, `entered`, `step_2` … `step_n` (customers reaching
    /// at least that step) and `conversion` (% of `entered` reaching the last step); one row per period
    /// that someone entered in, in time order, then per customer group.
    /// - Complexity: O(g log g) for g non-empty (period, group) pairs.
    static func table(_ plan: FunnelPlan, _ groups: FunnelSplitTable.Groups) -> ResultTable {
        let n = plan.steps.count
        let width = groups.splitLabels.count
        let keys = groups.counts.keys.sorted { ($0 % width, $0 / width) < ($1 % width, $1 / width) }
        var labelColumns = ([groups.split.name] + groups.customerKeys.dimensions.map(\.name)).map { ($0, [String]()) }
        var reached = [[Int64]](repeating: [], count: n)
        var conversion: [Double?] = []
        for key in keys {
            guard let counts = groups.counts[key] else { continue }
            let labels = [groups.splitLabels[key % width]] + groups.customerKeys.labels(key / width)
            for d in labelColumns.indices { labelColumns[d].1.append(labels[d]) }
            for s in 0..<n { reached[s].append(Int64(counts.reached[s])) }
            conversion.append(counts.reached[0] > 0 ? Double(counts.reached[n - 1]) / Double(counts.reached[0]) * 100 : nil)
        }
        let columns = labelColumns.map { ResultColumn(name: $0.0, unit: .text, values: .text($0.1)) }
            + reached.indices.map { s in ResultColumn(name: LogicalQuery.Funnel.trendCountColumn(s), unit: .count, values: .integer(reached[s])) }
            + [ResultColumn(name: "conversion", unit: .percent, values: .number(conversion))]
        return ResultTable(columns: columns, shape: .series, title: LogicalQuery.Funnel.trendsTitle(window: plan.window, order: plan.order, period: groups.split.name))
    }
}
