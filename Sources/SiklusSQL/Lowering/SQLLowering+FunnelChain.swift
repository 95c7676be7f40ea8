import SiklusPlan

/// Best attempts of an ordered funnel from ordered windows instead of joins of step tables (issue 12's
/// engine speed): an attempt from a step-1 row takes, for step k, the first step-k row after its step
/// k−1 row, and stops at the first step past the window (rows are in time order, so the first later
/// match is also the earliest in time: if it is past the window, so is every other). Chaining the first
/// later matches is a window per step: over each customer's rows in reverse time order, the rows before
/// the current one (`SQLWindowFrame.rowsBefore`: an incremental frame) are the later ones, and
/// `c<k>_<j>`, the time of step j ≥ k on the chain that starts at the first step-k row after this one,
/// is the minimum of `c<k+1>_<j>` (and of `ts` for j = k) over those rows that are step k: each chain
/// time only grows with the row it starts from, so the minimum is the first such row's. The range joins
/// of `orderedAttempts` compared each step-1 row with every later row of its customer (quadratic per
/// customer, and on Spark a shuffle per step); this is one sort and n−1 windows over the rows that match
/// a step. Same attempts, levels and times (the dialect matrix, `LoweringEngineTests`).
extension SQLLoweringState {
    /// Whether `funnelChainBest` computes `plan`'s best attempts: ordered (strict needs the very next row,
    /// any order every step from each start), without exclusions (they need each step's row), and with
    /// no step rows asked for (splits).
    func funnelChainApplies(_ plan: LogicalQuery.Funnel, stepRows: Bool) -> Bool {
        plan.order == .ordered && plan.exclusions.isEmpty && !stepRows && plan.steps.count >= 2
    }

    /// `funnel_events` (the in-scope rows matching some step), `chain_<k>` for k = n … 2, `attempts`,
    /// `attempt_levels` and `best` (`customer_id`, `t1` … `tn`, NULL past `level`, `level`, and
    /// `label_<i>`: `labels`, customer-level expressions over the customers as `p`, carried along so the
    /// step rows need not join the customers again). Returns the names of `best` and `funnel_events`.
    /// - Complexity: one sort of the matching rows by customer and time, n−1 windows over them, one
    ///   aggregation of the step-1 rows per customer (n(n+1)/2 minima, no sort); no join but the scope's.
    mutating func funnelChainBest(_ plan: LogicalQuery.Funnel, labels: [SQLExpression] = []) throws(SQLNotExpressible) -> (best: String, events: String) {
        let n = plan.steps.count
        let steps = plan.steps.indices.map { funnelStepMatch(plan, $0) }
        var items: [SQLSelectItem] = [.column("customer_id", table: "e"), .column("ts", table: "e"), .column("row_no", table: "e")]
        for (i, match) in steps.enumerated() { items.append(.named(match, "step_\(i + 1)")) }
        let labelNames = labels.indices.map { "label_\($0 + 1)" }
        items += zip(labels, labelNames).map { .named($0, $1) }
        var filter = SQLExpression.or(steps)
        if let lineItems = funnelLineItemRows("e") { filter = .and([lineItems, filter]) }
        let funnelEvents = builder.add("funnel_events", "funnel: each customer's in-scope events that match a step, with the steps each matches",
                                       SQLSelect(items, from: try funnelEventSource(plan),
                                                 joins: [SQLJoin(.inner, .table(customers, alias: "p"), .on(.equal(.col("p", "customer_id"), .col("e", "customer_id"))))],
                                                 where: filter))
        // Reverse time order: the frame's rows are the later rows of the customer.
        let later = SQLWindow(partitionBy: [.column("customer_id")],
                              orderBy: [SQLOrderTerm(.column("ts"), descending: true, nullsFirst: true),
                                        SQLOrderTerm(.column("row_no"), descending: true, nullsFirst: true)],
                              frame: .rowsBefore)
        var previous = funnelEvents
        for k in stride(from: n, through: 2, by: -1) {
            let chain = (k...n).map { j -> SQLSelectItem in
                let time: SQLExpression = j == k ? .column("ts") : .column("c\(k + 1)_\(j)")
                return .named(.window(.aggregate(.min, .caseWhen([SQLWhen(.column("step_\(k)"), time)], else: nil)), later), "c\(k)_\(j)")
            }
            previous = builder.add("chain_\(k)", "   … per row, the times of steps \(k)…\(n) on the chain from the first later step-\(k) row", SQLSelect(
                [.all(table: nil)] + chain, from: .table(previous, alias: nil)))
        }
        let window = SQLExpression.library(.interval(seconds: plan.window), [])
        let inWindow = (2...n).map { SQLExpression.binary(.column("c2_\($0)"), .lessEqual, .binary(.column("ts"), .plus, window)) }
        let level = inWindow.reduce(SQLExpression.integer(1)) { sum, reached in
            .binary(sum, .plus, .caseWhen([SQLWhen(reached, .integer(1))], else: .integer(0)))
        }
        let attempts = builder.add("attempts", "   … every step-1 row starts an attempt; it reaches the steps its chain finds within the window", SQLSelect(
            [.column("customer_id"), .named(.column("row_no"), "n1"), .named(.column("ts"), "t1")]
                + (2...n).map { .named(.column("c2_\($0)"), "t\($0)") } + [.named(level, "level")] + labelNames.map { .column($0) },
            from: .table(previous, alias: nil), where: .column("step_1")))
        // The best attempt as per-customer aggregates, not a ranking sort: chain times only grow with the
        // start row, so among the attempts reaching at least L steps the earliest start (by time, then file
        // order) has the least time at every step. `a<L>_<k>` is step k's time of the best attempt reaching
        // at least L steps; the customer's level picks its row.
        let minima = (1...n).flatMap { l in (1...l).map { k -> SQLSelectItem in
            .named(.aggregate(.min, .column("t\(k)"), where: l == 1 ? nil : .binary(.column("level"), .greaterEqual, .integer(Int64(l)))), "a\(l)_\(k)")
        } }
        let levels = builder.add("attempt_levels", "   … per customer: the most steps an attempt reaches, and the earliest attempt's times for each number of steps", SQLSelect(
            [.column("customer_id")] + labelNames.map { .column($0) } + [.named(.aggregate(.max, .column("level")), "level")] + minima,
            from: .table(attempts, alias: nil), groupBy: [.column("customer_id")] + labelNames.map { .column($0) }))
        let times = (1...n).map { k -> SQLSelectItem in
            .named(.caseWhen((k...n).map { l in SQLWhen(.equal(.column("level"), .integer(Int64(l))), .column("a\(l)_\(k)")) }, else: nil), "t\(k)")
        }
        let best = builder.add("best", "   … each customer's best attempt: the most steps, then the earliest start", SQLSelect(
            [.column("customer_id")] + times + [.column("level")] + labelNames.map { .column($0) }, from: .table(levels, alias: nil)))
        return (best, funnelEvents)
    }
}
