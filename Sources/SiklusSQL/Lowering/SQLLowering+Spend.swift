import SiklusPlan

/// Spend metrics, as `SpendScan`: spend rows summed by the query's time and channel dimensions, and new
/// paying customers counted by the period of their first purchase and their acquisition channel (for
/// cost per acquisition). Spend rows have a date and a channel, no customer.
extension SQLLoweringState {
    /// The spend column playing `role`, or nil.
    func spendColumn(_ role: String) -> String? {
        catalog.spend.index(ofRole: role).map { catalog.spend.columns[$0].name }
    }

    /// How a dimension labels a spend row (by its date or channel) and a customer's first purchase.
    private mutating func spendLabels(_ dimension: SQLDimensionLowering) throws(SQLNotExpressible) -> (spend: SQLExpression, newCustomer: SQLExpression) {
        guard let date = spendColumn("date"), let channel = spendColumn("channel") else {
            throw SQLNotExpressible("spend metrics without a spend table with date and channel")
        }
        if dimension.attribute == .ts, let period = dimension.period, !dimension.isCohort {
            return (.library(.periodLabel(period), [.column(date)]), .library(.periodLabel(period), [.column("first_purchase")]))
        }
        // A channel dimension's groups are its values and the spend table's channels (a channel with spend
        // but no customers has its own group), so a spend row is labelled by its channel; a customer's
        // acquisition channel outside those groups falls into `(none)`, as `Dimension.codeKey` does.
        let spendChannels = SQLSelect([.column(channel)], from: .table(tables.spend, alias: nil))
        let known: SQLSelect
        switch dimension.attribute {
        case .acquisitionChannel?:
            return (.coalesce(.column(channel), .text("(none)")), .coalesce(.column("acquisition_channel"), .text("(none)")))
        case .eventChannel?:
            known = SQLSelect([.column(tables.eventChannel ?? "channel")], from: .table(tables.events, alias: nil))
        case .customerColumn(let i)? where catalog.customers.columns[i].role == "channel":
            known = SQLSelect([.column(catalog.customers.columns[i].name)], from: .table(tables.customers, alias: nil))
        default:
            throw SQLNotExpressible("spend grouped by \(dimension.name) (spend has only dates and channels; Siklus rejects it too)")
        }
        let groups = SQLQuery(.unionAll([known, spendChannels]))
        let customerLabel = SQLExpression.caseWhen([SQLWhen(.inQuery(.column("acquisition_channel"), groups, negated: false), .column("acquisition_channel"))],
                                                   else: .text("(none)"))
        return (.coalesce(.column(channel), .text("(none)")), customerLabel)
    }

    /// `spend_groups`: spend, impressions and clicks per group; only groups with some spend are rows.
    mutating func spendGroups(dimensions: [SQLDimensionLowering]) throws(SQLNotExpressible) -> String {
        guard let date = spendColumn("date") else { throw SQLNotExpressible("spend metrics without a spend table") }
        let narrowing = try spendNarrowing()
        let labels = try dimensions.map { d throws(SQLNotExpressible) in try spendLabels(d).spend }
        let measures = ["spend", "impressions", "clicks"].map { role in
            (role, spendColumn(role).map { SQLExpression.coalesce(.column($0), .integer(0)) } ?? .integer(0))
        }
        var items: [SQLSelectItem] = zip(labels, dimensions).map { .named($0, $1.name) }
        // Email opens and deliveries (`open_rate`) are summed too, but a row is a group with spend, impressions or clicks.
        let emailMeasures = ["opens", "delivered"].compactMap { role in spendColumn(role).map { (role, SQLExpression.coalesce(.column($0), .integer(0))) } }
        for (name, value) in measures + emailMeasures {
            items.append(.named(dimensions.isEmpty ? .coalesce(.aggregate(.sum, value), .integer(0)) : .aggregate(.sum, value), name))
        }
        let having: SQLExpression? = dimensions.isEmpty ? nil
            : .or(measures.map { .binary(.aggregate(.sum, $0.1), .notEqual, .integer(0)) })
        // An empty scope has no spend of its own (as `MetricTable`): when a cohort filter or `stage` could not
        // narrow spend and no customer is left, showing every channel's spend would answer another question.
        var condition = SQLExpression.and([.isNull(.column(date), negated: true)] + narrowing.conditions)
        if !narrowing.complete {
            let inScope = SQLExpression.subquery(SQLQuery(SQLSelect([.named(.countAll(), "n")], from: .table(customers, alias: nil))))
            condition = .and([condition, .binary(inScope, .greater, .integer(0))])
        }
        return builder.add("spend_groups", "spend per group: spend rows have a date and a channel, no customer", SQLSelect(
            items, from: .table(tables.spend, alias: nil), where: condition, groupBy: labels, having: having))
    }

    /// `new_customers`: in-scope customers per group whose first purchase falls in the group's period
    /// (without a time dimension: within the days the spend table covers).
    mutating func newCustomers(dimensions: [SQLDimensionLowering]) throws(SQLNotExpressible) -> String {
        guard let date = spendColumn("date") else { throw SQLNotExpressible("cpa without a spend table") }
        let labels = try dimensions.map { d throws(SQLNotExpressible) in try spendLabels(d).newCustomer }
        var conditions: [SQLExpression] = [.isNull(.column("first_purchase"), negated: true)]
        if !dimensions.contains(where: { $0.attribute == .ts && $0.period != nil && !$0.isCohort }) {
            let spendTable = tables.spend
            let spendDates = { (f: SQLAggregateFunction) in
                SQLExpression.subquery(SQLQuery(SQLSelect([.named(.aggregate(f, .column(date)), "d")], from: .table(spendTable, alias: nil))))
            }
            conditions.append(.binary(.column("first_purchase"), .greaterEqual, spendDates(.min)))
            let end = SQLExpression.binary(.library(.periodStart(.day), [spendDates(.max)]), .plus, .library(.interval(seconds: 86_400), []))
            conditions.append(.binary(.column("first_purchase"), .less, end))
        }
        return builder.add("new_customers", "   new paying customers per group (cpa divides spend by them), by first purchase and acquisition channel", SQLSelect(
            zip(labels, dimensions).map { .named($0, $1.name) } + [.named(.countAll(), "new_customers")],
            from: .table(customers, alias: nil), where: .and(conditions), groupBy: labels))
    }
}
