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
                throw Diagnostic("a funnel step's `where` reads event columns only; \(LogicalPlanPrinter.name(attribute, catalog)) is the customer's",
                                 at: condition.span, hints: ["filter customers before the funnel: `… | where \(SyntaxPrinter.inline(condition)) | funnel …`"])
            }
            funnel.steps[i].filter = filter
            funnel.steps[i].label += " where " + SyntaxPrinter.inline(condition)
        }
        let n = funnel.steps.count
        guard spec.exclusions.isEmpty || (spec.exclusions.count <= LogicalQuery.Funnel.maxExclusions && n + spec.exclusions.count <= 31) else {
            throw Diagnostic("a funnel takes at most \(LogicalQuery.Funnel.maxExclusions) exclusions, and 31 steps and exclusions together",
                             at: funnel.span, hints: ["merge exclusions or drop some steps"])
        }
        let stepMatches = Set(funnel.steps.indices.flatMap(funnel.matches))
        for exclusion in spec.exclusions {
            let (label, match) = try funnelMatch(exclusion.name, isStage: exclusion.isStage)
            if stepMatches.contains(match) {
                throw Diagnostic("`\(label)` is a step of this funnel and cannot be excluded", at: exclusion.name.span,
                                 hints: ["exclude an event that is no step (PostHog refuses this too)"])
            }
            var range = 1...n
            if let between = exclusion.between {
                guard between.value.upperBound <= n else {
                    throw Diagnostic("this funnel has \(n) steps; `between \(between.value.lowerBound) and \(between.value.upperBound)` names step \(between.value.upperBound)",
                                     at: between.span, hints: ["steps are numbered 1 to \(n)"])
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
            throw Diagnostic("`dropped` follows a funnel step", at: span,
                             hints: ["for example `cohort | funnel visit -> add_to_cart -> purchase | dropped 2`"])
        }
        guard n.value < funnel.steps.count else {
            throw Diagnostic("`dropped \(n.value)` needs a step after step \(n.value); this funnel has \(funnel.steps.count) steps",
                             at: n.span, hints: ["customers who dropped off after step N reached N but not N + 1: N is 1 to \(funnel.steps.count - 1)"])
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
            throw Diagnostic("`histogram` follows a funnel step", at: span,
                             hints: ["for example `cohort | funnel visit -> purchase within 7d | histogram`"])
        }
        guard query.grouping == nil, query.dimensions.isEmpty else {
            throw Diagnostic("a funnel's histogram is one distribution and cannot be grouped", at: span,
                             hints: ["drop the `by …` (or `cohort by …`), or narrow the customers with `where`"])
        }
        funnel.histogram = true
        query.analysis = .funnel(funnel)
    }
}
