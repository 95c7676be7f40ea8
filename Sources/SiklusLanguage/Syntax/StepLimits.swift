/// Upper bounds of the counts written in steps, shared by the parser (which reports a count beyond
/// them at the number) and the engine (whose tables they size), so the two never disagree.
public enum StepLimits {
    /// `top N` and `limit N`: rows of a result.
    public static let rows: Int64 = Int64(Int32.max)
    /// `retention … horizon N`: periods after period 0, so a retention table has at most `horizon + 1`
    /// period columns.
    public static let horizon: Int64 = 9_999
    /// `paths … steps N`: events kept per path (so at most N - 1 transitions each).
    public static let pathSteps: Int64 = 20
    /// `paths … edges N`: transitions a paths result keeps.
    public static let pathEdges: Int64 = 10_000
}

extension StepLimits {
    /// `retention … brackets (…)`: at most this many brackets.
    public static let brackets = 100
    /// `retention … min_events N`.
    public static let minEvents: Int64 = 1_000_000
}
