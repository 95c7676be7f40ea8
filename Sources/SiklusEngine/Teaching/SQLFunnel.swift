import SiklusLanguage
import SiklusStore

/// `funnel` in SQL, as `FunnelAnalysis` computes it: every occurrence of step 1 starts an attempt;
/// each attempt takes the earliest later row matching the next step within the window (`strict`:
/// the very next row); a customer counts at the furthest step of their best attempt (the first
/// attempt reaching the most steps).
extension SQLBuilder {
    mutating func funnel(_ plan: FunnelPlan, dimensions: [SQLDimension], number: Int, label: String) throws(NoSQLEquivalent) -> SQLResult {
        guard dimensions.allSatisfy(\.isCustomerLevel) else {
            throw NoSQLEquivalent("a funnel split by an event dimension (Siklus rejects it too)")
        }
        let n = plan.steps.count
        let ts = names.eventColumn(.ts), customer = names.eventCustomer
        let window = SQLText.interval(seconds: plan.window)
        let windowText = DurationText.words(plan.window)
        let matches = plan.steps.enumerated().map { i, step in
            switch step.match {
            case .stage(let stage): "e.stage = '\(stage.name)' AS step_\(i + 1)"
            case .event: "\(names.event("e", .event)) = \(SQLText.string(step.name)) AS step_\(i + 1)"
            }
        }
        let funnelEvents = query.add("funnel_events", "\(number). \(label): each customer's in-scope events in time order (n), with the steps each matches …", """
            SELECT e.\(customer)\(customer == "customer_id" ? "" : " AS customer_id"), e.\(ts)\(ts == "ts" ? "" : " AS ts"),
              row_number() OVER (PARTITION BY e.\(customer) ORDER BY e.\(ts)) AS n,
              \(matches.joined(separator: ",\n  "))
            FROM \(events) AS e
            JOIN \(customers) AS p ON p.customer_id = e.\(customer)
            """)
        let attempts = plan.order == .anyOrder
            ? anyOrderAttempts(n: n, from: funnelEvents, window: window, windowText: windowText)
            : orderedAttempts(n: n, from: funnelEvents, window: window, windowText: windowText, strict: plan.order == .strict)
        let first = plan.order == .anyOrder ? "n0" : "n1"
        let best = query.add("best", "   … each customer's best attempt: the most steps, then the earliest start",
                  "SELECT * FROM \(attempts)\nWHERE level > 0\nQUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY level DESC, \(first)) = 1")

        // Days between steps: from the previous step, or (any order) from the earliest step of the attempt.
        let start = "least(" + (1...n).map { $0 == 1 ? "b.t1" : "CASE WHEN b.level >= \($0) THEN b.t\($0) END" }.joined(separator: ", ") + ")"
        var columns = dimensions.map { "\($0.label("p")) AS \($0.column)" }
        for s in 1...n {
            columns.append("count(*) FILTER (WHERE b.level >= \(s)) AS reached_\(s)")
            if s > 1 {
                let from = plan.order == .anyOrder ? start : "b.t\(s - 1)"
                columns.append("median(epoch(b.t\(s) - \(from)) / 86400) FILTER (WHERE b.level >= \(s)) AS days_\(s)")
            }
        }
        let groupBy = dimensions.isEmpty ? "" : "\nGROUP BY ALL"
        let reached = query.add("reached", "   … counted per group: customers reaching at least each step, and the median days to it",
                  "SELECT \(columns.joined(separator: ",\n  "))\nFROM \(best) AS b\nJOIN \(customers) AS p ON p.customer_id = b.customer_id\(groupBy)")

        let dims = dimensions.map(\.column)
        let rows = plan.steps.enumerated().map { i, step in
            let s = i + 1
            let days = s == 1 ? "CAST(NULL AS DOUBLE)" : "days_\(s)"
            let values = dims + ["\(s) AS step_no", "\(SQLText.string(step.name)) AS step", "reached_\(s) AS customers",
                                 "reached_\(s) / nullif(reached_\(max(1, s - 1)), 0) * 100 AS from_previous",
                                 "reached_\(s) / nullif(reached_1, 0) * 100 AS from_first", "\(days) AS median_days"]
            return "SELECT \(values.joined(separator: ", ")) FROM \(reached)"
        }
        return SQLResult(select: rows.joined(separator: "\nUNION ALL\n"),
                         columns: dims + ["step_no", "step", "customers", "from_previous", "from_first", "median_days"],
                         order: dimensions.flatMap(\.order) + ["step_no"], hidden: ["step_no"], measure: "median_days")
    }

    /// `step_1` … `step_n` and `attempts` for ordered and strict funnels; returns the name of `attempts`.
    private mutating func orderedAttempts(n: Int, from funnelEvents: String, window: String, windowText: String, strict: Bool) -> String {
        var previous = query.add("step_1", "   … every occurrence of step 1 starts an attempt …",
                                 "SELECT customer_id, n AS n1, ts AS t1\nFROM \(funnelEvents)\nWHERE step_1")
        for s in 2...n {
            let next = strict ? "f.n = s.n\(s - 1) + 1" : "f.n > s.n\(s - 1)"
            let comment = strict ? "the very next event, if it is step \(s)" : "the earliest later event that is step \(s)"
            previous = query.add("step_\(s)", "   … \(comment), within \(windowText) of step 1 …", """
                SELECT s.*, min(f.n) AS n\(s), min(f.ts) AS t\(s)
                FROM \(previous) AS s
                LEFT JOIN \(funnelEvents) AS f
                  ON f.customer_id = s.customer_id AND f.step_\(s) AND \(next) AND f.ts <= s.t1 + \(window)
                GROUP BY ALL
                """)
        }
        let level = (["1"] + (2...n).map { "CAST(n\($0) IS NOT NULL AS INTEGER)" }).joined(separator: " + ")
        return query.add("attempts", "   … an attempt reaches as many steps as it found", "SELECT *, \(level) AS level\nFROM \(previous)")
    }

    /// `starts` and `attempts` for `any order`: from each event that is some step, the first time each
    /// step occurs within the window; the attempt reaches steps 1…k when all of them occur. Returns the
    /// name of `attempts`.
    private mutating func anyOrderAttempts(n: Int, from funnelEvents: String, window: String, windowText: String) -> String {
        let any = (1...n).map { "step_\($0)" }.joined(separator: " OR ")
        let starts = query.add("starts", "   … every event that is any step starts an attempt …",
                                "SELECT customer_id, n AS n0, ts AS t0\nFROM \(funnelEvents)\nWHERE \(any)")
        let firsts = (1...n).map { "min(f.ts) FILTER (WHERE f.step_\($0)) AS t\($0)" }
        let found = query.add("found", "   … the first time each step occurs within \(windowText) of the start …", """
            SELECT s.customer_id, s.n0,
              \(firsts.joined(separator: ",\n  "))
            FROM \(starts) AS s
            JOIN \(funnelEvents) AS f ON f.customer_id = s.customer_id AND f.n >= s.n0 AND f.ts <= s.t0 + \(window)
            GROUP BY ALL
            """)
        let level = "CASE " + (1...n).map { "WHEN t\($0) IS NULL THEN \($0 - 1)" }.joined(separator: " ") + " ELSE \(n) END"
        return query.add("attempts", "   … an attempt reaches steps 1…k when all of them occur", "SELECT *, \(level) AS level\nFROM \(found)")
    }
}
