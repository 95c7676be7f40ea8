import SiklusLanguage

extension LogicalQuery.Funnel {
    /// How a funnel uses its one event-level dimension (the last of the query's dimensions).
    ///
    /// Each customer is counted once, in the group of one row of their counted attempt: the entry row
    /// for trends (`by week`: the period of the attempt's first step), the attributed step's row for a
    /// breakdown (`by platform [attribution first|last|step N]`).
    public enum Split: Hashable, Sendable {
        /// `by day|week|month|quarter|year`: one row per entry period with `entered`, `step_2` … and `conversion`.
        case trends
        /// `by <events column>`: one block of step rows per value, read on the attributed step's row.
        case breakdown(FunnelAttribution)

        /// The attribution that picks the row whose value groups the customer (trends: the entry row).
        public var attribution: FunnelAttribution {
            switch self {
            case .trends: .first
            case .breakdown(let attribution): attribution
            }
        }
    }
}

extension LogicalQuery.Funnel {
    /// A trends table's count columns: `entered` for step 1 (0-based `s`), else `step_<s + 1>`.
    public static func trendCountColumn(_ s: Int) -> String { s == 0 ? "entered" : "step_\(s + 1)" }

    /// `funnel trends by entry week, within 7d, ordered`.
    public static func trendsTitle(window: Int64, order: FunnelOrder, period: String) -> ResultTitle {
        .funnelTrends(period: period, window: window, order: order)
    }
}

extension LogicalPlanPrinter {
    /// `trends by the period of entry` or `breakdown attributed to step 2's event`.
    public static func funnelSplit(_ split: LogicalQuery.Funnel.Split) -> String {
        switch split {
        case .trends: "trends: each customer counted in the period of their counted attempt's entry"
        case .breakdown(.first): "breakdown: each customer's value on their first step's event"
        case .breakdown(.last): "breakdown: each customer's value on the event of their furthest step"
        case .breakdown(.step(let n)): "breakdown: each customer's value on step \(n)'s event ((none) when not reached)"
        }
    }
}
