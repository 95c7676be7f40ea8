import SiklusLanguage

/// What a `metric` step's options ask (`metric transitions percent`, `metric churn_rate within 90d`), bound.
public struct LogicalMetricOptions: Hashable, Sendable {
    /// `transitions percent`: each row's shares of its moves, with the `entered` row.
    public var transitionsPercent = false
    /// `churn_rate within <window>`: the window in seconds after each customer's first purchase, and as written.
    public var churnWindow: Int64?
    public var churnWindowText: String?

    public init() {}

    /// True when the step has no option.
    public var isEmpty: Bool { !transitionsPercent && churnWindow == nil }

    /// What the options change in the formulas, one line each (for `explain`; quoted in docs/LANGUAGE.md).
    public var formulas: [String] {
        var lines: [String] = []
        if transitionsPercent { lines.append(Self.transitionsPercentFormula) }
        if let churnWindowText { lines.append("churn_rate within \(churnWindowText) = " + Self.churnWithinFormula) }
        return lines
    }

    /// `transitions percent`, in words.
    public static let transitionsPercentFormula = "transitions percent = each row's counts / the row's total, as % (empty for a row without moves); first row `entered`: each customer's stage at the end of the first period in which they have one"
    /// `churn_rate within <window>`, in words.
    public static let churnWithinFormula = "customers churned at first purchase + window / customers whose first purchase + window is at or before as_of, as %; churned as in churn_rate, judged at that moment (later events do not count), so cohorts of different age are compared over the same span"

    /// One line for the logical plan: `transitions as row shares with an entered row`, `churn_rate within 90d of first purchase`.
    public var planText: String {
        var parts: [String] = []
        if transitionsPercent { parts.append("transitions as row shares, with an entered row") }
        if let churnWindowText { parts.append("churn_rate within \(churnWindowText) of each buyer's first purchase") }
        return parts.joined(separator: "; ")
    }
}
