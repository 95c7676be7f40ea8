import SiklusLanguage
import SiklusTime

extension LogicalQuery {
    /// `lifecycle [period …] [on …]`, with defaults applied: per period, the active customers split into new,
    /// returning and resurrecting, and the customers who went dormant (PostHog's lifecycle, Amplitude's pulse).
    public struct LifecycleTrend: Hashable, Sendable {
        /// The most periods a lifecycle table lists (each backend refuses or stops beyond it).
        public static let maxPeriods = 10_000
        /// The most cells (periods × groups).
        public static let maxCells = 1_000_000

        /// The row width: `period`, else the session's `set period`.
        public var period: PeriodUnit
        /// What counts as activity (any event unless `on` says otherwise).
        public var activity: Retention.Activity
        /// The bounds `where ts …` puts on every row in scope: the last period listed is the earlier of as_of's
        /// and the bound's.
        public var bounds: ScopeTimeBounds
        /// The step.
        public var span: SourceSpan?

        /// A lifecycle analysis.
        public init(period: PeriodUnit, activity: Retention.Activity, bounds: ScopeTimeBounds, span: SourceSpan?) {
            self.period = period
            self.activity = activity
            self.bounds = bounds
            self.span = span
        }

        /// `purchase`, `any event`, the event's name or `stage <name>`, as explain writes it.
        public var activityName: String { activity.name }
    }

    /// `stickiness [period …]`, with defaults applied: customers by the number of periods of the scope's time
    /// range they were active in.
    public struct Stickiness: Hashable, Sendable {
        /// The most periods the time range may hold.
        public static let maxPeriods = 10_000
        /// The most cells (periods × groups).
        public static let maxCells = 1_000_000

        /// The unit counted: `period`, else day.
        public var period: PeriodUnit
        /// The bounds `where ts …` puts on the rows: the range runs from the lower bound (else the first day with
        /// an event) to the earlier of as_of and the upper bound.
        public var bounds: ScopeTimeBounds
        /// The step.
        public var span: SourceSpan?

        /// A stickiness analysis.
        public init(period: PeriodUnit, bounds: ScopeTimeBounds, span: SourceSpan?) {
            self.period = period
            self.bounds = bounds
            self.span = span
        }
    }
}

extension LogicalQuery.Retention.Activity {
    /// `purchase`, `any event`, the event's name or `stage <name>`, as explain writes it (retention's and lifecycle's activity).
    public var name: String {
        switch self {
        case .purchase: "purchase"
        case .anyEvent: "any event"
        case .event(let name): name
        case .stage(let stage): "stage " + stage.name
        }
    }
}

/// What the `where` steps say about event time for every row they keep: `[start, end)`, either side open
/// (nil) when no condition bounds it. Read only from conditions on `ts` joined by `and` at the top of a
/// `where` (an `or` or `not` bounds nothing), so every row in scope lies inside the bounds.
public struct ScopeTimeBounds: Hashable, Sendable {
    /// The first second a kept row may have.
    public var start: Int64?
    /// The first second after the last a kept row may have.
    public var end: Int64?

    /// Bounds as given.
    public init(start: Int64? = nil, end: Int64? = nil) {
        self.start = start
        self.end = end
    }

    /// The bounds of the scope's `where` steps.
    public init(_ scope: [LogicalQuery.ScopeStep]) {
        self.init()
        for step in scope {
            if case .filter(let filter, _) = step { narrow(by: filter) }
        }
    }

    /// `, ts in [2022-01-01 00:00:00, 2022-03-01 00:00:00)` when a side is bounded, else nothing (the logical plan's text).
    public var planText: String {
        guard start != nil || end != nil else { return "" }
        return ", ts in [\(start.map(CivilTime.formatTimestamp) ?? "…"), \(end.map(CivilTime.formatTimestamp) ?? "…"))"
    }

    /// The last second inside both the bounds and `asOf`.
    public func lastSecond(asOf: Int64) -> Int64 { end.map { min(asOf, $0 - 1) } ?? asOf }

    private mutating func narrow(by filter: RowFilter) {
        switch filter {
        case .and(let a, let b):
            narrow(by: a)
            narrow(by: b)
        case .compare(.ts, let op, .time(let range), _):
            switch op {
            case .equal: raise(range.start); lower(range.end)
            case .less: lower(range.start)
            case .lessEqual: lower(range.end)
            case .greater: raise(range.end)
            case .greaterEqual: raise(range.start)
            case .notEqual: break
            }
        case .member(.ts, let values, negated: false, _):
            let ranges = values.compactMap { value -> TimeRange? in if case .time(let range) = value { range } else { nil } }
            guard ranges.count == values.count, let lo = ranges.map(\.start).min(), let hi = ranges.map(\.end).max() else { return }
            raise(lo)
            lower(hi)
        default:
            break
        }
    }

    private mutating func raise(_ t: Int64) { start = max(start ?? .min, t) }
    private mutating func lower(_ t: Int64) { end = min(end ?? .max, t) }
}

/// The time the active-user metrics (`dau`, `wau`, `mau`, `dau_mau`) average over: the scope's `where ts`
/// bounds (else the first day with an event to as_of), narrowed per group to the group's period under each
/// dimension on event time.
public struct ActiveUsersRange: Hashable, Sendable {
    /// What the `where` steps say about event time.
    public var bounds: ScopeTimeBounds
    /// The positions (in the cohort grouping followed by the `by` dimensions) of the dimensions on event time,
    /// with their period unit.
    public var eventTimeDimensions: [EventTimeDimension]

    /// A dimension on event time: its position and unit.
    public struct EventTimeDimension: Hashable, Sendable {
        public var index: Int
        public var unit: PeriodUnit
    }

    /// The range of `query`'s metric step.
    public init(_ query: LogicalQuery) {
        bounds = ScopeTimeBounds(query.scope)
        let dimensions = (query.grouping.map { [$0.dimension] } ?? []) + query.dimensions
        eventTimeDimensions = dimensions.enumerated().compactMap { i, spec in
            guard !spec.isCustomerLevel, spec.attribute == .ts, let unit = spec.period else { return nil }
            return EventTimeDimension(index: i, unit: unit)
        }
    }
}
