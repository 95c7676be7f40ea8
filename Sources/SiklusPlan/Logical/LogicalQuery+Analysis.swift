import SiklusLanguage
import SiklusTime

/// The analyses a `LogicalQuery` can end in, with every option defaulted.
extension LogicalQuery {
    /// `retention [period …] [percent] [on …] [unbounded] [horizon N]`, with defaults applied.
    public struct Retention: Hashable, Sendable {
        /// What counts as activity.
        public enum Activity: Hashable, Sendable {
            /// Purchases (the default).
            case purchase
            /// Any event.
            case anyEvent
            /// One named event.
            case event(String)
            /// The events of a lifecycle stage (as `by stage` classifies rows).
            case stage(Stage)
        }
        /// The column width: `period`, else the cohort's period, else the session's.
        public var period: PeriodUnit
        /// Shares of the cohort's customers who had reached the period by as_of, instead of counts.
        public var percent: Bool
        public var activity: Activity
        /// Active in a period *or any later one*.
        public var unbounded: Bool
        /// How many periods to show (nil: as many as the data has).
        public var horizon: Int?
        /// Period 0 is the first purchase's (cohort by first_purchase), else the signup's.
        public var anchorsOnFirstPurchase: Bool
        /// The step.
        public var span: SourceSpan?
        /// The kind options (`start`, `recurring`, `rolling`, `brackets`, `min_events`, `value`, `| detail`).
        public var kind = Kind()

        /// A retention analysis.
        public init(period: PeriodUnit, percent: Bool, activity: Activity, unbounded: Bool, horizon: Int?, anchorsOnFirstPurchase: Bool,
                    span: SourceSpan?) {
            self.period = period
            self.percent = percent
            self.activity = activity
            self.unbounded = unbounded
            self.horizon = horizon
            self.anchorsOnFirstPurchase = anchorsOnFirstPurchase
            self.span = span
        }

        /// `purchase`, `any event` or the event's name, as explain writes it.
        public var activityName: String { activity.name }
    }

    /// `funnel a -> b -> c [within …] [ordered | strict | any order]`, with defaults applied.
    public struct Funnel: Hashable, Sendable {
        /// Windows are capped at 1000 years: longer means "no limit" and would overflow time arithmetic.
        public static let longestWindow: Int64 = 1000 * 365 * CivilTime.secondsPerDay
        /// The window when none is written: 30 days.
        public static let defaultWindow: Int64 = 30 * CivilTime.secondsPerDay

        /// What a step matches.
        public enum Match: Hashable, Sendable {
            /// The lifecycle stage (`stage purchase`: each customer's first purchase).
            case stage(Stage)
            /// Every event with this name.
            case event(String)
        }

        /// One step: its label in the result (`purchase`, `stage awareness`) and what it matches.
        public struct Step: Hashable, Sendable {
            public var label: String
            public var match: Match
            /// More matches (`(home, product_view)`): a row matching any of them fills the step.
            public var alternatives: [Match] = []
            /// `where …` after the step: only event rows for which it holds fill it (event attributes only).
            public var filter: RowFilter? = nil

            /// A step labelled `label`.
            public init(label: String, match: Match) {
                self.label = label
                self.match = match
            }
        }

        public var steps: [Step]
        /// Seconds allowed from the first step to the last.
        public var window: Int64
        public var order: FunnelOrder
        /// `exclude <event> [between N and M]`: attempts with such an event between those steps do not count.
        public var exclusions: [Exclusion] = []
        /// `quantiles`: `p25_days`, `p75_days`, `p90_days` and `mean_days` after `median_days`.
        public var quantiles = false
        /// `| histogram`: the distribution of conversion times (`FunnelHistogramTable`) instead of the steps.
        public var histogram = false
        /// Split by one event-level dimension (`LogicalQuery+FunnelSplit.swift`): trends by the period of
        /// entry, or a breakdown by an events column with its attribution; nil when split by customers only.
        public var split: Split?
        /// The step.
        public var span: SourceSpan?

        /// A funnel through `steps`.
        public init(steps: [Step], window: Int64, order: FunnelOrder, span: SourceSpan?) {
            self.steps = steps
            self.window = window
            self.order = order
            self.span = span
        }
    }

    /// `rows [N]`: the rows in scope themselves.
    public struct Rows: Hashable, Sendable {
        /// Rows listed when the step gives no count.
        public static let defaultLimit = 20
        /// At most this many rows.
        public var limit: Int
        /// Customers (source `cohort`) rather than event rows (source `events`).
        public var listsCustomers: Bool
        /// The step.
        public var span: SourceSpan?

        /// A listing.
        public init(limit: Int, listsCustomers: Bool, span: SourceSpan?) {
            self.limit = limit
            self.listsCustomers = listsCustomers
            self.span = span
        }
    }
}
