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
            let arguments: KeyValuePairs<String, String> = ["n": String(n), "metric": ranked.rawValue]
            return Diagnostic(MessageCatalog.text("guard.top_lower_better", arguments),
                              at: span, hints: [MessageCatalog.text("guard.top_lower_better_hint", arguments)], severity: .note)
        }
        return nil
    }
}
