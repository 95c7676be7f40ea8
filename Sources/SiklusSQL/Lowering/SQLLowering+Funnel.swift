import SiklusLanguage
import SiklusPlan

/// `funnel`, as `FunnelAnalysis`: every occurrence of step 1 starts an attempt; each attempt takes the
/// earliest later row matching the next step within the window (`strict`: the very next row); a
/// customer counts at the furthest step of their best attempt (the most steps, then the earliest start).
/// Rows are numbered per customer by time, then file order.
extension SQLLoweringState {
    mutating func funnel(_ plan: LogicalQuery.Funnel, dimensions: [SQLDimensionLowering]) throws(SQLNotExpressible) -> SQLResultShape {
        if let split = plan.split { return try funnelSplit(plan, split, dimensions: dimensions) }
        guard dimensions.allSatisfy(\.isCustomerLevel) else {
            throw SQLNotExpressible("a funnel split by an event dimension (Siklus rejects it too)")
        }
        if funnelChainApplies(plan, stepRows: false) && !plan.histogram {
            // The groups' labels ride along the chain: the step rows then read no customers CTE again
            // (on Spark a second read of it is a cached view and a join).
            let best = try funnelChainBest(plan, labels: dimensions.map { $0.label("p") }).best
            return funnelStepRows(plan, dimensions: dimensions, best: best, labelsInBest: true)
        }
        let best = try funnelBest(plan)
        if plan.histogram { return try funnelConversionTimes(plan, best: best) }
        return funnelStepRows(plan, dimensions: dimensions, best: best)
    }

    /// The step rows over `best` (read as `b`, joined to the customers as `p`, or with `labelsInBest`
    /// reading the labels from its `label_<i>` columns), grouped by `dimensions`.
    mutating func funnelStepRows(_ plan: LogicalQuery.Funnel, dimensions: [SQLDimensionLowering], best: String,
                                 labelsInBest: Bool = false) -> SQLResultShape {
        let n = plan.steps.count
        // Days between steps: from the previous step, or (any order) from the earliest step of the attempt.
        let start = SQLExpression.call("least", (1...n).map { $0 == 1 ? .col("b", "t1") : .caseWhen([SQLWhen(.binary(.col("b", "level"), .greaterEqual, .integer(Int64($0))), .col("b", "t\($0)"))], else: nil) })
        let labels = labelsInBest ? dimensions.indices.map { .col("b", "label_\($0 + 1)") } : dimensions.map { $0.label("p") }
        var columns: [SQLSelectItem] = zip(labels, dimensions).map { .named($0, $1.name) }
        for s in 1...n {
            let reachedStep = SQLExpression.binary(.col("b", "level"), .greaterEqual, .integer(Int64(s)))
            columns.append(.named(.countAll(where: reachedStep), "reached_\(s)"))
            if s > 1 {
                let from = plan.order == .anyOrder ? start : .col("b", "t\(s - 1)")
                let days = SQLExpression.binary(.binary(.library(.epochSeconds, [.col("b", "t\(s)")]), .minus, .library(.epochSeconds, [from])), .divide, .number(86_400))
                columns.append(.named(.aggregate(.median, days, where: reachedStep), "days_\(s)"))
                if plan.quantiles { columns += funnelTimeQuantiles(days, where: reachedStep, step: s) }
            }
        }
        let reached = builder.add("reached", "   … counted per group: customers reaching at least each step, and the median days to it", SQLSelect(
            columns, from: .table(best, alias: "b"),
            joins: labelsInBest ? [] : [SQLJoin(.inner, .table(customers, alias: "p"), .on(.equal(.col("p", "customer_id"), .col("b", "customer_id"))))],
            groupBy: labels))

        // One row per group and step from one read of `reached`, joined to the steps' numbers and labels: a
        // UNION ALL of a read per step made Spark, which evaluates a CTE at every reference, cache `reached`
        // as a view (a statement and a job more than the one query).
        let dims = dimensions.map(\.name)
        let steps = SQLTableReference.values(plan.steps.enumerated().map { [.integer(Int64($0.offset + 1)), .text($0.element.label)] },
                                             alias: "s", columns: ["step_no", "step"])
        /// The value of the row's step: `value(s)` for step s.
        func perStep(_ value: (Int) -> SQLExpression) -> SQLExpression {
            n == 1 ? value(1) : .caseWhen((1..<n).map { SQLWhen(.equal(.col("s", "step_no"), .integer(Int64($0))), value($0)) }, else: value(n))
        }
        let count = { (s: Int) in SQLExpression.col("r", "reached_\(s)") }
        let quantileItems: [SQLSelectItem] = plan.quantiles ? Self.funnelTimeQuantileNames.indices.map { q in
            .named(perStep { funnelTimeQuantileValues(step: $0, table: "r")[q] }, Self.funnelTimeQuantileNames[q])
        } : []
        let row = SQLSelect(dims.map { .column($0, table: "r") } + [
            .column("step_no", table: "s"), .column("step", table: "s"),
            .named(perStep(count), "customers"),
            .named(perStep { .binary(.safeDivide(count($0), count(max(1, $0 - 1))), .times, .integer(100)) }, "from_previous"),
            .named(perStep { .binary(.safeDivide(count($0), count(1)), .times, .integer(100)) }, "from_first"),
            .named(perStep { $0 == 1 ? .cast(.null, .double) : .col("r", "days_\($0)") }, "median_days"),
        ] + quantileItems, from: .table(reached, alias: "r"), joins: [SQLJoin(.cross, steps)])
        let title = ResultTitle.funnel(window: plan.window, order: plan.order)
        return SQLResultShape(select: SQLQuery(row), columns: dims + ["step_no", "step", "customers", "from_previous", "from_first", "median_days"]
                                + (plan.quantiles ? Self.funnelTimeQuantileNames : []),
                              order: dimensions.flatMap(\.order) + [SQLOrderTerm(.column("step_no"))], hidden: ["step_no"], measure: "median_days",
                              textColumns: Set(dims + ["step"]),
                              reading: .table(units: dims.map { _ in .text } + [.text, .count, .percent, .percent, .days]
                                                 + (plan.quantiles ? Self.funnelTimeQuantileNames.map { _ in .days } : []), shape: .funnel, title: title))
    }

    /// `funnel_events` … `best`: each customer's best attempt (`customer_id`, its start, `t1`…`tn`, `level`);
    /// returns the name of `best`.
    mutating func funnelBest(_ plan: LogicalQuery.Funnel) throws(SQLNotExpressible) -> String {
        try funnelBest(plan, eventItems: []).best
    }

    /// `funnelBest`, with `eventItems` added to `funnel_events` (over the events as `e`); with any, `best`
    /// also keeps each step's row `n1` … `nn` (NULL or, in any order, meaningless past `level`). Returns
    /// the names of `best` and `funnel_events`.
    mutating func funnelBest(_ plan: LogicalQuery.Funnel, eventItems: [SQLSelectItem]) throws(SQLNotExpressible) -> (best: String, events: String) {
        let n = plan.steps.count
        let stepRows = !eventItems.isEmpty
        if funnelChainApplies(plan, stepRows: stepRows) { return try funnelChainBest(plan) }
        let window = SQLExpression.library(.interval(seconds: plan.window), [])
        var items: [SQLSelectItem] = [.column("customer_id", table: "e"), .column("ts", table: "e"),
                                      .named(.window(.call("row_number", []), SQLWindow(partitionBy: [.col("e", "customer_id")],
                                                                                        orderBy: [SQLOrderTerm(.col("e", "ts")), SQLOrderTerm(.col("e", "row_no"))])), "n")]
        for i in plan.steps.indices { items.append(.named(funnelStepMatch(plan, i), "step_\(i + 1)")) }
        items += funnelExclusionItems(plan) + eventItems
        let funnelEvents = builder.add("funnel_events", "funnel: each customer's in-scope events in time order (n), with the steps each matches",
                                       SQLSelect(items, from: try funnelEventSource(plan),
                                                 joins: [SQLJoin(.inner, .table(customers, alias: "p"), .on(.equal(.col("p", "customer_id"), .col("e", "customer_id"))))],
                                                 where: funnelLineItemRows("e")))
        var attempts = plan.order == .anyOrder
            ? anyOrderAttempts(n: n, from: funnelEvents, window: window, rows: !plan.exclusions.isEmpty || stepRows)
            : orderedAttempts(n: n, from: funnelEvents, window: window, strict: plan.order == .strict)
        let attemptColumns = ["customer_id", plan.order == .anyOrder ? "n0" : "n1"] + (1...n).map { "t\($0)" } + ["level"]
            + (stepRows ? Array((plan.order == .anyOrder ? 1 : 2)...n) : []).map { "n\($0)" }
        let first = plan.order == .anyOrder ? "n0" : "n1"
        if !plan.exclusions.isEmpty { attempts = withoutSpoiltAttempts(plan, attempts: attempts, start: first, funnelEvents: funnelEvents) }
        let ranked = SQLQuery(SQLSelect(attemptColumns.map { .column($0) } + [.named(.window(.call("row_number", []), SQLWindow(
            partitionBy: [.column("customer_id")], orderBy: [SQLOrderTerm(.column("level"), descending: true), SQLOrderTerm(.column(first))])), "attempt_rank")],
            from: .table(attempts, alias: nil), where: .binary(.column("level"), .greater, .integer(0))))
        // Split funnels join `best` back to `funnel_events`: PostgreSQL estimates `= 1` on a window column
        // at one row and nested-loops that join (28 s on the demo); `<= 1`, the same rows, keeps a hash join (0.2 s).
        let isBest = SQLExpression.binary(.column("attempt_rank"), stepRows ? .lessEqual : .equal, .integer(1))
        let best = builder.add("best", "   … each customer's best attempt: the most steps, then the earliest start", SQLSelect(
            attemptColumns.map { .column($0) }, from: .subquery(ranked, alias: "r"), where: isBest))
        return (best, funnelEvents)
    }

    /// `step_1` … `step_n` and `attempts` for ordered and strict funnels; returns the name of `attempts`.
    private mutating func orderedAttempts(n: Int, from funnelEvents: String, window: SQLExpression, strict: Bool) -> String {
        var previous = builder.add("step_1", "   … every occurrence of step 1 starts an attempt", SQLSelect(
            [.column("customer_id"), .named(.column("n"), "n1"), .named(.column("ts"), "t1")], from: .table(funnelEvents, alias: nil), where: .column("step_1")))
        var carried = ["customer_id", "n1", "t1"]
        for s in 2...n {
            let next: SQLExpression = strict ? .equal(.col("f", "n"), .binary(.col("s", "n\(s - 1)"), .plus, .integer(1)))
                                             : .binary(.col("f", "n"), .greater, .col("s", "n\(s - 1)"))
            let on = SQLExpression.and([.equal(.col("f", "customer_id"), .col("s", "customer_id")), .col("f", "step_\(s)"), next,
                                        .binary(.col("f", "ts"), .lessEqual, .binary(.col("s", "t1"), .plus, window))])
            previous = builder.add("step_\(s)", strict ? "   … the very next event, if it is step \(s), within the window" : "   … the earliest later event that is step \(s), within the window of step 1", SQLSelect(
                carried.map { .column($0, table: "s") } + [.named(.aggregate(.min, .col("f", "n")), "n\(s)"), .named(.aggregate(.min, .col("f", "ts")), "t\(s)")],
                from: .table(previous, alias: "s"), joins: [SQLJoin(.left, .table(funnelEvents, alias: "f"), .on(on))],
                groupBy: carried.map { .column($0, table: "s") }))
            carried += ["n\(s)", "t\(s)"]
        }
        let level = (2...n).reduce(SQLExpression.integer(1)) { sum, s in
            .binary(sum, .plus, .caseWhen([SQLWhen(.isNull(.column("n\(s)"), negated: true), .integer(1))], else: .integer(0)))
        }
        return builder.add("attempts", "   … an attempt reaches as many steps as it found", SQLSelect(
            carried.map { .column($0) } + [.named(level, "level")], from: .table(previous, alias: nil)))
    }

    /// `starts`, `found` and `attempts` for `any order`: from each event that is some step, the first
    /// time each step occurs within the window; the attempt reaches steps 1…k when all of them occur.
    /// `rows`: also `n1` … `nn`, the row of each step's first occurrence (for exclusions).
    private mutating func anyOrderAttempts(n: Int, from funnelEvents: String, window: SQLExpression, rows: Bool) -> String {
        let starts = builder.add("starts", "   … every event that is any step starts an attempt", SQLSelect(
            [.column("customer_id"), .named(.column("n"), "n0"), .named(.column("ts"), "t0")], from: .table(funnelEvents, alias: nil),
            where: .or((1...n).map { .column("step_\($0)") })))
        let on = SQLExpression.and([.equal(.col("f", "customer_id"), .col("s", "customer_id")), .binary(.col("f", "n"), .greaterEqual, .col("s", "n0")),
                                    .binary(.col("f", "ts"), .lessEqual, .binary(.col("s", "t0"), .plus, window))])
        let found = builder.add("found", "   … the first time each step occurs within the window of the start", SQLSelect(
            [.column("customer_id", table: "s"), .column("n0", table: "s")] + (1...n).map { .named(.aggregate(.min, .col("f", "ts"), where: .col("f", "step_\($0)")), "t\($0)") }
                + (rows ? (1...n).map { .named(.aggregate(.min, .col("f", "n"), where: .col("f", "step_\($0)")), "n\($0)") } : []),
            from: .table(starts, alias: "s"), joins: [SQLJoin(.inner, .table(funnelEvents, alias: "f"), .on(on))],
            groupBy: [.col("s", "customer_id"), .col("s", "n0")]))
        let level = SQLExpression.caseWhen((1...n).map { SQLWhen(.isNull(.column("t\($0)"), negated: false), .integer(Int64($0 - 1))) }, else: .integer(Int64(n)))
        return builder.add("attempts", "   … an attempt reaches steps 1…k when all of them occur", SQLSelect(
            [.all(table: nil), .named(level, "level")], from: .table(found, alias: nil)))
    }
}
