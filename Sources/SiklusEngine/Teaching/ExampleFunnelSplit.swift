import SiklusLanguage
import SiklusStore

extension ExampleContributions {
    /// For a funnel split by an event-level dimension (trends, breakdown): which row of the customer's
    /// best attempt groups them, and under which label. Empty for other funnels.
    func funnelSplit(_ funnel: FunnelPlan, _ trace: FunnelTrace) -> String {
        guard let split = funnel.split, let dimension = plan.dimensions.last, !dimension.isCustomerLevel else { return "" }
        let attribution = split.attribution
        let which = switch (split, attribution) {
        case (.trends, _): MessageCatalog.text("example.split.entry_period")
        case (_, .first): MessageCatalog.text("example.split.first_step")
        case (_, .last): MessageCatalog.text("example.split.furthest_step")
        case (_, .step(let n)): MessageCatalog.text("example.split.step", ["n": String(n)])
        }
        guard let position = FunnelSplitTable.attributedPosition(trace.reach.rows, level: trace.reach.level, attribution, order: funnel.order) else {
            return "\n" + MessageCatalog.text("example.split.unreached", ["name": dimension.name, "label": Dimension.noneLabel, "which": which])
        }
        let row = trace.storeRows[position]
        let label = dimension.labels[dimension.key(customer.code, row)]
        return "\n" + MessageCatalog.text("example.split.counted", ["name": dimension.name, "label": label, "which": which, "event": customer.describe(row)])
    }
}
