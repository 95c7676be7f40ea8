import SiklusLanguage

extension LogicalQuery.Funnel {
    /// `exclude cancel between 2 and 3`: an attempt that has a row matching `match` after the row of step
    /// `from` and before the row of step `to` (0-based, `from < to`, both reached) counts nowhere.
    public struct Exclusion: Hashable, Sendable {
        public var match: Match
        /// As written after `exclude`: `cancel`, `stage churn`.
        public var label: String
        /// 0-based steps.
        public var from: Int
        public var to: Int

        /// An exclusion of `match` between steps `from` and `to` (0-based).
        public init(match: Match, label: String, from: Int, to: Int) {
            precondition(from < to, "an exclusion spans at least two steps")
            self.match = match
            self.label = label
            self.from = from
            self.to = to
        }
    }

    /// At most this many exclusions: steps and exclusions share a 31-bit row mask in memory.
    public static let maxExclusions = 8

    /// Every match of step `i`: its first name and its alternatives.
    public func matches(_ i: Int) -> [Match] { [steps[i].match] + steps[i].alternatives }

    /// Whether this funnel uses any option beyond steps, window and order (their SQL takes another shape).
    public var hasStepOptions: Bool {
        !exclusions.isEmpty || steps.contains { !$0.alternatives.isEmpty || $0.filter != nil }
    }
}

extension LogicalPlanPrinter {
    /// `stage purchase` or `event "visit"`: what a funnel step or exclusion matches.
    static func funnelMatch(_ match: LogicalQuery.Funnel.Match) -> String {
        switch match {
        case .stage(let stage): "stage \(stage.name)"
        case .event(let name): "event \(Literal.string(name))"
        }
    }
}
