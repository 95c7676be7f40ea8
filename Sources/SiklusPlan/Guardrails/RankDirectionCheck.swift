import SiklusLanguage

/// A note when `top N` ranks a metric for which lower is better (issue 15): `top 5` on `cpa` keeps the five
/// most expensive channels, which is rarely the question; `bottom N` keeps the lowest.
enum RankDirectionCheck {
    /// Metrics whose smaller values are the better ones.
    static let lowerIsBetter: Set<Metric> = [.cpa, .cpc, .churn_rate, .time_to_purchase, .returns]

    /// The note at `top N`'s count, or nil.
    static func note(_ query: LogicalQuery) -> Diagnostic? {
        guard case .metrics(let metrics, _) = query.analysis, let ranked = metrics.last, lowerIsBetter.contains(ranked) else { return nil }
        for step in query.post {
            guard case .top(let n, let span) = step else { continue }
            return Diagnostic("`top \(n)` keeps the \(n) rows with the largest \(ranked.rawValue); lower \(ranked.rawValue) is better, so these are the worst",
                              at: span, hints: ["`bottom \(n)` keeps the \(n) rows with the smallest \(ranked.rawValue)"], severity: .note)
        }
        return nil
    }
}
