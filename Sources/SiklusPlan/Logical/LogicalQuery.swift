import SiklusLanguage
import SiklusTime

/// A pipeline bound against a `Catalog`: what to compute, with every name resolved and every option
/// defaulted, but no data — no codes, closures or rows. The in-memory engine compiles it to its columnar
/// kernels; a SQL backend lowers it to one query. Spans are kept so errors found while running point at
/// the step.
///
/// The order of evaluation: `source` picks customers (and all their events); `derives` add event columns;
/// `scope` narrows customers and rows in order; `grouping` and `dimensions` group; `analysis` computes the
/// table; `post` sorts and cuts it; `presentation` says how to show it.
public struct LogicalQuery: Hashable, Sendable {
    /// Where customers come from.
    public enum Source: Hashable, Sendable {
        /// `events`: customers with at least one event.
        case events
        /// `cohort [filters]`: every customer, or those passing the customer-level filter (filters and-ed).
        case cohort(filter: RowFilter?)
    }

    /// A `stage` or `where` step.
    public enum ScopeStep: Hashable, Sendable {
        /// `stage <name>`: the stage's events and the customers with one; for churn, the customers churned as
        /// of `as_of` with their churn events.
        case stage(Stage, span: SourceSpan)
        /// `where <condition>`: a customer-level condition keeps customers, any other keeps rows (and the
        /// customers who still have one).
        case filter(RowFilter, span: SourceSpan)
        /// `funnel … | dropped N`: the customers whose furthest funnel step (over the scope so far) is N
        /// (1-based); their rows in scope stay.
        case funnelDropOff(Funnel, step: Int, span: SourceSpan)
    }

    /// `cohort by …`: the customers' cohort, always the first grouping of the result.
    public struct CohortGrouping: Hashable, Sendable {
        /// The cohort dimension (named `cohort`).
        public var dimension: DimensionSpec
        /// True for `cohort by first_purchase`: retention's period 0 is then the first purchase, else signup.
        public var anchorsOnFirstPurchase: Bool

        /// A cohort grouping.
        public init(dimension: DimensionSpec, anchorsOnFirstPurchase: Bool) {
            self.dimension = dimension
            self.anchorsOnFirstPurchase = anchorsOnFirstPurchase
        }
    }

    /// What the pipeline computes.
    public enum Analysis: Hashable, Sendable {
        /// `metric m1, m2` (the default: customers); `span` is the step's (nil for the default).
        case metrics([Metric], span: SourceSpan?)
        /// `retention …`.
        case retention(Retention)
        /// `funnel a -> b …`.
        case funnel(Funnel)
        /// `lifecycle …`.
        case lifecycleTrend(LifecycleTrend)
        /// `stickiness …`.
        case stickiness(Stickiness)
        /// `rows [N]`.
        case rows(Rows)
        /// `rfm`, `clv`, `clv params`, `clv check`.
        case customerValue(CustomerValue)
        /// `paths …`.
        case paths(Paths)
    }

    /// One key of a `sort` step.
    public struct SortKey: Hashable, Sendable {
        /// The result column, as written (matched ignoring case).
        public var column: String
        public var descending: Bool
        public var span: SourceSpan

        /// A key on `column`.
        public init(column: String, descending: Bool, span: SourceSpan) {
            self.column = column
            self.descending = descending
            self.span = span
        }
    }

    /// `sort`, `top`, `limit` on the result table.
    public enum PostStep: Hashable, Sendable {
        /// Sort by the keys; nulls last in both directions; stable.
        case sort([SortKey])
        /// The N rows with the largest value of the last non-text column; `span` is N's.
        case top(Int, span: SourceSpan)
        /// The N rows with the smallest value of the last non-text column (nulls last, as `top`); `span` is N's.
        case bottom(Int, span: SourceSpan)
        /// The first N rows.
        case limit(Int)
    }

    /// How the result is shown.
    public enum Presentation: Hashable, Sendable {
        case table
        case plot
        /// `export "path"`; `span` is the step's.
        case export(String, span: SourceSpan)
    }

    /// What a scope step does to the spend table (dates and channels, no customers).
    public enum SpendScopeStep: Hashable, Sendable {
        /// A `where` condition, bound with `where`'s names (bare `channel` = the event channel); the parts on
        /// `ts` and the event channel narrow spend rows.
        case condition(RowFilter, written: String)
        /// A step that never narrows spend (cohort filters, `stage`), as written.
        case other(String)
    }

    /// When state metrics (churn, stage share, retention's reach) are evaluated.
    public enum AsOf: Hashable, Sendable {
        /// `set as_of = …`: this second (the end of the day set).
        case at(Int64)
        /// The end of the last day that holds an event: each backend reads it from its data.
        case endOfLastDataDay
    }

    public var source: Source
    /// `derive` steps, in order (each may read the ones before it).
    public var derives: [DeriveStep]
    /// `stage` and `where` steps, in order.
    public var scope: [ScopeStep]
    /// `cohort by …`.
    public var grouping: CohortGrouping?
    /// `by …` dimensions in order (`by cohort` left out: the grouping is always first).
    public var dimensions: [DimensionSpec]
    public var analysis: Analysis
    public var post: [PostStep]
    public var presentation: Presentation
    /// The source's filters and the scope steps, for narrowing spend and for the note on what could not.
    public var spendScope: [SpendScopeStep]
    /// The settings the query runs under (period defaults are already applied).
    public var settings: SessionSettings
    /// The stage map the query runs under.
    public var stageMap: StageMap
    /// The pipeline's text.
    public var span: SourceSpan
    /// The `metric` step's options (`percent`, `within 90d`).
    public var metricOptions = LogicalMetricOptions()

    /// A query; everything but the source and span defaults to "customers, as a table".
    public init(source: Source, derives: [DeriveStep] = [], scope: [ScopeStep] = [], grouping: CohortGrouping? = nil,
                dimensions: [DimensionSpec] = [], analysis: Analysis = .metrics([.customers], span: nil), post: [PostStep] = [],
                presentation: Presentation = .table, spendScope: [SpendScopeStep] = [], settings: SessionSettings = SessionSettings(),
                stageMap: StageMap = StageMap(), span: SourceSpan) {
        self.source = source
        self.derives = derives
        self.scope = scope
        self.grouping = grouping
        self.dimensions = dimensions
        self.analysis = analysis
        self.post = post
        self.presentation = presentation
        self.spendScope = spendScope
        self.settings = settings
        self.stageMap = stageMap
        self.span = span
    }

    /// The moment state metrics are evaluated at.
    public var asOf: AsOf { settings.asOf.map(AsOf.at) ?? .endOfLastDataDay }
}
