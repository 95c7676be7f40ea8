import SiklusLanguage
import SiklusPlan

/// A funnel split by one event-level dimension, as `FunnelSplitTable`: each customer's best attempt
/// (`funnelBest`, keeping each step's row `n1` … `nn`) is joined back to the one row of `funnel_events`
/// whose label groups the customer (the attributed step's row; trends: the entry row), then counted as
/// the plain funnel (`funnelStepRows`) or as trends (`funnelTrendRows`).
extension SQLLoweringState {
    mutating func funnelSplit(_ plan: LogicalQuery.Funnel, _ split: LogicalQuery.Funnel.Split,
                              dimensions: [SQLDimensionLowering]) throws(SQLNotExpressible) -> SQLResultShape {
        guard let splitDimension = dimensions.last, !splitDimension.isCustomerLevel, dimensions.dropLast().allSatisfy(\.isCustomerLevel) else {
            throw SQLNotExpressible("a funnel split by more than one event dimension (Siklus rejects it too)")
        }
        let (best, events) = try funnelBest(plan, eventItems: [.named(splitDimension.label("e"), "split_label")])
        let row = funnelAttributedRow(plan, split.attribution)
        let splitRows = builder.add("split_rows", "   … each customer's \(splitDimension.name) on the row of their attempt that groups them", SQLSelect(
            [.all(table: "b"), .named(.coalesce(.col("f", "split_label"), .text("(none)")), "split_label")],
            from: .table(best, alias: "b"),
            joins: [SQLJoin(.left, .table(events, alias: "f"), .on(.and([.equal(.col("f", "customer_id"), .col("b", "customer_id")),
                                                                          .equal(.col("f", "n"), row)])))]))
        // The label is a column of `split_rows` from here on, read for each customer as a customer dimension.
        let grouped = SQLDimensionLowering(name: splitDimension.name, kind: splitDimension.kind, isCustomerLevel: true,
                                           label: { _ in .col("b", "split_label") })
        let customerDimensions = Array(dimensions.dropLast())
        if case .trends = split { return funnelTrendRows(plan, period: grouped, dimensions: customerDimensions, best: splitRows) }
        return funnelStepRows(plan, dimensions: customerDimensions + [grouped], best: splitRows)
    }

    /// The row (`n`) of `best` (as `b`) that groups a customer: step 1's (`first`), the furthest step's
    /// (`last`), step N's (NULL when not reached); any order: the earliest and latest rows of the reached steps.
    private func funnelAttributedRow(_ plan: LogicalQuery.Funnel, _ attribution: FunnelAttribution) -> SQLExpression {
        let n = plan.steps.count
        let reached = { (s: Int) -> SQLExpression in .binary(.col("b", "level"), .greaterEqual, .integer(Int64(s))) }
        let rowIfReached = { (s: Int) -> SQLExpression in .caseWhen([SQLWhen(reached(s), .col("b", "n\(s)"))], else: nil) }
        switch attribution {
        case .first where plan.order != .anyOrder: return .col("b", "n1")
        case .first: return .call("least", (1...n).map(rowIfReached))
        case .last where plan.order != .anyOrder:
            return .caseWhen((1...n).map { SQLWhen(.equal(.col("b", "level"), .integer(Int64($0))), .col("b", "n\($0)")) }, else: nil)
        case .last: return .call("greatest", (1...n).map(rowIfReached))
        case .step(let s): return rowIfReached(s)
        }
    }
}
