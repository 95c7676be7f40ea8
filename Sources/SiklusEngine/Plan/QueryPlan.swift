import SiklusLanguage
import SiklusStore

/// A pipeline with every name resolved against the loaded data: what `QueryExecutor` runs and
/// `explain` describes.
struct QueryPlan: @unchecked Sendable {
    enum SourcePlan {
        /// `cohort` with optional customer filter.
        case cohort(Predicate?)
        /// `events`: customers with at least one event.
        case events
    }

    enum ScopeStep {
        case stage(Stage)
        case filter(Predicate)
    }

    enum Output {
        /// `metric m1, m2` (also the default: customers).
        case metrics([Metric], span: SourceSpan?)
        case retention(RetentionPlan)
        case funnel(FunnelPlan)
        /// `rows [N]`: the rows in scope themselves.
        case rows(RowsPlan)
    }

    enum PostStep {
        case sort([(column: String, descending: Bool, span: SourceSpan)])
        case top(Int, span: SourceSpan)
        case limit(Int)
    }

    enum Presentation: Equatable {
        case table
        case plot
        /// The path, and the `export` step's span.
        case export(String, span: SourceSpan)
    }

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
    var spendScope: [SpendFilter.Step] = []
    /// The context with the pipeline's `derive` columns, when it has any; queries run against it instead
    /// of the session's.
    var context: EvalContext?
}

/// `rows [N]`, resolved: list event rows (source `events`) or customers (source `cohort`/`customers`).
struct RowsPlan {
    /// Rows listed when the step gives no count.
    static let defaultLimit = 20
    var limit: Int
    var listsCustomers: Bool
    /// The `rows` step, for errors raised while listing.
    var span: SourceSpan?
}

/// `retention [period …] [percent] [on …] [unbounded] [horizon N]`, resolved.
struct RetentionPlan {
    enum Activity { case purchase, any, event(Int32) }
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
}

/// `funnel a -> b -> c [within …] [order]`, resolved.
struct FunnelPlan {
    /// Windows are capped at 1000 years: longer means "no limit" and would overflow time arithmetic.
    static let longestWindow: Int64 = 1000 * 365 * CivilTime.secondsPerDay
    /// Steps are bits of a 32-bit mask (see `StepMasks`).
    static let maxSteps = 32

    enum StepMatch { case stage(Stage), event(Int32) }
    var steps: [(name: String, match: StepMatch)]
    var window: Int64
    var order: FunnelOrder
    /// The `funnel` step, for errors raised while computing it.
    var span: SourceSpan?
}
