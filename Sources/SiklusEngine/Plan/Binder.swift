import SiklusLanguage
import SiklusStore

/// Resolves a parsed pipeline against the session: sources, stages, columns, metrics and options.
/// Every mistake becomes a `Diagnostic` at the offending token, with the nearest valid names.
struct Binder {
    let context: EvalContext

    /// True when `context` already holds the pipeline's `derive` columns.
    var derivesApplied = false

    func bind(_ pipeline: Pipeline) throws(Diagnostic) -> QueryPlan {
        let derives = pipeline.steps.compactMap { step -> DeriveSpec? in if case .derive(let spec) = step.kind { spec } else { nil } }
        if !derives.isEmpty, !derivesApplied {
            let derived = try DerivedColumn.apply(derives, to: context)
            var plan = try Binder(context: derived, derivesApplied: true).bind(pipeline)
            plan.context = derived
            return plan
        }
        var plan = QueryPlan(source: .events, grouping: nil, scopeSteps: [], dimensions: [], output: .metrics([.customers], span: nil),
                             post: [], presentation: .table)
        var anchorOnFirstPurchase = false
        var groupingPeriod: PeriodUnit?
        switch pipeline.source.kind {
        case .events:
            plan.source = .events
        case .cohort(let cohort):
            plan.source = .cohort(try cohortFilter(cohort.filters))
            plan.spendScope += cohort.filters.map { .other("cohort " + SyntaxPrinter.inline($0)) }
            if let grouping = cohort.grouping {
                let (dimension, onFirstPurchase) = try cohortGrouping(grouping)
                plan.grouping = dimension
                anchorOnFirstPurchase = onFirstPurchase
                if dimension.period != nil { groupingPeriod = grouping.period?.value ?? context.settings.period }
            }
        case .variable(let name):
            throw Diagnostic.unknown("statement or variable", name.text, at: name.span, among: Keywords.statements)
        }

        enum Phase: Int { case scope, result, post, presentation }
        var phase = Phase.scope
        var phaseStep: StepNode?
        var result: StepNode?
        var dimensions: [Dimension] = []
        for step in pipeline.steps {
            func enter(_ next: Phase) throws(Diagnostic) {
                guard next.rawValue >= phase.rawValue else {
                    throw Diagnostic("`\(step.kind.keyword)` must come before `\(phaseStep?.kind.keyword ?? "")`", at: step.span,
                                     hints: ["order: source | stage/where | by | metric/retention/funnel | sort/top/limit | plot/export"])
                }
                if next.rawValue > phase.rawValue { phaseStep = step }
                phase = next
            }
            switch step.kind {
            case .derive:
                // Applied before binding (see above), so every step can read the column.
                try enter(.scope)
            case .stage(let name):
                try enter(.scope)
                guard let stage = Stage(named: name.text) else {
                    throw Diagnostic.unknown("stage", name.text, at: name.span, among: Stage.allNames,
                                             fallbackHint: "stages: " + Stage.allCases.map(\.name).joined(separator: ", "))
                }
                plan.scopeSteps.append(.stage(stage))
                plan.spendScope.append(.other(PipelineText.step(step.kind)))
            case .filter(let condition):
                try enter(.scope)
                plan.scopeSteps.append(.filter(try Predicate.compile(condition, context, preferEvents: true)))
                plan.spendScope.append(.condition(condition, written: PipelineText.step(step.kind)))
            case .groupBy(let names):
                // `by` may come before or after the metric step, but not after sort/top/limit.
                if phase.rawValue > Phase.result.rawValue { try enter(.scope) }
                for name in names {
                    // The source's cohorts are always the first dimension; `by cohort` just says so.
                    if name.parts.count == 1, name.name.lowercased == "cohort", plan.grouping != nil { continue }
                    dimensions.append(try Dimension.bind(name, context))
                }
            case .metrics(let names):
                try enter(.result)
                if let result { throw Diagnostic("a pipeline has one of metric, retention or funnel; this one already has `\(result.kind.keyword)`", at: step.span) }
                result = step
                plan.output = .metrics(try metrics(names, span: step.span), span: step.span)
            case .retention(let options):
                try enter(.result)
                if let result { throw Diagnostic("a pipeline has one of metric, retention or funnel; this one already has `\(result.kind.keyword)`", at: step.span) }
                result = step
                plan.output = .retention(try retention(options, groupingPeriod: groupingPeriod, anchorOnFirstPurchase: anchorOnFirstPurchase, span: step.span))
            case .funnel(let spec):
                try enter(.result)
                if let result { throw Diagnostic("a pipeline has one of metric, retention or funnel; this one already has `\(result.kind.keyword)`", at: step.span) }
                result = step
                plan.output = .funnel(try funnel(spec, span: step.span))
            case .rows(let n):
                try enter(.result)
                if let result { throw Diagnostic("a pipeline has one of metric, retention, funnel or rows; this one already has `\(result.kind.keyword)`", at: step.span) }
                result = step
                guard case .cohort = plan.source else {
                    plan.output = .rows(RowsPlan(limit: try n.map(count) ?? RowsPlan.defaultLimit, listsCustomers: false, span: step.span))
                    continue
                }
                plan.output = .rows(RowsPlan(limit: try n.map(count) ?? RowsPlan.defaultLimit, listsCustomers: true, span: step.span))
            case .sort(let keys):
                try enter(.post)
                plan.post.append(.sort(keys.map { ($0.column.text, $0.direction?.value == .descending, $0.span) }))
            case .top(let n):
                try enter(.post)
                plan.post.append(.top(try count(n), span: n.span))
            case .limit(let n):
                try enter(.post)
                plan.post.append(.limit(try count(n)))
            case .plot, .export:
                if plan.presentation != .table {
                    throw Diagnostic("a pipeline ends with one of plot or export", at: step.span,
                                     hints: ["run the query twice, or plot it and use .export FILE for the last result"])
                }
                try enter(.presentation)
                if case .export(let path) = step.kind { plan.presentation = .export(path.value, span: step.span) } else { plan.presentation = .plot }
            }
        }
        plan.dimensions = dimensions
        if case .rows(let rows) = plan.output, !dimensions.isEmpty || plan.grouping != nil {
            throw Diagnostic("`rows` lists rows one by one, so it cannot be grouped", at: rows.span ?? pipeline.span,
                             hints: ["drop the `by …`, or count with `metric` instead of listing rows"])
        }
        if case .retention = plan.output, !dimensions.isEmpty {
            throw Diagnostic("retention groups by cohort; use `cohort by …` instead of `by`", at: pipeline.span,
                             hints: ["e.g. cohort by first_purchase period month | retention"])
        }
        return plan
    }

    private func count(_ n: Spanned<Int64>) throws(Diagnostic) -> Int {
        guard n.value > 0, n.value <= StepLimits.rows else { throw Diagnostic("expected 1 to \(StepLimits.rows) rows", at: n.span) }
        return Int(n.value)
    }

    private func cohortFilter(_ filters: [ExpressionNode]) throws(Diagnostic) -> Predicate? {
        var combined: Predicate?
        for filter in filters {
            let predicate = try Predicate.compile(filter, context, preferEvents: false)
            guard predicate.isCustomerLevel else {
                throw Diagnostic("cohort filters choose customers, and this one is about events", at: filter.span,
                                 hints: ["filter events after the source: cohort | where …"])
            }
            if let previous = combined {
                combined = Predicate(isCustomerLevel: true) { previous.test($0, $1) && predicate.test($0, $1) }
            } else {
                combined = predicate
            }
        }
        return combined
    }

    private func cohortGrouping(_ grouping: CohortGrouping) throws(Diagnostic) -> (Dimension, onFirstPurchase: Bool) {
        if grouping.dimension.parts.count == 1, let unit = PeriodUnit(rawValue: grouping.dimension.name.lowercased) {
            throw Diagnostic("cohorts group customers by an attribute; `\(unit.rawValue)` is a period", at: grouping.dimension.span,
                             hints: ["write cohort by signup period \(unit.rawValue) (or first_purchase)"])
        }
        let attribute = try Attribute.resolve(grouping.dimension, in: context.store, preferEvents: false)
        guard attribute.isCustomerLevel else {
            throw Diagnostic("cohorts group customers, and `\(grouping.dimension.text)` is about events", at: grouping.dimension.span,
                             hints: ["cohort by signup, first_purchase, channel or a customers column; group events with `| by …`"])
        }
        let period = grouping.period?.value ?? context.settings.period
        if grouping.period != nil, attribute.kind(in: context.store) != .time {
            throw Diagnostic("`period` applies to dates, and `\(grouping.dimension.text)` is not one", at: grouping.period!.span)
        }
        return (try Dimension.of(attribute, name: "cohort", context, period: period, span: grouping.dimension.span), attribute == .firstPurchase)
    }

    private func metrics(_ names: [Identifier], span: SourceSpan) throws(Diagnostic) -> [Metric] {
        var metrics: [Metric] = []
        for name in names {
            guard let metric = Metric(rawValue: name.lowercased) else {
                throw Diagnostic.unknown("metric", name.text, at: name.span, among: Metric.names, fallbackHint: "see `help metrics`")
            }
            if metric.needsSpend && !context.store.isLoaded(.spend) {
                throw Diagnostic("\(metric.rawValue) needs a spend table: load spend \"file.csv\"", at: name.span)
            }
            if metric.readsAmount, let missing = MissingAmount(context.store) {
                throw Diagnostic("\(metric.rawValue) needs the amount role, and no events column has it", at: name.span,
                                 hints: missing.hints)
            }
            metrics.append(metric)
        }
        if let special = metrics.first(where: \.hasOwnShape), metrics.count > 1 {
            throw Diagnostic("\(special.rawValue) makes a table of its own; ask for it alone", at: span)
        }
        return metrics
    }

    private func retention(_ options: RetentionOptions, groupingPeriod: PeriodUnit?, anchorOnFirstPurchase: Bool, span: SourceSpan) throws(Diagnostic) -> RetentionPlan {
        var activity = RetentionPlan.Activity.purchase
        var activityName = "purchase"
        switch options.activity?.value {
        case nil, .purchase?: break
        case .anyEvent?: activity = .any; activityName = "any event"
        case .event(let name)?:
            guard let code = context.store.strings.code(of: name.text), context.eventNames.contains(name.text) else {
                throw Diagnostic.unknown("event", name.text, at: name.span, among: context.eventNames)
            }
            activity = .event(code)
            activityName = name.text
        }
        let horizon = try options.horizon.map { n throws(Diagnostic) -> Int in
            guard n.value >= 0, n.value <= StepLimits.horizon else { throw Diagnostic("horizon takes at most \(StepLimits.horizon) periods", at: n.span) }
            return Int(n.value)
        }
        return RetentionPlan(period: options.period?.value ?? groupingPeriod ?? context.settings.period, percent: options.isPercent,
                             activity: activity, activityName: activityName, unbounded: options.isUnbounded, horizon: horizon,
                             anchorOnFirstPurchase: anchorOnFirstPurchase, span: span)
    }

    private func funnel(_ spec: FunnelSpec, span: SourceSpan) throws(Diagnostic) -> FunnelPlan {
        var steps: [(String, FunnelPlan.StepMatch)] = []
        // A name that is both an event and a stage is the event, as in PostHog (`purchase`: every purchase
        // event); `stage purchase` is the stage (the first purchase). Stage steps are labelled `stage …`.
        for (i, name) in spec.steps.enumerated() {
            if spec.stageSteps.contains(i) {
                guard let stage = Stage(named: name.text) else {
                    throw Diagnostic.unknown("stage", name.text, at: name.span, among: Stage.allNames)
                }
                steps.append(("stage " + stage.name, .stage(stage)))
            } else if let code = context.store.strings.code(of: name.text), context.eventNames.contains(name.text) {
                steps.append((name.text, .event(code)))
            } else if let stage = Stage(named: name.text) {
                steps.append(("stage " + stage.name, .stage(stage)))
            } else {
                throw Diagnostic.unknown("stage or event", name.text, at: name.span, among: Stage.allNames + context.eventNames)
            }
        }
        var window: Int64 = 30 * CivilTime.secondsPerDay
        if let written = spec.window {
            guard written.value.value > 0 else { throw Diagnostic("the funnel window must be positive", at: written.span) }
            // Any window longer than recorded history means "no limit"; capping it keeps time arithmetic in range.
            window = min(written.value.approximateSeconds ?? .max, FunnelPlan.longestWindow)
        }
        return FunnelPlan(steps: steps, window: window, order: spec.order?.value ?? .ordered, span: span)
    }
}
