import SiklusLanguage
import SiklusStore

/// The source and the `stage` / `where` steps in SQL: each narrows the customers CTE, the events
/// CTE or both, as `Scope` does.
extension SQLBuilder {
    /// `cohort …` or `events`: the first customers and events CTEs. `label` names the step in comments.
    mutating func source(_ source: Source, label: String) throws(NoSQLEquivalent) {
        let people = people(), staged = staged()
        var columns = "*"
        var conditions: [String] = []
        var comment: String
        switch source {
        case .events:
            comment = "every customer with an event"
            conditions.append("customer_id IN (SELECT \(names.eventCustomer) FROM events)")
        case .cohort(let cohortSource):
            if !cohortSource.behaviours.isEmpty { throw NoSQLEquivalent("behavioural cohort filters in the older translator") }
            comment = cohortSource.filters.isEmpty ? "every customer" : "the customers the filters choose"
            let translator = SQLCondition(names: names, inEvents: false)
            for filter in cohortSource.filters {
                conditions.append(try translator.translate(filter, preferEvents: false, parenthesizeOr: true))
            }
            if let grouping = cohortSource.grouping {
                guard let attribute = try? Attribute.resolve(grouping.dimension, in: context.store, preferEvents: false) else {
                    throw NoSQLEquivalent("cohort by \(grouping.dimension.text)")
                }
                let period = grouping.period?.value ?? context.settings.period
                let dimension = try SQLDimension.of(attribute, name: "cohort", period: period, names)
                columns = "*, \(dimension.label("people")) AS cohort"
                cohort = dimension.precomputed(as: "cohort")
                comment += ", each with their cohort (\(grouping.dimension.text)\(dimension.isTime ? " by \(period.rawValue)" : ""))"
            }
        case .variable(let name):
            throw NoSQLEquivalent("the variable \(name.text)")
        }
        let filter = conditions.isEmpty ? "" : "\nWHERE " + conditions.joined(separator: "\n  AND ")
        customers = query.add("customers_1", "1. \(label): \(comment)", "SELECT \(columns)\nFROM \(people)\(filter)")
        events = query.add("events_1", "   their events, with the customer's columns alongside",
                  "SELECT e.*, p.* EXCLUDE (customer_id)\nFROM \(staged) AS e\nJOIN \(customers) AS p ON p.customer_id = e.\(names.eventCustomer)")
    }

    /// `stage <name>` as step `number`.
    mutating func stage(_ stage: Stage, number: Int, label: String) {
        let previousCustomers = customers, previousEvents = events
        if stage == .churn {
            let lifecycle = lifecycle()
            customers = query.add("customers_\(number)", "\(number). \(label): the customers churned as of as_of (see lifecycle) …",
                      "SELECT * FROM \(previousCustomers)\nWHERE customer_id IN (SELECT customer_id FROM \(lifecycle) WHERE churned)")
            events = query.add("events_\(number)", "   … with their churn events", "SELECT * FROM \(previousEvents) WHERE stage = 'churn'")
            return
        }
        events = query.add("events_\(number)", "\(number). \(label): the events of stage \(stage.name) …", "SELECT * FROM \(previousEvents) WHERE stage = '\(stage.name)'")
        customers = query.add("customers_\(number)", "   … and the customers who have one",
                  "SELECT * FROM \(previousCustomers)\nWHERE customer_id IN (SELECT \(names.eventCustomer) FROM \(events))")
    }

    /// `where <condition>` as step `number`: on customers when it reads only customer columns, else on events.
    mutating func filter(_ condition: ExpressionNode, number: Int, label: String) throws(NoSQLEquivalent) {
        let customerLevel = (try? Binder(catalog: context.catalog).condition(condition))?.isCustomerLevel ?? false
        let previousCustomers = customers
        filtered = true
        if customerLevel {
            let sql = try SQLCondition(names: names, inEvents: false).translate(condition, preferEvents: true, parenthesizeOr: false)
            customers = query.add("customers_\(number)", "\(number). \(label): the customers for whom it holds", "SELECT * FROM \(previousCustomers)\nWHERE \(sql)")
            return
        }
        let sql = try SQLCondition(names: names, inEvents: true).translate(condition, preferEvents: true, parenthesizeOr: false)
        events = query.add("events_\(number)", "\(number). \(label): the events for which it holds …", "SELECT * FROM \(events)\nWHERE \(sql)")
        customers = query.add("customers_\(number)", "   … and the customers who still have one",
                  "SELECT * FROM \(previousCustomers)\nWHERE customer_id IN (SELECT \(names.eventCustomer) FROM \(events))")
    }
}

extension SQLDimension {
    /// True for a time dimension.
    var isTime: Bool { if case .time = kind { true } else { false } }
}
