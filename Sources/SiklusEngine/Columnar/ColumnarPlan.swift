import SiklusLanguage
import SiklusStore

/// A `LogicalQuery` compiled against the loaded data (`ColumnarCompiler`): filters as `Predicate`s, groupings
/// as dense `Dimension`s, event names as codes. What `QueryExecutor` runs and the worked example and the
/// DuckDB translation of `explain` read.
struct ColumnarPlan: @unchecked Sendable {
    enum SourcePlan {
        /// `cohort` with optional customer filter.
        case cohort(Predicate?)
        /// `events`: customers with at least one event.
        case events
    }

    enum ScopeStep {
        case stage(Stage)
        case filter(Predicate)
        /// `funnel … | dropped N`.
        case funnelDropOff(FunnelPlan, step: Int)
    }

    enum Output {
        /// `metric m1, m2` (also the default: customers).
        case metrics([Metric], span: SourceSpan?)
        case retention(RetentionPlan)
        case funnel(FunnelPlan)
        case lifecycleTrend(LifecycleTrendPlan)
        case stickiness(LogicalQuery.Stickiness)
        /// `rows [N]`: the rows in scope themselves.
        case rows(RowsPlan)
        /// `rfm`, `clv`, `clv params`, `clv check`: nothing in it depends on the data.
        case customerValue(LogicalQuery.CustomerValue)
        /// `paths …`: nothing in it depends on the data (event names are looked up when it runs).
        case paths(LogicalQuery.Paths)
    }

    typealias PostStep = LogicalQuery.PostStep
    typealias Presentation = LogicalQuery.Presentation

    var source: SourcePlan
    /// `cohort by …`: the cohort of each customer.
    var grouping: Dimension?
    var scopeSteps: [ScopeStep]
    /// `by …` dimensions, in order.
    var dimensions: [Dimension]
    var output: Output
    var post: [PostStep]
    var presentation: Presentation
    /// The source's filters and the scope steps, for narrowing the spend table (see `SpendFilter`).
    var spendScope: [LogicalQuery.SpendScopeStep] = []
    /// The context with the pipeline's `derive` columns, when it has any; queries run against it instead
    /// of the session's.
    var context: EvalContext?
    /// The query this plan was compiled from.
    var logical: LogicalQuery
}

/// `rows [N]`: nothing in it depends on the data.
typealias RowsPlan = LogicalQuery.Rows

/// `retention [period …] [percent] [on …] [unbounded] [horizon N]`, resolved.
struct RetentionPlan {
    enum Activity { case purchase, any, event(Int32), stage(Stage) }
    var period: PeriodUnit
    var percent: Bool
    var activity: Activity
    var activityName: String
    var unbounded: Bool
    var horizon: Int?
    /// What anchors a customer's period 0: first purchase when cohorted by it, else signup.
    var anchorOnFirstPurchase: Bool
    /// The `retention` step, for errors raised while computing it.
    var span: SourceSpan?
    /// `start …` resolved (nil: the signup or first-purchase anchor).
    var start: Activity?
    /// The logical step, with its kind options.
    var spec: LogicalQuery.Retention
}

/// `funnel a -> b -> c [within …] [order]`, resolved.
struct FunnelPlan {
    /// Windows are capped at 1000 years: longer means "no limit" and would overflow time arithmetic.
    static let longestWindow = LogicalQuery.Funnel.longestWindow
    /// Steps are bits of a 32-bit mask (see `StepMasks`).
    static let maxSteps = 32

    enum StepMatch { case stage(Stage), event(Int32) }
    var steps: [(name: String, match: StepMatch)]
    var window: Int64
    var order: FunnelOrder
    /// Per step: more matches (`(home, product_view)`) and the step's `where` (nil: every row).
    var alternatives: [[StepMatch]] = []
    var filters: [Predicate?] = []
    /// `exclude …`: the match and the 0-based steps it lies between.
    var exclusions: [(match: StepMatch, label: String, from: Int, to: Int)] = []
    /// `quantiles`: the time columns after `median_days`.
    var quantiles = false
    /// `| histogram`: conversion times binned (`FunnelHistogramTable`), the title already made.
    var histogramTitle: ResultTitle?
    /// Trends or a breakdown by the last dimension, an event-level one (`LogicalQuery.Funnel.Split`).
    var split: LogicalQuery.Funnel.Split?
    /// The `funnel` step, for errors raised while computing it.
    var span: SourceSpan?
}
