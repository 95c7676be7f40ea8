import SiklusLanguage
import SiklusTime

extension LogicalQuery.Retention {
    /// What a cell adds up.
    public enum Value: String, Hashable, Sendable {
        /// Distinct customers (entries) with a qualifying period in the column (the default).
        case customers
        /// The amount of the return events in the column's qualifying periods.
        case revenue
        /// The number of return events in the column's qualifying periods.
        case orders
    }

    /// The kinds of retention beyond today's calendar table (issue 13 §2); the defaults are today's.
    public struct Kind: Hashable, Sendable {
        /// `start …`: each entry's anchor is a start event (nil: signup, or the first purchase under
        /// `cohort by first_purchase`). The rows are then the anchors' periods.
        public var start: Activity?
        /// `recurring`: one entry per customer and period with a start event (else the first start event only).
        public var recurring = false
        /// `rolling`: period k of an entry is [anchor + k·L, anchor + (k+1)·L) with L = 1, 7 or 30 days.
        public var rolling = false
        /// `brackets (…)`: the periods each column after period 0 covers (nil: one period per column).
        public var brackets: [Int]?
        /// A period qualifies with at least this many return events.
        public var minEvents = 1
        public var value = Value.customers
        /// `| detail`: each cell's eligible base as extra columns.
        public var detail = false

        /// Today's retention.
        public init() {}

        /// True when nothing beyond today's retention is asked for, so titles and SQL stay as they were.
        public var isPlain: Bool { self == Kind() }
    }

    /// The length of a rolling period in seconds, for the units `rolling` accepts (day, week, month).
    public static func rollingLength(_ unit: PeriodUnit) -> Int64? {
        switch unit {
        case .day: CivilTime.secondsPerDay
        case .week: 7 * CivilTime.secondsPerDay
        case .month: 30 * CivilTime.secondsPerDay
        case .quarter, .year: nil
        }
    }

    /// The table's title: today's, plus the kind options.
    public var title: ResultTitle { .retention(period: period, activity: activity, unbounded: unbounded, kind: kind) }

    /// `purchase`, `any event`, an event's name or `stage …`.
    public static func name(of activity: Activity) -> String {
        switch activity {
        case .purchase: "purchase"
        case .anyEvent: "any event"
        case .event(let name): name
        case .stage(let stage): "stage " + stage.name
        }
    }
}

extension LogicalQuery.Retention.Activity {
    /// True for a lifecycle stage's events.
    public var isStage: Bool { if case .stage = self { true } else { false } }
}
