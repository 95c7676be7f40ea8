import Foundation

/// `funnel … | histogram`: how long converting customers took from the first step to the last, in
/// PostHog's automatic bins. Both backends hand it the distribution (each conversion time in seconds with
/// its number of customers) and it bins it, so memory and SQL give the same table.
///
/// As PostHog's time-to-convert runner: the range is [floor(min), ceil(max)] of the times, the bin count
/// clamp(ceil(cbrt(n)), 1, 60) for n converters, the width ceil(range / bins) seconds (60 when that is
/// 0), and bins 0…count (one more than the count, so the maximum has a bin). An empty distribution gives
/// the range [0, 1].
public enum FunnelHistogramTable {
    /// The most bins of the automatic count.
    public static let maximumBins: Int64 = 60

    /// The table: `time_to_convert` (the bin, `2h–4.5h`), `customers`.
    /// - Complexity: O(d + b) for d distinct times and b ≤ 61 bins.
    public static func table(_ distribution: [(seconds: Int64, customers: Int64)], title: ResultTitle) -> ResultTable {
        let n = distribution.reduce(0) { $0 + $1.customers }
        let from = distribution.map(\.seconds).min() ?? 0, to = distribution.map(\.seconds).max() ?? 1
        let bins = min(maximumBins, max(1, ceilingCubeRoot(n)))
        let raw = (to - from + bins - 1) / bins
        let width = raw > 0 ? raw : 60
        var counts = [Int64](repeating: 0, count: Int(bins) + 1)
        for (seconds, customers) in distribution {
            counts[min(Int(bins), Int((seconds - from) / width))] += customers
        }
        let labels = counts.indices.map { k in short(from + Int64(k) * width) + "–" + short(from + Int64(k + 1) * width) }
        return ResultTable(columns: [
            ResultColumn(name: "time_to_convert", unit: .text, values: .text(labels)),
            ResultColumn(name: "customers", unit: .count, values: .integer(counts)),
        ], shape: .table, title: title)
    }

    /// The smallest k with k³ ≥ n, in integers (a floating cube root can land just above a whole number).
    static func ceilingCubeRoot(_ n: Int64) -> Int64 {
        guard n > 0 else { return 0 }
        var k = Int64(Foundation.cbrt(Double(n)).rounded(.up))
        while k > 1, (k - 1) * (k - 1) * (k - 1) >= n { k -= 1 }
        while k * k * k < n { k += 1 }
        return k
    }

    /// `45s`, `12.5min`, `3h`, `2.1d`: one decimal at most.
    static func short(_ seconds: Int64) -> String {
        func trimmed(_ x: Double) -> String {
            let text = String(format: "%.1f", x)
            return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        }
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3_600 { return trimmed(Double(seconds) / 60) + "min" }
        if seconds < 86_400 { return trimmed(Double(seconds) / 3_600) + "h" }
        return trimmed(Double(seconds) / 86_400) + "d"
    }

    /// The title: `time to convert from visit to purchase (funnel within 7d, ordered)`.
    public static func title(_ funnel: LogicalQuery.Funnel) -> ResultTitle {
        .conversionTimes(from: funnel.steps[0].label, to: funnel.steps[funnel.steps.count - 1].label, window: funnel.window, order: funnel.order)
    }
}
