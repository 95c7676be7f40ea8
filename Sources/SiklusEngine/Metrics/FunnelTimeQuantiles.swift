import SiklusPlan

/// `funnel … quantiles`: beside `median_days`, the time-to-convert quartiles, 90th percentile and mean
/// of each step (days from the previous step in the counted attempt; any order: from the attempt's start).
enum FunnelTimeQuantiles {
    /// The quantiles written, with their columns' names.
    static let quantiles: [(name: String, p: Double)] = [("p25_days", 0.25), ("p75_days", 0.75), ("p90_days", 0.9)]

    /// The columns `p25_days`, `p75_days`, `p90_days`, `mean_days` for the cells in `order` (nil: step 1, or no one).
    /// - Complexity: O(k log k) per cell of k customers (one sort each).
    static func columns(_ days: [[Double]], cells: [Int?]) -> [ResultColumn] {
        var values = Array(repeating: [Double?](), count: quantiles.count + 1)
        for cell in cells {
            guard let cell, !days[cell].isEmpty else {
                for i in values.indices { values[i].append(nil) }
                continue
            }
            let sorted = days[cell].sorted()
            for (i, q) in quantiles.enumerated() { values[i].append(Statistics.quantile(sorted: sorted, q.p)) }
            values[quantiles.count].append(sorted.reduce(0, +) / Double(sorted.count))
        }
        return quantiles.indices.map { ResultColumn(name: quantiles[$0].name, unit: .days, values: .number(values[$0])) }
            + [ResultColumn(name: "mean_days", unit: .days, values: .number(values[quantiles.count]))]
    }
}

extension Statistics {
    /// The continuous quantile at `p` of ascending `sorted` values: linear interpolation between the order
    /// statistics around position (n − 1)·p, as DuckDB's `quantile_cont`, PostgreSQL's `percentile_cont`
    /// and Spark's `percentile`; nil when empty.
    static func quantile(sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let position = Double(sorted.count - 1) * p
        let lower = Int(position.rounded(.down)), upper = Int(position.rounded(.up))
        let low = sorted[lower]
        return low + (sorted[upper] - low) * (position - Double(lower))
    }
}
