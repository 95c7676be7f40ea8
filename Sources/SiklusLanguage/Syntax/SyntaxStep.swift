/// One step of a pipeline (the text after a `|`), with its span.
public struct StepNode: Hashable, Sendable {
    /// What the step is.
    public var kind: Step
    /// From the step keyword to its last argument (the `|` before it is not included).
    public var span: SourceSpan
    /// Words after a `metric` step's names (`percent`, `within 90d`); empty for other steps.
    public var metricOptions = MetricStepOptions()

    /// `kind` written at `span`.
    public init(_ kind: Step, at span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}

/// A pipeline step. Each case is named after what it does; `keyword` gives the word that starts it.
public enum Step: Hashable, Sendable {
    /// `derive <name> = <expression>`: add a computed numeric event column (`derive amount = …` sets the
    /// pipeline's amount).
    case derive(DeriveSpec)
    /// `stage <name>`: keep customers in a lifecycle stage. Any word parses; the engine knows the stages
    /// and their aliases (`retensi`).
    case stage(Identifier)
    /// `where <condition>`: keep rows for which the condition holds.
    case filter(ExpressionNode)
    /// `by <dimension>, …`: group by one or more dimensions (`channel`, `month`, `cohort`, any column).
    case groupBy([QualifiedName])
    /// `metric <name>, …`: compute metrics (`avg_order`, `repeat_rate`, …), one or more.
    case metrics([Identifier])
    /// `retention [period …] [percent] [on …] [unbounded] [horizon N]`: a cohort retention table.
    case retention(RetentionOptions)
    /// `funnel a -> b [-> …] [within 30d] [ordered | strict | any order]`: conversion through steps.
    case funnel(FunnelSpec)
    /// `paths [from e] [to e] [steps N] [session 30m] [edges N]`: the most common transitions between events.
    case paths(PathsSpec)
    /// `lifecycle [period …] [on …]`: new, returning, resurrecting and dormant customers per period.
    case lifecycleTrend(LifecycleTrendOptions)
    /// `stickiness [period …]`: customers by the number of periods they were active in.
    case stickiness(StickinessOptions)
    /// `rows [N]`: list the rows in scope (events, or customers for a `cohort`/`customers` source), at most N
    /// (nil: the engine's default).
    case rows(Spanned<Int64>?)
    /// `sort <column> [asc|desc], …`: order the result rows, by one or more keys.
    case sort([SortKey])
    /// `top N`: the N best rows by the result's main measure (the engine decides which).
    case top(Spanned<Int64>)
    /// `bottom N`: the N rows with the smallest value of the result's main measure (issue 15: cpa, churn_rate).
    case bottom(Spanned<Int64>)
    /// `limit N`: the first N rows as they are.
    case limit(Spanned<Int64>)
    /// `rfm …` or `clv …`: the customer-value tables (see `CustomerValueSpec`).
    case customerValue(CustomerValueSpec)
    /// `dropped N` after a funnel: the customers who reached step N and not step N + 1, as the scope of
    /// what follows (a customer list when nothing does).
    case dropped(Spanned<Int64>)
    /// `histogram` after a funnel: the distribution of the converting customers' time from the first step to the last.
    case histogram
    /// `plot`: draw the result as a chart chosen from its shape.
    case plot
    /// `export "file.html"`: write the result to a file; the extension chooses the format.
    case export(path: Spanned<String>)
    /// `detail` (after `retention`): each cell's eligible base as extra columns.
    case detail

    /// The keyword that starts the step: `derive`, `stage`, `where`, `by`, `metric`, `retention`, `funnel`,
    /// `rows`, `sort`, `top`, `limit`, `plot`, `export`.
    public var keyword: String {
        switch self {
        case .derive: "derive"
        case .rows: "rows"
        case .stage: "stage"
        case .filter: "where"
        case .groupBy: "by"
        case .metrics: "metric"
        case .retention: "retention"
        case .funnel: "funnel"
        case .paths: "paths"
        case .lifecycleTrend: "lifecycle"
        case .stickiness: "stickiness"
        case .dropped: "dropped"
        case .histogram: "histogram"
        case .sort: "sort"
        case .top: "top"
        case .bottom: "bottom"
        case .limit: "limit"
        case .plot: "plot"
        case .export: "export"
        case .detail: "detail"
        case .customerValue(let spec): spec.kind == .rfm ? "rfm" : "clv"
        }
    }
}

/// The options of a `retention` step, each optional and each written at most once, in any order.
public struct RetentionOptions: Hashable, Sendable {
    /// `period day|week|month|…`: the column width; nil when not written (the engine's default).
    public var period: Spanned<PeriodUnit>?
    /// `percent`: show shares of the cohort instead of customer counts.
    public var isPercent: Bool
    /// `on purchase|any|<event>`: what counts as being active; nil when not written.
    public var activity: Spanned<RetentionActivity>?
    /// `unbounded`: count a customer as retained in a period if active then *or later*.
    public var isUnbounded: Bool
    /// `horizon N`: how many periods to show; nil when not written.
    public var horizon: Spanned<Int64>?

    /// `start <event|stage|any>`: the cohort's anchor event (first time, unless `recurring`); nil when not written.
    public var start: Spanned<RetentionActivity>?
    /// `recurring`: a customer joins the cohort of every period with a start event.
    public var isRecurring = false
    /// `rolling`: periods are 24-hour days, 7-day weeks or 30-day months from each anchor's own time.
    public var isRolling = false
    /// `brackets (1, 6, 23)`: columns after period 0 covering that many periods each; nil when not written.
    public var brackets: Spanned<[Int64]>?
    /// `min_events N`: a period counts only with at least N return events; nil when not written.
    public var minEvents: Spanned<Int64>?
    /// `value revenue|orders`: sum money or count orders instead of customers; nil when not written.
    public var value: Spanned<RetentionValue>?

    /// Options as given; everything defaults to "not written".
    public init(period: Spanned<PeriodUnit>? = nil, isPercent: Bool = false, activity: Spanned<RetentionActivity>? = nil,
                isUnbounded: Bool = false, horizon: Spanned<Int64>? = nil) {
        self.period = period
        self.isPercent = isPercent
        self.activity = activity
        self.isUnbounded = isUnbounded
        self.horizon = horizon
    }
}

/// What counts as activity for retention (`on …`).
public enum RetentionActivity: Hashable, Sendable {
    /// `on purchase`: purchases only.
    case purchase
    /// `on any`: any event.
    case anyEvent
    /// `on <event>` or `on "<event>"`: one named event.
    case event(Identifier)
}

/// What a retention cell adds up (`value …`).
public enum RetentionValue: String, Hashable, Sendable, CaseIterable {
    /// `value revenue`: the amount of the return events.
    case revenue
    /// `value orders`: the number of return events.
    case orders
}

/// The parts of a `funnel` step: `funnel view -> cart -> purchase within 30d strict`.
public struct FunnelSpec: Hashable, Sendable {
    /// The steps in order, at least two; each an event or stage name (the engine resolves which: an
    /// event when the data has one by that name, as in PostHog, else a stage).
    public var steps: [Identifier]
    /// Indices into `steps` of those written `stage <name>`: always the lifecycle stage, even when an
    /// event has the same name (`stage purchase` is the first purchase; `purchase` is any purchase event).
    public var stageSteps: Set<Int> = []
    /// `within <duration>`: the time allowed from the first step to the last; nil when not written.
    public var window: Spanned<DurationLiteral>?
    /// `ordered`, `strict` or `any order`; nil when not written, which means `.ordered`.
    public var order: Spanned<FunnelOrder>?
    /// More names step `i` may match (`(home, product_view)`), after `steps[i]`.
    public var alternatives: [Int: [FunnelAlternative]] = [:]
    /// `where <condition>` after step `i`: only events for which it holds fill that step.
    public var filters: [Int: ExpressionNode] = [:]
    /// `exclude <name> [between N and M]`, in the order written.
    public var exclusions: [FunnelExclusion] = []
    /// `quantiles`: time-to-convert quartiles, p90 and mean beside the median; where it was written.
    public var quantiles: SourceSpan?
    /// `by <dimension>` written inside the funnel: the same as a `by` step before it (`funnel a -> b by week`).
    public var groupBy: [QualifiedName] = []
    /// `attribution first|last|step N`: which step's event gives a customer's value of an events-column breakdown.
    public var attribution: Spanned<FunnelAttribution>?

    /// Step `i` as written: `purchase` or `stage purchase`.
    public func stepText(_ i: Int) -> String { (stageSteps.contains(i) ? "stage " : "") + steps[i].description }

    /// A funnel through `steps`.
    public init(steps: [Identifier], stageSteps: Set<Int> = [], window: Spanned<DurationLiteral>? = nil,
                order: Spanned<FunnelOrder>? = nil) {
        self.steps = steps
        self.stageSteps = stageSteps
        self.window = window
        self.order = order
    }
}

/// How a funnel's steps must be ordered in time.
public enum FunnelOrder: String, Hashable, Sendable, CaseIterable {
    /// `ordered` (the default): each step after the previous one, other events allowed between.
    case ordered
    /// `strict`: each step directly after the previous one, with no other events between.
    case strict
    /// `any order`: every step happened, in any order.
    case anyOrder = "any order"
}

/// One key of a `sort` step: `revenue desc`.
public struct SortKey: Hashable, Sendable {
    /// The result column to sort by.
    public var column: QualifiedName
    /// `asc` or `desc`; nil when not written (the engine's default).
    public var direction: Spanned<SortDirection>?
    /// From the column to the direction.
    public var span: SourceSpan

    /// A key on `column`.
    public init(column: QualifiedName, direction: Spanned<SortDirection>?, span: SourceSpan) {
        self.column = column
        self.direction = direction
        self.span = span
    }
}

/// A sort direction.
public enum SortDirection: String, Hashable, Sendable, CaseIterable {
    /// `asc` (also `ascending`): smallest first.
    case ascending = "asc"
    /// `desc` (also `descending`): largest first.
    case descending = "desc"
}
