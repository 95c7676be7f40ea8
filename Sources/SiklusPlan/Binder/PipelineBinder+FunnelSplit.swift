import SiklusLanguage

/// A funnel's `by` option and its split by an event-level dimension (trends or breakdown with attribution).
extension PipelineBinder {
    /// `funnel … by week`: the dimensions written inside the funnel, bound as a `by` step before it.
    func bindFunnelGrouping(_ spec: FunnelSpec, into query: inout LogicalQuery) throws(Diagnostic) {
        for name in spec.groupBy {
            if name.parts.count == 1, name.name.lowercased == "cohort", query.grouping != nil { continue }
            query.dimensions.append(try dimension(name))
        }
        guard case .funnel(var funnel) = query.analysis, let attribution = spec.attribution else { return }
        if case .step(let n) = attribution.value, n > funnel.steps.count {
            let arguments: KeyValuePairs<String, String> = ["n": String(n), "count": String(funnel.steps.count)]
            throw Diagnostic(MessageCatalog.text("funnel.attribution_step_range", arguments), at: attribution.span,
                             hints: [MessageCatalog.text("funnel.attribution_step_range_hint", arguments)])
        }
        // Recorded here and checked once the pipeline's dimensions are known (`checkFunnelSplit`).
        funnel.split = .breakdown(attribution.value)
        query.analysis = .funnel(funnel)
    }

    /// A funnel splits by customer dimensions and at most one event-level dimension, which it must be last:
    /// a period (`by week`: trends) or an events column (a breakdown). `attribution` needs the latter.
    func checkFunnelSplit(_ query: inout LogicalQuery) throws(Diagnostic) {
        guard case .funnel(var funnel) = query.analysis, !funnel.histogram else { return }
        let eventDimensions = query.dimensions.filter { !$0.isCustomerLevel }
        let attributed = funnel.split != nil
        guard let dimension = eventDimensions.first else {
            if attributed {
                throw Diagnostic(MessageCatalog.text("funnel.attribution_no_split"), at: funnel.span ?? query.span,
                                 hints: [MessageCatalog.text("funnel.attribution_no_split_hint")])
            }
            return
        }
        if eventDimensions.count > 1 {
            throw Diagnostic(MessageCatalog.text("funnel.two_splits", ["first": eventDimensions[0].name, "second": eventDimensions[1].name]),
                             at: eventDimensions[1].span ?? query.span, hints: [MessageCatalog.text("funnel.two_splits_hint")])
        }
        query.dimensions = query.dimensions.filter(\.isCustomerLevel) + [dimension]
        if case .eventTime = dimension.kind {
            if attributed {
                throw Diagnostic(MessageCatalog.text("funnel.trends_attribution"), at: funnel.span ?? query.span,
                                 hints: [MessageCatalog.text("funnel.trends_attribution_hint")])
            }
            if funnel.quantiles {
                throw Diagnostic(MessageCatalog.text("funnel.trends_quantiles"), at: funnel.span ?? query.span,
                                 hints: [MessageCatalog.text("funnel.trends_quantiles_hint", ["name": dimension.name])])
            }
            funnel.split = .trends
        } else if funnel.split == nil {
            funnel.split = .breakdown(.first)
        }
        query.analysis = .funnel(funnel)
    }
}
