import SiklusLanguage

/// `rfm | by segment | metric customers, revenue`: the customers rfm scores (those with a purchase by as_of),
/// grouped by rfm's columns and measured with any metric, as `by` and `metric` do on a customer attribute.
enum RFMGroups {
    /// - Complexity: as the metrics over the rfm customers (one pass over their rows), plus O(customers) to key them.
    static func build(_ value: LogicalQuery.CustomerValue, table: ResultTable, customers: [Int32], scope: Scope, _ context: EvalContext,
                      spendScope: [LogicalQuery.SpendScopeStep], activeRange: ActiveUsersRange?) throws(Diagnostic) -> ResultTable {
        var dimensions: [Dimension] = []
        for name in value.groups {
            guard let column = table.column(name) else { preconditionFailure("rfm makes every group column") }
            dimensions.append(dimension(name, column, customers: customers, context))
        }
        var narrowed = scope
        let kept = Set(customers)
        narrowed.narrowCustomers { kept.contains($0) }
        var result = try MetricTable.build(value.metrics ?? [.customers], scope: narrowed, dimensions: dimensions, context, span: value.span,
                                           spendScope: spendScope, activeRange: activeRange)
        result.title = title(value)
        return result
    }

    /// The grouped table's title, in memory and on an engine.
    static func title(_ value: LogicalQuery.CustomerValue) -> ResultTitle { .rfmGroups(period: value.unit, groups: value.groups) }

    /// A group column's labels in the order the groups are listed: segments in the map's order (champions
    /// first), scores 5 to 1.
    static func labels(of group: String) -> [String] {
        group == "segment" ? RFMScores.segments.map(\.name) : ["5", "4", "3", "2", "1"]
    }

    /// Each scored customer's label in a group column of the rfm table (a segment, or a score as text).
    static func customerLabels(_ column: ResultColumn) -> [String] {
        switch column.values {
        case .text(let segments): segments.map { $0 ?? "" }
        case .integer(let scores): scores.map { $0.map(String.init) ?? "" }
        case .number: preconditionFailure("rfm groups are segments or scores")
        }
    }

    /// A customer-level dimension over one rfm column: segments in the map's order (champions first), scores 5 to 1.
    private static func dimension(_ name: String, _ column: ResultColumn, customers: [Int32], _ context: EvalContext) -> Dimension {
        let labels: [String]
        var keyOfCustomer = [Int](repeating: 0, count: context.customerCount)
        switch column.values {
        case .text(let segments):
            labels = Self.labels(of: name)
            let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
            for (i, c) in customers.enumerated() { keyOfCustomer[Int(c)] = index[segments[i] ?? ""] ?? 0 }
        case .integer(let scores):
            labels = Self.labels(of: name)
            for (i, c) in customers.enumerated() { keyOfCustomer[Int(c)] = 5 - Int(scores[i] ?? 1) }
        case .number:
            preconditionFailure("rfm groups are segments or scores")
        }
        let keys = keyOfCustomer
        return Dimension(name: name, isCustomerLevel: true, key: { c, _ in keys[Int(c)] }, labels: labels, period: nil)
    }
}
