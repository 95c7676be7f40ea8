/// Completion of a `metric` step's options after the metric they apply to: `metric transitions ` → `percent`,
/// `metric churn_rate ` → `within`.
enum MetricOptionCompletion {
    static func context(statement: String, metric: String) -> CompletionContext {
        // A pipeline step (`help metric transitions` names a metric, with no options after it).
        guard statement.contains("|"), Completer.listContext(statement) == .metric else { return .none }
        return .words(metric == "transitions" ? ["percent"] : ["within"])
    }
}
