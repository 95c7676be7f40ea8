/// The options of a `paths` step: `paths from home to purchase steps 4 session 30m edges 20`, each
/// optional and written at most once, in any order.
public struct PathsSpec: Hashable, Sendable {
    /// `from <event>`: paths start at the first occurrence of this event in a session.
    public var from: Identifier?
    /// `to <event>`: paths end at the first occurrence of this event (after `from`).
    public var to: Identifier?
    /// `steps N`: how many events of each path are kept (PostHog's step limit); nil when not written.
    public var steps: Spanned<Int64>?
    /// `session <duration>`: the gap that starts a new session; nil when not written (30 minutes).
    public var session: Spanned<DurationLiteral>?
    /// `edges N`: how many transitions the result keeps; nil when not written (50).
    public var edges: Spanned<Int64>?

    /// Options as given; everything defaults to "not written".
    public init(from: Identifier? = nil, to: Identifier? = nil, steps: Spanned<Int64>? = nil, session: Spanned<DurationLiteral>? = nil,
                edges: Spanned<Int64>? = nil) {
        self.from = from
        self.to = to
        self.steps = steps
        self.session = session
        self.edges = edges
    }

    /// The options as written, in a fixed order: `from home to purchase steps 4 session 30min`.
    public var optionText: String {
        var words: [String] = []
        if let from { words.append("from \(from.description)") }
        if let to { words.append("to \(to.description)") }
        if let steps { words.append("steps \(steps.value)") }
        if let session { words.append("session \(session.value)") }
        if let edges { words.append("edges \(edges.value)") }
        return words.joined(separator: " ")
    }
}

/// A behavioural cohort filter: `did purchase >= 2 times within 30d of signup`, `did not cancel`.
public struct BehaviourFilterNode: Hashable, Sendable {
    /// `did not …`: the customer is kept when the rest does *not* hold.
    public var negated: Bool
    /// The event counted.
    public var event: Identifier
    /// `>= N times` (any comparison); nil when not written, which means `>= 1`.
    public var count: Spanned<CountComparison>?
    /// `within <duration>`; nil: every event up to as_of.
    public var window: Spanned<DurationLiteral>?
    /// `of signup`: the window starts at the customer's signup instead of ending at as_of.
    public var ofSignup: SourceSpan?
    /// From `did` to the last word.
    public var span: SourceSpan

    /// A filter on `event`.
    public init(negated: Bool, event: Identifier, count: Spanned<CountComparison>? = nil, window: Spanned<DurationLiteral>? = nil,
                ofSignup: SourceSpan? = nil, span: SourceSpan) {
        self.negated = negated
        self.event = event
        self.count = count
        self.window = window
        self.ofSignup = ofSignup
        self.span = span
    }

    /// `op N`: the count compared.
    public struct CountComparison: Hashable, Sendable {
        public var op: ComparisonOperator
        public var count: Int64

        public init(op: ComparisonOperator, count: Int64) {
            self.op = op
            self.count = count
        }
    }

    /// As written: `did not purchase >= 2 times within 30d of signup`.
    public var text: String {
        var words = ["did"]
        if negated { words.append("not") }
        words.append(event.description)
        if let count { words.append("\(count.value.op) \(count.value.count) times") }
        if let window { words.append("within \(window.value)") }
        if ofSignup != nil { words.append("of signup") }
        return words.joined(separator: " ")
    }
}
