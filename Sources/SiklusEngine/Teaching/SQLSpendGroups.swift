import SiklusStore

/// Spend metrics in SQL, as `SpendScan` computes them: spend rows summed by the query's time and
/// channel dimensions, and new paying customers counted by the period of their first purchase and
/// their acquisition channel (for cost per acquisition).
extension SQLBuilder {
    /// How a dimension reads a spend row (by its date or channel) and a customer's first purchase.
    private func spendLabels(_ dimension: SQLDimension) throws(NoSQLEquivalent) -> (spend: String, newCustomer: String) {
        let schema = names.schema
        if case .time(let unit) = dimension.kind, dimension.attribute == .ts {
            return (names.periods.label(unit, schema.spend(.date)), names.periods.label(unit, "first_purchase"))
        }
        // Values the dimension has no group for fall into `(none)`, as `Dimension.codeKey` does.
        let known: String
        switch dimension.attribute {
        case .acquisitionChannel?: known = "SELECT acquisition_channel FROM people"
        case .eventChannel?: known = "SELECT \(names.eventColumn(.channel)) FROM events"
        case .customerColumn(let i)? where context.store.customers.roles[.channel] == i:
            known = "SELECT \(SQLText.identifier(context.store.customers.columns[i].name)) FROM customers"
        default:
            throw NoSQLEquivalent("spend grouped by \(dimension.name) (spend has only dates and channels; Siklus rejects it too)")
        }
        let channel = schema.spend(.channel)
        let spendLabel = "CASE WHEN \(channel) IN (\(known)) THEN \(channel) ELSE '(none)' END"
        let customerLabel = dimension.attribute == .acquisitionChannel
            ? "coalesce(acquisition_channel, '(none)')"
            : "CASE WHEN acquisition_channel IN (\(known)) THEN acquisition_channel ELSE '(none)' END"
        return (spendLabel, customerLabel)
    }

    /// `spend_groups`: spend, impressions and clicks per group; only groups with some spend count as rows.
    mutating func spendGroups(dimensions: [SQLDimension], number: Int, label: String, first: Bool) throws(NoSQLEquivalent) -> String {
        guard !filtered else {
            throw NoSQLEquivalent("spend narrowed by `where` (Siklus applies conditions on ts and the event channel to spend rows)")
        }
        let schema = names.schema
        let labels = try dimensions.map { d throws(NoSQLEquivalent) in "\(try spendLabels(d).spend) AS \(d.column)" }
        let measures = [(ColumnRole.spend, "spend"), (.impressions, "impressions"), (.clicks, "clicks")]
        let sums = measures.map { role, name in
            dimensions.isEmpty ? "coalesce(sum(\(schema.spend(role))), 0) AS \(name)" : "sum(\(schema.spend(role))) AS \(name)"
        }
        var body = "SELECT \((labels + sums).joined(separator: ",\n  "))\nFROM spend\nWHERE \(schema.spend(.date)) IS NOT NULL"
        if !dimensions.isEmpty {
            body += "\nGROUP BY ALL\nHAVING " + measures.map { "sum(\(schema.spend($0.0))) <> 0" }.joined(separator: " OR ")
        }
        let step = first ? "\(number). \(label): " : "   "
        return query.add("spend_groups", step + "spend per group: spend rows have a date and a channel, no customer", body)
    }

    /// `new_customers`: in-scope customers per group whose first purchase falls in the group's period
    /// (without a time dimension: within the dates the spend table covers).
    mutating func newCustomers(dimensions: [SQLDimension]) throws(NoSQLEquivalent) -> String {
        let date = names.schema.spend(.date)
        let labels = try dimensions.map { d throws(NoSQLEquivalent) in "\(try spendLabels(d).newCustomer) AS \(d.column)" }
        var conditions = ["first_purchase IS NOT NULL"]
        if !dimensions.contains(where: { $0.isTime && $0.attribute == .ts }) {
            conditions.append("first_purchase >= (SELECT min(\(date)) FROM spend)")
            conditions.append("first_purchase < (SELECT max(\(date)) FROM spend) + INTERVAL 1 DAY")
        }
        let groupBy = dimensions.isEmpty ? "" : "\nGROUP BY ALL"
        return query.add("new_customers", "   new paying customers per group (cpa divides spend by them), by first purchase and acquisition channel",
                  "SELECT \((labels + ["count(*) AS new_customers"]).joined(separator: ",\n  "))\nFROM \(customers)\nWHERE \(conditions.joined(separator: "\n  AND "))\(groupBy)")
    }
}
