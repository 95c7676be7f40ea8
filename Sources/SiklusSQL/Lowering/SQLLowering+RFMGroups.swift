import SiklusPlan

/// `rfm | by segment | metric …` on an engine. The scores and segments are Siklus's (quintiles over the
/// per-customer summary the engine returned for the plain `rfm`), written back to the engine as a table
/// (`SQLRFMScores`); this second query groups the customers of that table by its columns and computes the
/// metrics as `metric` does for a customer attribute, over the same scope as the summary.
public struct SQLRFMScores: Sendable, Equatable {
    /// The engine table holding `customer_id` and one text column per rfm group column (`segment`,
    /// `r_score`, …), named as the group.
    public var table: String
    /// Each group column's labels in the order Siklus lists its groups (the segment map's order, scores 5 to 1).
    public var labels: [String: [String]]

    public init(table: String, labels: [String: [String]]) {
        self.table = table
        self.labels = labels
    }
}

extension SQLLoweringState {
    /// The customers CTE's column holding an rfm group (prefixed: a customers column may be named `segment`).
    static func rfmColumn(_ group: String) -> String { "siklus_rfm_" + group }

    /// The customers and events in scope narrowed to the scored customers, grouped by their scores.
    /// - Complexity: one join of the customers in scope with the scores table, then the metrics' cost.
    mutating func rfmGroups(_ value: LogicalQuery.CustomerValue, scores: SQLRFMScores) throws(SQLNotExpressible) -> SQLResultShape {
        let scored = SQLQuery(SQLSelect([.column("customer_id")], from: .table(scores.table, alias: nil)))
        customers = builder.add("customers_rfm", "rfm: the customers scored (a purchase by as_of), with their scores from \(scores.table)", SQLSelect(
            [.all(table: "c")] + value.groups.map { .named(.col("s", $0), Self.rfmColumn($0)) },
            from: .table(customers, alias: "c"),
            joins: [SQLJoin(.inner, .table(scores.table, alias: "s"), .on(.equal(.col("s", "customer_id"), .col("c", "customer_id"))))]))
        events = builder.add("events_rfm", "   … and their events", SQLSelect(
            [.all(table: nil)], from: .table(events, alias: nil), where: .inQuery(.column("customer_id"), scored, negated: false)))
        let dimensions = value.groups.map { group in
            SQLDimensionLowering(name: group, kind: .listed(scores.labels[group] ?? []), isCustomerLevel: true,
                                 label: { .column(Self.rfmColumn(group), table: $0) })
        }
        return try metrics(value.metrics ?? [.customers], dimensions: dimensions)
    }
}
