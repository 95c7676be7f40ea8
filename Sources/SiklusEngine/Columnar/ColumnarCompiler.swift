import SiklusLanguage
import SiklusStore

/// Compiles a `LogicalQuery` to the in-memory engine's `ColumnarPlan`: derives evaluated into a copy of the
/// store, filters to `Predicate`s, dimensions numbered over the data, event names to codes. The checks
/// that need the data (too many distinct values to group by) are made here, located at their step.
enum ColumnarCompiler {
    /// The plan of `query` over `session` (or over a copy with the query's derived columns).
    /// - Complexity: O(rows × operators) per derive; one pass over the grouped attribute per dimension.
    static func compile(_ query: LogicalQuery, _ session: EvalContext) throws(Diagnostic) -> ColumnarPlan {
        let context = query.derives.isEmpty ? session : try DerivedColumn.apply(query.derives, to: session)
        var plan = ColumnarPlan(source: .events, grouping: nil, scopeSteps: [], dimensions: [], output: .metrics([.customers], span: nil),
                                post: query.post, presentation: query.presentation, spendScope: query.spendScope,
                                context: query.derives.isEmpty ? nil : context, logical: query)
        switch query.source {
        case .events: plan.source = .events
        case .cohort(let filter): plan.source = .cohort(filter.map { Predicate.compile($0, context) })
        }
        plan.scopeSteps = query.scope.map { step in
            switch step {
            case .stage(let stage, _): .stage(stage)
            case .filter(let filter, _): .filter(Predicate.compile(filter, context))
            case .funnelDropOff(let funnel, let n, _): .funnelDropOff(self.funnel(funnel, context), step: n)
            }
        }
        if let grouping = query.grouping { plan.grouping = try Dimension.of(grouping.dimension, context) }
        for spec in query.dimensions { plan.dimensions.append(try Dimension.of(spec, context)) }
        switch query.analysis {
        case .metrics(let metrics, let span): plan.output = .metrics(metrics, span: span)
        case .retention(let retention): plan.output = .retention(self.retention(retention, context))
        case .funnel(let funnel): plan.output = .funnel(self.funnel(funnel, context))
        case .lifecycleTrend(let trend): plan.output = .lifecycleTrend(LifecycleTrendPlan(trend: trend, activity: activity(trend.activity, context)))
        case .stickiness(let stickiness): plan.output = .stickiness(stickiness)
        case .rows(let rows): plan.output = .rows(rows)
        case .customerValue(let value): plan.output = .customerValue(value)
        case .paths(let paths): plan.output = .paths(paths)
        }
        return plan
    }

    /// The code of an event name; a name the data does not hold matches no row.
    private static func eventCode(_ name: String, _ context: EvalContext) -> Int32 {
        context.store.strings.code(of: name) ?? -2
    }

    private static func activity(_ activity: LogicalQuery.Retention.Activity, _ context: EvalContext) -> RetentionPlan.Activity {
        switch activity {
        case .purchase: .purchase
        case .anyEvent: .any
        case .event(let name): .event(eventCode(name, context))
        case .stage(let stage): .stage(stage)
        }
    }

    private static func retention(_ retention: LogicalQuery.Retention, _ context: EvalContext) -> RetentionPlan {
        RetentionPlan(period: retention.period, percent: retention.percent, activity: activity(retention.activity, context),
                      activityName: retention.activityName, unbounded: retention.unbounded, horizon: retention.horizon,
                      anchorOnFirstPurchase: retention.anchorsOnFirstPurchase, span: retention.span,
                      start: retention.kind.start.map { activity($0, context) }, spec: retention)
    }

    private static func funnel(_ funnel: LogicalQuery.Funnel, _ context: EvalContext) -> FunnelPlan {
        let steps = funnel.steps.map { step -> (name: String, match: FunnelPlan.StepMatch) in
            switch step.match {
            case .stage(let stage): (step.label, .stage(stage))
            case .event(let name): (step.label, .event(eventCode(name, context)))
            }
        }
        var plan = FunnelPlan(steps: steps, window: funnel.window, order: funnel.order, span: funnel.span)
        plan.alternatives = funnel.steps.map { $0.alternatives.map { stepMatch($0, context) } }
        plan.filters = funnel.steps.map { $0.filter.map { Predicate.compile($0, context) } }
        plan.quantiles = funnel.quantiles
        plan.split = funnel.split
        plan.histogramTitle = funnel.histogram ? FunnelHistogramTable.title(funnel) : nil
        plan.exclusions = funnel.exclusions.map { (stepMatch($0.match, context), $0.label, $0.from, $0.to) }
        return plan
    }

    private static func stepMatch(_ match: LogicalQuery.Funnel.Match, _ context: EvalContext) -> FunnelPlan.StepMatch {
        switch match {
        case .stage(let stage): .stage(stage)
        case .event(let name): .event(eventCode(name, context))
        }
    }
}
