import SiklusStore

extension ExampleContributions {
    /// For a funnel split by an event-level dimension (trends, breakdown): which row of the customer's
    /// best attempt groups them, and under which label. Empty for other funnels.
    func funnelSplit(_ funnel: FunnelPlan, _ trace: FunnelTrace) -> String {
        guard let split = funnel.split, let dimension = plan.dimensions.last, !dimension.isCustomerLevel else { return "" }
        let attribution = split.attribution
        let which = switch (split, attribution) {
        case (.trends, _): "the period of the attempt's entry"
        case (_, .first): "the value on the first step's event"
        case (_, .last): "the value on the furthest step's event"
        case (_, .step(let n)): "the value on step \(n)'s event"
        }
        guard let position = FunnelSplitTable.attributedPosition(trace.reach.rows, level: trace.reach.level, attribution, order: funnel.order) else {
            return "\n→ counted under \(dimension.name) \(Dimension.noneLabel): \(which), and the attempt did not reach that step"
        }
        let row = trace.storeRows[position]
        let label = dimension.labels[dimension.key(customer.code, row)]
        return "\n→ counted under \(dimension.name) \(label): \(which) (\(customer.describe(row)))"
    }
}
