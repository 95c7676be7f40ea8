import SiklusLanguage
import SiklusStore

/// Runs a bound plan: build the scope, compute the output table, apply sort/top/limit.
enum QueryExecutor {
    static func scope(_ plan: ColumnarPlan, _ context: EvalContext) throws(Diagnostic) -> Scope {
        var scope: Scope
        switch plan.source {
        case .events: scope = Scope.allEvents(context)
        case .cohort(let filter): scope = Scope.cohort(filter, context)
        }
        scope.grouping = plan.grouping
        for step in plan.scopeSteps {
            try context.checkCancelled()
            switch step {
            case .stage(let stage): scope.keepStage(stage, context)
            case .filter(let predicate): scope.keep(where: predicate, context)
            case .funnelDropOff(let funnel, let n):
                let kept = try FunnelDropOff.customers(funnel, step: n, scope: scope, context)
                scope.narrowCustomers(kept.contains)
            }
        }
        return scope
    }

    static func run(_ plan: ColumnarPlan, _ session: EvalContext) throws(Diagnostic) -> ResultTable {
        let context = plan.context ?? session
        var timer = PhaseTimer()
        let scope = try scope(plan, context)
        timer.mark("query: scope")
        defer { timer.mark("query: output") }
        var table: ResultTable
        switch plan.output {
        case .metrics(let metrics, let span):
            table = try MetricTable.build(metrics, scope: scope, dimensions: plan.dimensions, context, span: span, spendScope: plan.spendScope,
                                          activeRange: ActiveUsersRange(plan.logical), options: plan.logical.metricOptions)
        case .retention(let retention):
            table = try RetentionMatrix.build(retention, scope: scope, context)
        case .funnel(let funnel):
            table = try FunnelAnalysis.build(funnel, scope: scope, dimensions: plan.dimensions, context)
        case .lifecycleTrend(let trend):
            table = try LifecycleTrendTable.build(trend, scope: scope, dimensions: plan.dimensions, context)
        case .stickiness(let stickiness):
            table = try StickinessTable.build(stickiness, scope: scope, dimensions: plan.dimensions, context)
        case .rows(let rows):
            table = try RowListing.build(rows, scope: scope, context)
        case .customerValue(let value):
            table = try CustomerValueTable.build(value, scope: scope, context, presentation: plan.presentation, spendScope: plan.spendScope,
                                                 activeRange: ActiveUsersRange(plan.logical))
        case .paths(let paths):
            table = try PathAnalysis.build(paths, scope: scope, context)
        }
        for step in plan.post { table = try ResultOperations.apply(step, to: table) }
        return table
    }
}
