import SiklusLanguage

/// A funnel's alternatives, step filters and exclusions, checked against the catalog.
extension PipelineBinder {
    func bindFunnelParts(_ spec: FunnelSpec, into funnel: inout LogicalQuery.Funnel) throws(Diagnostic) {
        funnel.quantiles = spec.quantiles != nil
        for (i, more) in spec.alternatives.sorted(by: { $0.key < $1.key }) {
            var labels = [funnel.steps[i].label]
            for alternative in more {
                let (label, match) = try funnelMatch(alternative.name, isStage: alternative.isStage)
                labels.append(label)
                funnel.steps[i].alternatives.append(match)
            }
            funnel.steps[i].label = "(" + labels.joined(separator: ", ") + ")"
        }
        for (i, condition) in spec.filters.sorted(by: { $0.key < $1.key }) {
            let filter = try filters.bind(condition, preferEvents: true)
            // A step is one event: a customer attribute would hold for every row or none, and reads as a cohort filter.
            if let attribute = filter.attributes.first(where: \.isCustomerLevel) {
                throw Diagnostic(MessageCatalog.text("funnel.step_where_customer", ["column": LogicalPlanPrinter.name(attribute, catalog)]), at: condition.span,
                                 hints: [MessageCatalog.text("funnel.step_where_customer_hint", ["condition": SyntaxPrinter.inline(condition)])])
            }
            funnel.steps[i].filter = filter
            funnel.steps[i].label += " where " + SyntaxPrinter.inline(condition)
        }
        let n = funnel.steps.count
        guard spec.exclusions.isEmpty || (spec.exclusions.count <= LogicalQuery.Funnel.maxExclusions && n + spec.exclusions.count <= 31) else {
            throw Diagnostic(MessageCatalog.text("funnel.too_many_exclusions", ["max": String(LogicalQuery.Funnel.maxExclusions)]),
                             at: funnel.span, hints: [MessageCatalog.text("funnel.too_many_exclusions_hint")])
        }
        let stepMatches = Set(funnel.steps.indices.flatMap(funnel.matches))
        for exclusion in spec.exclusions {
            let (label, match) = try funnelMatch(exclusion.name, isStage: exclusion.isStage)
            if stepMatches.contains(match) {
                throw Diagnostic(MessageCatalog.text("funnel.excluded_step", ["label": label]), at: exclusion.name.span,
                                 hints: [MessageCatalog.text("funnel.excluded_step_hint")])
            }
            var range = 1...n
            if let between = exclusion.between {
                guard between.value.upperBound <= n else {
                    let arguments: KeyValuePairs<String, String> = ["count": String(n), "low": String(between.value.lowerBound), "high": String(between.value.upperBound)]
                    throw Diagnostic(MessageCatalog.text("funnel.between_range", arguments), at: between.span,
                                     hints: [MessageCatalog.text("funnel.between_range_hint", arguments)])
                }
                range = between.value
            }
            funnel.exclusions.append(.init(match: match, label: label, from: range.lowerBound - 1, to: range.upperBound - 1))
        }
    }
}

extension PipelineBinder {
    /// `funnel … | dropped N`: the funnel (the pipeline's result so far) turns into a scope step keeping the
    /// customers who reached step N and not N + 1; until another result step comes, the pipeline lists them.
    func bindDropOff(_ n: Spanned<Int64>, into query: inout LogicalQuery, span: SourceSpan) throws(Diagnostic) {
        guard case .funnel(let funnel) = query.analysis, query.post.isEmpty, query.presentation == .table else {
            throw Diagnostic(MessageCatalog.text("funnel.dropped_after_funnel"), at: span, hints: [MessageCatalog.text("funnel.dropped_after_funnel_hint")])
        }
        guard n.value < funnel.steps.count else {
            throw Diagnostic(MessageCatalog.text("funnel.dropped_range", ["n": String(n.value), "count": String(funnel.steps.count)]), at: n.span,
                             hints: [MessageCatalog.text("funnel.dropped_range_hint", ["last": String(funnel.steps.count - 1)])])
        }
        query.scope.append(.funnelDropOff(funnel, step: Int(n.value), span: span))
        query.spendScope.append(.other("funnel … | dropped \(n.value)"))
        query.analysis = .rows(LogicalQuery.Rows(limit: LogicalQuery.Rows.defaultLimit, listsCustomers: true, span: span))
    }
}

extension PipelineBinder {
    /// `funnel … | histogram`: one distribution over the scope, so no groups.
    func bindHistogram(into query: inout LogicalQuery, span: SourceSpan) throws(Diagnostic) {
        guard case .funnel(var funnel) = query.analysis, query.post.isEmpty, !funnel.histogram else {
            throw Diagnostic(MessageCatalog.text("funnel.histogram_after_funnel"), at: span, hints: [MessageCatalog.text("funnel.histogram_after_funnel_hint")])
        }
        guard query.grouping == nil, query.dimensions.isEmpty else {
            throw Diagnostic(MessageCatalog.text("funnel.histogram_grouped"), at: span, hints: [MessageCatalog.text("funnel.histogram_grouped_hint")])
        }
        funnel.histogram = true
        query.analysis = .funnel(funnel)
    }
}
