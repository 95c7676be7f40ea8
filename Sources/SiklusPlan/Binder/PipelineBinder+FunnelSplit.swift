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
            throw Diagnostic("`attribution step \(n)`: this funnel has \(funnel.steps.count) steps", at: attribution.span,
                             hints: ["choose a step from 1 to \(funnel.steps.count)"])
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
                throw Diagnostic("`attribution` picks the event whose value groups a customer, and this funnel is not split by an events column",
                                 at: funnel.span ?? query.span,
                                 hints: ["add a breakdown: `funnel visit -> purchase by platform attribution last`"])
            }
            return
        }
        if eventDimensions.count > 1 {
            throw Diagnostic("a funnel splits by at most one events column or period; this one has `\(eventDimensions[0].name)` and `\(eventDimensions[1].name)`",
                             at: eventDimensions[1].span ?? query.span, hints: ["keep one; customer attributes (channel, country…) may be added"])
        }
        query.dimensions = query.dimensions.filter(\.isCustomerLevel) + [dimension]
        if case .eventTime = dimension.kind {
            if attributed {
                throw Diagnostic("funnel trends count each customer in the period of their entry, so `attribution` does not apply",
                                 at: funnel.span ?? query.span,
                                 hints: ["drop `attribution`, or break down by an events column: `by platform attribution last`"])
            }
            if funnel.quantiles {
                throw Diagnostic("funnel trends count customers per period and have no time columns, so `quantiles` does not apply",
                                 at: funnel.span ?? query.span, hints: ["drop `quantiles`, or drop `by \(dimension.name)` for the time to convert"])
            }
            funnel.split = .trends
        } else if funnel.split == nil {
            funnel.split = .breakdown(.first)
        }
        query.analysis = .funnel(funnel)
    }
}
