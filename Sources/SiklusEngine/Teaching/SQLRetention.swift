import SiklusStore

/// `retention` in SQL, as `RetentionMatrix` computes it: each customer's period 0 is the period of
/// their anchor (first purchase when cohorted by it, else signup); cell k counts the customers of
/// the cohort active k periods later.
extension SQLBuilder {
    /// `width` is the number of period columns (from the earliest anchor to as_of, capped by `horizon`),
    /// which depends on the data, so the caller works it out from the scope.
    mutating func retention(_ plan: RetentionPlan, width: Int, number: Int, label: String) -> SQLResult {
        let ts = names.eventColumn(.ts)
        let anchor = plan.anchorOnFirstPurchase ? "first_purchase" : "signup"
        let unit = plan.period
        let cohort = self.cohort == nil ? "'all' AS cohort" : "cohort"
        let anchors = query.add("anchors", "\(number). \(label): each customer's anchor (\(anchor == "signup" ? "signup" : "first purchase")) and cohort …",
                  "SELECT customer_id, \(cohort), \(anchor) AS anchor\nFROM \(customers)\nWHERE \(anchor) IS NOT NULL")
        var conditions = ["e.\(ts) <= \(names.asOf)"]
        switch plan.activity {
        case .purchase: conditions.append(names.isPurchase("e"))
        case .any: break
        case .event: conditions.append("\(names.event("e", .event)) = \(SQLText.string(plan.activityName))")
        case .stage: break  // never reached: `SQLTranslator` refuses retention kinds (the compiler's SQL shows them)
        }
        let offset = names.periods.difference(unit, from: "a.anchor", to: "e.\(ts)")
        let activePeriods = query.add("active_periods", "   … the \(unit.rawValue)s after it in which they were active (\(plan.activityName)), up to as_of …", """
            SELECT DISTINCT customer_id, cohort, period
            FROM (
              SELECT a.customer_id, a.cohort, \(offset) AS period
              FROM \(anchors) AS a
              JOIN \(events) AS e ON e.\(names.eventCustomer) = a.customer_id
              WHERE \(conditions.joined(separator: " AND "))
            )
            WHERE \(plan.unbounded ? "period >= 0" : "period BETWEEN 0 AND \(width - 1)")
            """)
        var joins = "LEFT JOIN \(activePeriods) AS a USING (cohort)"
        var cell: (Int) -> String = { "a.period = \($0)" }
        if plan.unbounded {
            // Periods past the horizon count too (kept by `active_periods`): the horizon cuts columns, not activity.
            let latestPeriods = query.add("latest_periods", "   … unbounded: a customer counts in every period up to their latest active one",
                      "SELECT customer_id, cohort, max(period) AS latest\nFROM \(activePeriods)\nGROUP BY ALL")
            joins = "LEFT JOIN \(latestPeriods) AS a USING (cohort)"
            cell = { "a.latest >= \($0)" }
        }
        let periodsSoFar = names.periods.difference(unit, from: "min(anchor)", to: names.asOf)
        // A percentage is taken of the customers who had reached that period by as_of.
        let age = names.periods.difference(unit, from: "anchor", to: names.asOf)
        let reached = plan.percent ? (0..<width).map { ",\n  count(*) FILTER (WHERE \(age) >= \($0)) AS \(SQLText.identifier("reached_\($0)"))" }.joined() : ""
        let cohorts = query.add("cohorts", "   … and each cohort's size, and how many whole \(unit.rawValue)s its earliest anchor is before as_of"
                  + (plan.percent ? " (and, per period, how many of its customers had reached it)" : ""),
                  "SELECT cohort, count(*) AS customers, \(periodsSoFar) AS periods_so_far\(reached)\nFROM \(anchors)\nGROUP BY cohort")
        var columns = ["cohort", "customers"]
        var values = ["c.cohort", "c.customers"]
        for k in 0..<width {
            let count = "count(*) FILTER (WHERE \(cell(k)))"
            let value = plan.percent ? "\(count) / any_value(c.\(SQLText.identifier("reached_\(k)"))) * 100" : count
            // Periods after as_of have not happened yet: empty, not 0.
            values.append("CASE WHEN c.periods_so_far >= \(k) THEN \(value) END AS \(SQLText.identifier(String(k)))")
            columns.append(String(k))
        }
        let select = """
            SELECT \(values.joined(separator: ",\n  "))
            FROM \(cohorts) AS c
            \(joins)
            GROUP BY c.cohort, c.customers, c.periods_so_far
            """
        return SQLResult(select: select, columns: columns, order: self.cohort?.order ?? [], measure: columns.last)
    }
}
