import SiklusLanguage
import SiklusTime

extension LogicalQuery {
    /// `paths [from e] [to e] [steps N] [session 30m] [edges N]`, with defaults applied.
    ///
    /// Each in-scope customer's events (by time, then file order) are cut into sessions where the gap to
    /// the previous event is at least `sessionGap`; runs of the same event collapse to one; `from` starts a
    /// session's path at its first `from` event and `to` ends it at the first `to` event after that
    /// (sessions without them are dropped); the path keeps its first `steps` events, or its last `steps`
    /// when `to` is given. Transition k goes from the path's k-th event to its (k + 1)-th.
    public struct Paths: Hashable, Sendable {
        /// Events kept per path when `steps` is not written (PostHog's default step limit).
        public static let defaultSteps = 5
        /// Transitions kept when `edges` is not written (PostHog's default edge limit).
        public static let defaultEdges = 50
        /// The session gap when `session` is not written: 30 minutes.
        public static let defaultSessionGap: Int64 = 30 * 60
        /// Gaps are capped at 1000 years: longer means "one session" and would overflow time arithmetic.
        public static let longestSessionGap: Int64 = 1000 * 365 * CivilTime.secondsPerDay

        public var from: String?
        public var to: String?
        /// Events kept per path (2…20).
        public var steps: Int
        /// Seconds between two events that start a new session.
        public var sessionGap: Int64
        /// Transitions kept, by count descending.
        public var edges: Int
        /// The step.
        public var span: SourceSpan?

        /// A paths analysis.
        public init(from: String?, to: String?, steps: Int, sessionGap: Int64, edges: Int, span: SourceSpan?) {
            self.from = from
            self.to = to
            self.steps = steps
            self.sessionGap = sessionGap
            self.edges = edges
            self.span = span
        }

        /// The result's columns, in order.
        public static let columns = ["step", "from", "to", "count", "customers"]

        /// `paths from home, steps 5, session 30min, top 50`: the title of the result.
        public var title: ResultTitle { .paths(from: from, to: to, steps: steps, sessionGap: sessionGap, edges: edges) }
    }
}

/// A behavioural condition on a customer: how many of their events named `event` fall in a window,
/// compared with a count (`did purchase >= 2 times within 30d of signup`). Only events up to as_of count.
public struct BehaviourCondition: Hashable, Sendable {
    /// Which events are counted.
    public enum Window: Hashable, Sendable {
        /// Every event up to as_of.
        case all
        /// `within d`: as_of - d <= ts <= as_of.
        case last(seconds: Int64)
        /// `within d of signup`: signup <= ts <= signup + d (and ts <= as_of).
        case sinceSignup(seconds: Int64)
    }

    public var event: String
    public var op: ComparisonOperator
    public var count: Int64
    public var window: Window

    /// A condition.
    public init(event: String, op: ComparisonOperator, count: Int64, window: Window) {
        self.event = event
        self.op = op
        self.count = count
        self.window = window
    }

    /// Whether `n` events satisfy the comparison.
    public func holds(_ n: Int64) -> Bool {
        switch op {
        case .equal: n == count
        case .notEqual: n != count
        case .less: n < count
        case .lessEqual: n <= count
        case .greater: n > count
        case .greaterEqual: n >= count
        }
    }

    /// As explain prints it: `count(purchase, signup ≤ ts ≤ signup + 30d) >= 2`.
    public var text: String {
        let range = switch window {
        case .all: "ts <= as_of"
        case .last(let s): "as_of - \(DurationText.compact(s)) <= ts <= as_of"
        case .sinceSignup(let s): "signup <= ts <= signup + \(DurationText.compact(s)), ts <= as_of"
        }
        return "count(event = \(event), \(range)) \(op) \(count)"
    }
}
