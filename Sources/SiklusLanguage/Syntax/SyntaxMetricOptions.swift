/// Words after the metric names of a `metric` step: `metric transitions percent`, `metric churn_rate within 90d`.
/// Kept on the `StepNode` (not in `Step.metrics`) so the many switches over steps stay as they were.
public struct MetricStepOptions: Hashable, Sendable {
    /// `percent`: where it was written (row shares of `transitions`).
    public var percent: SourceSpan?
    /// `within <duration>`: the window after each customer's first purchase (`churn_rate`).
    public var within: Spanned<DurationLiteral>?

    public init(percent: SourceSpan? = nil, within: Spanned<DurationLiteral>? = nil) {
        self.percent = percent
        self.within = within
    }

    /// True when no option is written.
    public var isEmpty: Bool { percent == nil && within == nil }

    /// ` percent`, ` within 90d`: as written after the names, with a leading space (empty without options).
    public var text: String {
        (percent == nil ? "" : " percent") + (within.map { " within \($0.value)" } ?? "")
    }
}
