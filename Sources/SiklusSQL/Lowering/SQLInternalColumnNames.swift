import SiklusPlan

/// The names the lowering gives its own CTE columns, which an events column may share (`stage`,
/// `row_no`, `period`, `level`, `t1`, …). Such an events column is read under another name inside the
/// query (`events_` + its name), so it can never clash with a column the SQL derives beside it; results
/// still show it under its own name. Columns with other names keep them, so most SQL reads as written.
enum SQLInternalColumnNames {
    /// Every fixed alias the lowering writes (`SQLInternalColumnNamesTests` checks the sources against it).
    static let fixed: Set<String> = [
        "acquisition_channel", "active", "age", "age_days", "amount", "anchor", "anchor_order", "as_of_day", "base_customers",
        "bought", "c", "channel", "churn", "churn_by_as_of", "churn_period", "churned", "cohort", "conversion", "count", "cumulative",
        "customer_id", "customer_no", "customers", "d", "dau_mau", "day_pairs", "day_value", "days_to_purchase", "dormant", "e",
        "end_pos", "event", "exactly", "first_channel", "first_d", "first_event", "first_p", "first_purchase", "frequency",
        "from_event", "from_first", "from_previous", "from_stage", "furthest_rank", "is_churn", "k", "kind", "lapsed", "last_p", "latest_is_churn", "level", "li_loose",
        "li_negative", "li_order", "li_purchase", "li_return", "listing_no", "moment", "monetary", "n", "n_engagement", "n_events",
        "n_orders", "n_returns", "new", "new_customers", "next_period", "next_stage", "one", "order_start", "p", "pairs",
        "period", "period_no", "pos", "purchase_no", "purchased", "r", "reached", "recency_days", "return_start", "revenue",
        "row_no", "seconds", "session", "share", "signup", "stage", "start_pos", "step", "step_no", "t", "to_event", "ts", "value",
    ]

    /// Prefixes of the numbered aliases (`t1`, `n2`, `reached_3`, `excl_1`, `step_2`, …).
    static let numberedPrefixes = ["active_", "d", "days_", "excl_", "filter_", "mean_", "n", "reached_", "step_", "t", "pairs_", "chain_", "label_"]

    /// True when an events column called `name` would share a name with a column the SQL derives.
    static func isTaken(_ name: String) -> Bool {
        let word = name.lowercased()
        if fixed.contains(word) || word.hasPrefix("siklus_") || word.hasPrefix("active_") || word.hasPrefix("pairs_") { return true }
        if Metric.allCases.contains(where: { $0.rawValue == word }) { return true }
        return numberedPrefixes.contains { prefix in
            word.hasPrefix(prefix) && word.count > prefix.count && word.dropFirst(prefix.count).allSatisfy { $0.isASCII && $0.isNumber }
        }
    }

    /// The name each events column (by catalog index) has inside the query: its own, or `events_` + it
    /// when `isTaken` (more `events_` until no other column has it).
    static func eventColumns(_ names: [String]) -> [String] {
        var used = Set(names.map { $0.lowercased() })
        return names.map { name in
            guard isTaken(name) else { return name }
            var renamed = "events_" + name
            while used.contains(renamed.lowercased()) || isTaken(renamed) { renamed = "events_" + renamed }
            used.insert(renamed.lowercased())
            return renamed
        }
    }
}
