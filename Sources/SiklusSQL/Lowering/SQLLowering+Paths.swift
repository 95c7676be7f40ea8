import SiklusLanguage
import SiklusPlan

/// `paths`, as `PathAnalysis`: each customer's in-scope events by time then file order, cut into
/// sessions at gaps of at least the session gap, runs of one event collapsed (`IS DISTINCT FROM`, so a
/// missing name is a value), cut at the first `from` and the first `to` after it, the first (or, with
/// `to`, last) `steps` events kept, and each transition counted per (step, from, to) with its distinct
/// customers; the top `edges` by count, then step, from and to (byte-wise, missing last).
extension SQLLoweringState {
    mutating func paths(_ plan: LogicalQuery.Paths) -> SQLResultShape {
        let byTime = [SQLOrderTerm(.column("ts")), SQLOrderTerm(.column("row_no"))]
        let perCustomer = SQLWindow(partitionBy: [.column("customer_id")], orderBy: byTime)
        let perSession = SQLWindow(partitionBy: [.column("customer_id"), .column("session")], orderBy: byTime)
        let wholeSession = SQLWindow(partitionBy: [.column("customer_id"), .column("session")])
        let previous = builder.add("path_gaps", "paths: each in-scope event with the time of the customer's previous one", SQLSelect(
            [.column("customer_id"), .column("ts"), .column("row_no"), .column("event"), .named(.window(.call("lag", [.column("ts")]), perCustomer), "previous_ts")],
            from: .table(events, alias: nil)))
        let gap = SQLExpression.binary(.library(.epochSeconds, [.column("ts")]), .minus, .library(.epochSeconds, [.column("previous_ts")]))
        let starts = SQLExpression.caseWhen([SQLWhen(.binary(.isNull(.column("previous_ts"), negated: false), .or, .binary(gap, .greaterEqual, .integer(plan.sessionGap))),
                                                     .integer(1))], else: .integer(0))
        let sessions = builder.add("path_sessions", "   … numbered into sessions: a gap of \(DurationText.compact(plan.sessionGap)) or more starts one", SQLSelect(
            [.column("customer_id"), .column("ts"), .column("row_no"), .column("event"), .named(.window(.aggregate(.sum, starts), perCustomer), "session")],
            from: .table(previous, alias: nil)))
        let marked = SQLQuery(SQLSelect([.column("customer_id"), .column("session"), .column("ts"), .column("row_no"), .column("event"),
                                         .named(.window(.call("row_number", []), perSession), "n"),
                                         .named(.window(.call("lag", [.column("event")]), perSession), "previous_event")],
                                        from: .table(sessions, alias: nil)))
        let collapsed = builder.add("path_items", "   … repeated events collapsed, each kept event numbered in its session", SQLSelect(
            [.column("customer_id"), .column("session"), .column("event"), .named(.window(.call("row_number", []), perSession), "pos")],
            from: .subquery(marked, alias: "m"),
            where: .binary(.equal(.column("n"), .integer(1)), .or, .isDistinctFrom(.column("previous_event"), .column("event"), negated: false))))
        var current = collapsed
        if let from = plan.from {
            let first = SQLExpression.window(.aggregate(.min, .caseWhen([SQLWhen(.equal(.column("event"), .text(from)), .column("pos"))], else: nil)), wholeSession)
            let located = SQLQuery(SQLSelect([.column("customer_id"), .column("session"), .column("event"), .column("pos"), .named(first, "start_pos")],
                                             from: .table(current, alias: nil)))
            current = builder.add("path_from", "   … from the first \(from) of each session (sessions without one dropped)", SQLSelect(
                [.column("customer_id"), .column("session"), .column("event"),
                 .named(.binary(.binary(.column("pos"), .minus, .column("start_pos")), .plus, .integer(1)), "pos")],
                from: .subquery(located, alias: "f"), where: .binary(.column("pos"), .greaterEqual, .column("start_pos"))))
        }
        let steps = Int64(plan.steps)
        if let to = plan.to {
            let end = SQLExpression.window(.aggregate(.min, .caseWhen([SQLWhen(.equal(.column("event"), .text(to)), .column("pos"))], else: nil)), wholeSession)
            let located = SQLQuery(SQLSelect([.column("customer_id"), .column("session"), .column("event"), .column("pos"), .named(end, "end_pos")],
                                             from: .table(current, alias: nil)))
            let shift = SQLExpression.caseWhen([SQLWhen(.binary(.column("end_pos"), .greater, .integer(steps)),
                                                        .binary(.column("end_pos"), .minus, .integer(steps)))], else: .integer(0))
            current = builder.add("path_kept", "   … up to the first \(to), its last \(steps) events (sessions without one dropped)", SQLSelect(
                [.column("customer_id"), .column("session"), .column("event"), .named(.binary(.column("pos"), .minus, shift), "pos")],
                from: .subquery(located, alias: "t"),
                where: .binary(.binary(.column("pos"), .lessEqual, .column("end_pos")), .and, .binary(.column("pos"), .greater, .binary(.column("end_pos"), .minus, .integer(steps))))))
        } else {
            current = builder.add("path_kept", "   … the first \(steps) events of each path", SQLSelect(
                [.column("customer_id"), .column("session"), .column("event"), .column("pos")],
                from: .table(current, alias: nil), where: .binary(.column("pos"), .lessEqual, .integer(steps))))
        }
        let byPosition = SQLWindow(partitionBy: [.column("customer_id"), .column("session")], orderBy: [SQLOrderTerm(.column("pos"))])
        let paired = SQLQuery(SQLSelect([.column("customer_id"), .named(.column("pos"), "step"), .named(.column("event"), "from_event"),
                                         .named(.window(.call("lead", [.column("event")]), byPosition), "to_event"),
                                         .named(.window(.call("lead", [.column("pos")]), byPosition), "next_pos")],
                                        from: .table(current, alias: nil)))
        let edges = builder.add("path_edges", "   … each event paired with the next one on its path: transition `step`", SQLSelect(
            [.column("customer_id"), .column("step"), .column("from_event"), .column("to_event")],
            from: .subquery(paired, alias: "x"), where: .isNull(.column("next_pos"), negated: true)))
        let order = [SQLOrderTerm(.column("count"), descending: true), SQLOrderTerm(.column("step")),
                     SQLOrderTerm(.column("from"), isText: true), SQLOrderTerm(.column("to"), isText: true)]
        let counted = builder.add("path_counts", "   … counted per (step, from, to), with distinct customers", SQLSelect(
            [.column("step"), .named(.column("from_event"), "from"), .named(.column("to_event"), "to"),
             .named(.countAll(), "count"), .named(.aggregate(SQLAggregate(.count, [.column("customer_id")], distinct: true)), "customers")],
            from: .table(edges, alias: nil), groupBy: [.column("step"), .column("from_event"), .column("to_event")]))
        // Ordered over the counted columns (PostgreSQL's COLLATE cannot name an output alias).
        let top = builder.add("path_top", "   … the top \(plan.edges) by count, then step, from, to (byte-wise, missing last)",
                              SQLQuery(.select(SQLSelect([.all(table: nil)], from: .table(counted, alias: nil))), orderBy: order, limit: plan.edges))
        return SQLResultShape(select: SQLQuery(SQLSelect(LogicalQuery.Paths.columns.map { .column($0) }, from: .table(top, alias: nil))),
                              columns: LogicalQuery.Paths.columns, order: order, measure: "customers", textColumns: ["from", "to"],
                              reading: .table(units: [.count, .text, .text, .count, .count], shape: .paths, title: plan.title))
    }
}
