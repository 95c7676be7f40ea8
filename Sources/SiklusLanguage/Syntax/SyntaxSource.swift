/// The start of a pipeline: which rows flow into the steps.
public struct SourceNode: Hashable, Sendable {
    /// What the source is.
    public var kind: Source
    /// From the source keyword (or variable name) to its last filter or option.
    public var span: SourceSpan

    /// `kind` written at `span`.
    public init(_ kind: Source, at span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}

/// Which rows a pipeline starts from.
public enum Source: Hashable, Sendable {
    /// `cohort <filters> [by <dimension> [period <unit>]]`: customers, optionally filtered and grouped.
    case cohort(CohortSource)
    /// `events`: every event row.
    case events
    /// A name bound by `let` (any word that is not a statement keyword). The engine reports unknown names.
    case variable(Identifier)
}

/// The parts of a `cohort` source: `cohort signup=2022-09 channel=social`, `cohort by signup period week`.
public struct CohortSource: Hashable, Sendable {
    /// Customer filters, all of which must hold; empty means every customer.
    ///
    /// Each filter is a `.comparison` or `.membership` whose left side is a `.column`; the right side is
    /// a literal, a `.range` or (in a membership) a list of them. Examples: `signup=2022-09`,
    /// `signup=2022-09..2022-12`, `country in (ID, US)`, `country != US`.
    public var filters: [ExpressionNode]
    /// The `by …` grouping, if written.
    public var grouping: CohortGrouping?
    /// Behavioural filters (`did purchase >= 2 times within 30d of signup`), and-ed with `filters`.
    public var behaviours: [BehaviourFilterNode] = []

    /// A cohort with `filters` and an optional `grouping`.
    public init(filters: [ExpressionNode] = [], grouping: CohortGrouping? = nil) {
        self.filters = filters
        self.grouping = grouping
    }
}

/// `by <dimension> [period <unit>]` in a cohort source: `by signup period week`, `by channel`.
public struct CohortGrouping: Hashable, Sendable {
    /// What splits customers into cohorts: `signup`, `first_purchase`, `channel`, or any column.
    public var dimension: QualifiedName
    /// The period that time dimensions are bucketed by; nil when not written (the engine's default).
    public var period: Spanned<PeriodUnit>?
    /// From `by` to the end of the grouping.
    public var span: SourceSpan

    /// A grouping by `dimension`, optionally bucketed by `period`.
    public init(dimension: QualifiedName, period: Spanned<PeriodUnit>?, span: SourceSpan) {
        self.dimension = dimension
        self.period = period
        self.span = span
    }
}

/// A calendar period used to bucket time: `period month`, `retention period week`.
public enum PeriodUnit: String, Hashable, Sendable, CaseIterable {
    /// Calendar days.
    case day
    /// Weeks, starting on the session's `week_start`.
    case week
    /// Calendar months.
    case month
    /// Calendar quarters (January, April, July, October).
    case quarter
    /// Calendar years.
    case year
}
