import SiklusLanguage

/// Resolves a parsed pipeline against a `Catalog` into a `LogicalQuery`: sources, stages, columns, metrics
/// and options. Every mistake becomes a `Diagnostic` at the offending token, with the nearest valid names.
/// Checks that need the data (distinct values to group by, result sizes) are the backends'.
public struct Binder: Sendable {
    /// What the names are resolved against.
    public let catalog: Catalog

    /// A binder over `catalog`.
    public init(catalog: Catalog) { self.catalog = catalog }

    /// Binds `pipeline` (a `let` variable already expanded).
    public func bind(_ pipeline: Pipeline) throws(Diagnostic) -> LogicalQuery {
        // Derives are bound first, each against the columns before it, so every other step can read them.
        var catalog = self.catalog
        var derives: [DeriveStep] = []
        for step in pipeline.steps {
            guard case .derive(let spec) = step.kind else { continue }
            let (derive, next) = try DeriveBinder.bind(spec, span: step.span, in: catalog)
            derives.append(derive)
            catalog = next
        }
        return try PipelineBinder(catalog: catalog).bind(pipeline, derives: derives)
    }

    /// Binds one `where` condition, as the pipeline's `where` steps are bound.
    public func condition(_ node: ExpressionNode) throws(Diagnostic) -> RowFilter {
        try FilterBinder(catalog: catalog).bind(node, preferEvents: true)
    }
}

/// The steps after the derives: the pipeline's phases in order, each step bound in turn.
struct PipelineBinder {
    let catalog: Catalog
    var filters: FilterBinder { FilterBinder(catalog: catalog) }
    var settings: SessionSettings { catalog.settings }

    func bind(_ pipeline: Pipeline, derives: [DeriveStep]) throws(Diagnostic) -> LogicalQuery {
        var query = LogicalQuery(source: .events, derives: derives, settings: settings, stageMap: catalog.stageMap, span: pipeline.span)
        var anchorsOnFirstPurchase = false
        var groupingPeriod: PeriodUnit?
        switch pipeline.source.kind {
        case .events:
            query.source = .events
        case .cohort(let cohort):
            query.source = .cohort(filter: try behaviourFilter(cohort.behaviours, and: try cohortFilter(cohort.filters)))
            query.spendScope += cohort.filters.map { .other("cohort " + SyntaxPrinter.inline($0)) }
            query.spendScope += cohort.behaviours.map { .other("cohort " + $0.text) }
            if let grouping = cohort.grouping {
                let bound = try cohortGrouping(grouping)
                query.grouping = bound
                anchorsOnFirstPurchase = bound.anchorsOnFirstPurchase
                if bound.dimension.period != nil { groupingPeriod = grouping.period?.value ?? settings.period }
            }
        case .variable(let name):
            throw Diagnostic.unknown("statement or variable", name.text, at: name.span, among: Keywords.statements)
        }

        enum Phase: Int { case scope, result, post, presentation }
        var phase = Phase.scope
        var phaseStep: StepNode?
        var result: StepNode?
        for step in pipeline.steps {
            func enter(_ next: Phase) throws(Diagnostic) {
                guard next.rawValue >= phase.rawValue else {
                    throw Diagnostic(MessageCatalog.text("bind.step_order", ["step": step.kind.keyword, "later": phaseStep?.kind.keyword ?? ""]), at: step.span,
                                     hints: [MessageCatalog.text("bind.step_order_hint")])
                }
                if next.rawValue > phase.rawValue { phaseStep = step }
                phase = next
            }
            func enterResult(_ alternatives: [String]) throws(Diagnostic) {
                try enter(.result)
                if let result {
                    let choices = alternatives.dropLast().joined(separator: ", ") + " " + MessageCatalog.text("parse.word.or") + " " + (alternatives.last ?? "")
                    throw Diagnostic(MessageCatalog.text("bind.one_result", ["choices": choices, "step": result.kind.keyword]), at: step.span)
                }
                result = step
            }
            switch step.kind {
            case .derive:
                // Bound before the other steps (see `Binder.bind`).
                try enter(.scope)
            case .stage(let name):
                try enter(.scope)
                guard let stage = Stage(named: name.text) else {
                    throw Diagnostic.unknown("stage", name.text, at: name.span, among: Stage.allNames,
                                             fallbackHint: MessageCatalog.text("bind.stages", ["stages": Stage.allCases.map(\.name).joined(separator: ", ")]))
                }
                query.scope.append(.stage(stage, span: step.span))
                query.spendScope.append(.other(SyntaxPrinter.step(step.kind)))
            case .filter(let condition):
                try enter(.scope)
                let filter = try filters.bind(condition, preferEvents: true)
                query.scope.append(.filter(filter, span: step.span))
                query.spendScope.append(.condition(filter, written: SyntaxPrinter.step(step.kind)))
            case .groupBy(let names):
                if case .customerValue(var value) = query.analysis, value.kind == .rfm {
                    value.groups += try rfmGroups(names)
                    query.analysis = .customerValue(value)
                    continue
                }
                // `by` may come before or after the metric step, but not after sort/top/limit.
                if phase.rawValue > Phase.result.rawValue { try enter(.scope) }
                for name in names {
                    // The source's cohorts are always the first dimension; `by cohort` just says so.
                    if name.parts.count == 1, name.name.lowercased == "cohort", query.grouping != nil { continue }
                    query.dimensions.append(try dimension(name))
                }
            case .metrics(let names):
                if case .customerValue(var value) = query.analysis, value.kind == .rfm, value.metrics == nil {
                    value.metrics = try metrics(names, span: step.span)   // `rfm | by segment | metric …`
                    try rejectMetricOptions(step.metricOptions, after: "rfm")
                    query.analysis = .customerValue(value)
                    continue
                }
                try enterResult(["metric", "retention", "funnel"])
                query.analysis = .metrics(try metrics(names, span: step.span), span: step.span)
                query.metricOptions = try metricOptions(step.metricOptions, for: query.analysis)
            case .retention(let options):
                try enterResult(["metric", "retention", "funnel"])
                query.analysis = .retention(try retention(options, groupingPeriod: groupingPeriod, anchorsOnFirstPurchase: anchorsOnFirstPurchase,
                                                          span: step.span))
            case .funnel(let spec):
                try enterResult(["metric", "retention", "funnel"])
                query.analysis = .funnel(try funnel(spec, span: step.span))
                try bindFunnelGrouping(spec, into: &query)
            case .paths(let spec):
                try enterResult(["metric", "retention", "funnel", "paths", "rows"])
                query.analysis = .paths(try paths(spec, span: step.span))
            case .lifecycleTrend(let options):
                try enterResult(["metric", "retention", "funnel", "lifecycle", "stickiness"])
                query.analysis = .lifecycleTrend(try lifecycleTrend(options, scope: query.scope, span: step.span))
            case .stickiness(let options):
                try enterResult(["metric", "retention", "funnel", "lifecycle", "stickiness"])
                query.analysis = .stickiness(stickiness(options, scope: query.scope, span: step.span))
            case .rows(let n):
                try enterResult(["metric", "retention", "funnel", "rows"])
                let listsCustomers = if case .cohort = query.source { true } else { false }
                query.analysis = .rows(LogicalQuery.Rows(limit: try n.map(count) ?? LogicalQuery.Rows.defaultLimit, listsCustomers: listsCustomers,
                                                         span: step.span))
            case .customerValue(let spec):
                try enterResult(["metric", "retention", "funnel", "rows", "rfm", "clv"])
                query.analysis = .customerValue(try customerValue(spec, span: step.span))
            case .histogram:
                try bindHistogram(into: &query, span: step.span)
            case .dropped(let n):
                // The funnel becomes a scope step; what follows (a metric, another funnel…) sees its drop-offs.
                try bindDropOff(n, into: &query, span: step.span)
                (phase, phaseStep, result) = (.scope, nil, nil)
            case .sort(let keys):
                try enter(.post)
                query.post.append(.sort(keys.map { LogicalQuery.SortKey(column: query.sortColumn($0.column.text), descending: $0.direction?.value == .descending, span: $0.span) }))
            case .top(let n):
                try enter(.post)
                query.post.append(.top(try count(n), span: n.span))
            case .bottom(let n):
                try enter(.post)
                query.post.append(.bottom(try count(n), span: n.span))
            case .limit(let n):
                try enter(.post)
                query.post.append(.limit(try count(n)))
            case .detail:
                try enter(.post)
                try retentionDetail(&query, step: step)
            case .plot, .export:
                if query.presentation != .table {
                    throw Diagnostic(MessageCatalog.text("bind.one_presentation"), at: step.span, hints: [MessageCatalog.text("bind.one_presentation_hint")])
                }
                try enter(.presentation)
                if case .export(let path) = step.kind { query.presentation = .export(path.value, span: step.span) } else { query.presentation = .plot }
            }
        }
        if case .rows(let rows) = query.analysis, rows.listsCustomers, !query.dimensions.isEmpty || query.grouping != nil {
            throw Diagnostic(MessageCatalog.text("funnel.dropped_grouped"), at: rows.span ?? pipeline.span, hints: [MessageCatalog.text("funnel.dropped_grouped_hint")])
        }
        if case .rows(let rows) = query.analysis, !query.dimensions.isEmpty || query.grouping != nil {
            throw Diagnostic(MessageCatalog.text("bind.rows_grouped"), at: rows.span ?? pipeline.span, hints: [MessageCatalog.text("bind.rows_grouped_hint")])
        }
        try checkRetentionGrouping(query)
        if case .customerValue(let value) = query.analysis, !query.dimensions.isEmpty || query.grouping != nil {
            throw Diagnostic(MessageCatalog.text("bind.value_grouped", ["step": value.kind.words]), at: value.span ?? pipeline.span,
                             hints: [MessageCatalog.text("bind.value_grouped_hint")])
        }
        if case .paths(let paths) = query.analysis, !query.dimensions.isEmpty || query.grouping != nil {
            throw Diagnostic(MessageCatalog.text("bind.paths_grouped"), at: paths.span ?? pipeline.span, hints: [MessageCatalog.text("bind.paths_grouped_hint")])
        }
        if case .retention = query.analysis, !query.dimensions.isEmpty {
            throw Diagnostic(MessageCatalog.text("bind.retention_grouped"), at: pipeline.span, hints: [MessageCatalog.text("bind.retention_grouped_hint")])
        }
        try checkTrendGrouping(query)
        try checkFunnelSplit(&query)
        return query
    }

    private func count(_ n: Spanned<Int64>) throws(Diagnostic) -> Int {
        guard n.value > 0, n.value <= StepLimits.rows else { throw Diagnostic(MessageCatalog.text("bind.rows_count", ["max": String(StepLimits.rows)]), at: n.span) }
        return Int(n.value)
    }

    /// The cohort filters, and-ed; each must read only customer attributes.
    private func cohortFilter(_ nodes: [ExpressionNode]) throws(Diagnostic) -> RowFilter? {
        var combined: RowFilter?
        for node in nodes {
            let filter = try filters.bind(node, preferEvents: false)
            guard filter.isCustomerLevel else {
                throw Diagnostic(MessageCatalog.text("bind.cohort_filter_events"), at: node.span, hints: [MessageCatalog.text("bind.cohort_filter_events_hint")])
            }
            combined = combined.map { .and($0, filter) } ?? filter
        }
        return combined
    }

    private func cohortGrouping(_ grouping: CohortGrouping) throws(Diagnostic) -> LogicalQuery.CohortGrouping {
        if grouping.dimension.parts.count == 1, let unit = PeriodUnit(rawValue: grouping.dimension.name.lowercased) {
            throw Diagnostic(MessageCatalog.text("bind.cohort_by_period", ["unit": unit.rawValue]), at: grouping.dimension.span,
                             hints: [MessageCatalog.text("bind.cohort_by_period_hint", ["unit": unit.rawValue])])
        }
        let attribute = try Attribute.resolve(grouping.dimension, in: catalog, preferEvents: false)
        guard attribute.isCustomerLevel else {
            throw Diagnostic(MessageCatalog.text("bind.cohort_by_events", ["name": grouping.dimension.text]), at: grouping.dimension.span,
                             hints: [MessageCatalog.text("bind.cohort_by_events_hint")])
        }
        let isTime = attribute.kind(in: catalog) == .time
        if let period = grouping.period, !isTime {
            throw Diagnostic(MessageCatalog.text("bind.period_not_date", ["name": grouping.dimension.text]), at: period.span)
        }
        let spec = DimensionSpec(.attribute(attribute, period: isTime ? grouping.period?.value ?? settings.period : nil), name: "cohort",
                                 span: grouping.dimension.span)
        return LogicalQuery.CohortGrouping(dimension: spec, anchorsOnFirstPurchase: attribute == .firstPurchase)
    }

    /// The dimension named in a `by` step: a time unit of the event, `stage`, or a column.
    func dimension(_ name: QualifiedName) throws(Diagnostic) -> DimensionSpec {
        if name.parts.count == 1, let unit = PeriodUnit(rawValue: name.name.lowercased) {
            return DimensionSpec(.eventTime(unit), name: unit.rawValue, span: name.span)
        }
        if name.parts.count == 1, name.name.lowercased == "stage" { return DimensionSpec(.stage, name: "stage", span: name.span) }
        if let orderNumber = try orderNumberDimension(name) { return orderNumber }
        if name.parts.count == 1, name.name.lowercased == "cohort" {
            throw Diagnostic(MessageCatalog.text("bind.by_cohort"), at: name.span, hints: [MessageCatalog.text("bind.by_cohort_hint")])
        }
        // Unknown names get suggestions among columns and the grouping words.
        if name.parts.count == 1, (try? Attribute.resolve(name, in: catalog, preferEvents: false)) == nil {
            let words = Attribute.names(in: catalog) + PeriodUnit.allCases.map(\.rawValue) + ["stage", "cohort"]
            throw Diagnostic.unknown("dimension", name.text, at: name.span, among: words,
                                     fallbackHint: MessageCatalog.text("bind.group_by_hint"))
        }
        let attribute = try Attribute.resolve(name, in: catalog, preferEvents: false)
        let period = attribute.kind(in: catalog) == .time ? settings.period : nil
        return DimensionSpec(.attribute(attribute, period: period), name: DimensionHeader.name(of: attribute, written: name), span: name.span)
    }
}
