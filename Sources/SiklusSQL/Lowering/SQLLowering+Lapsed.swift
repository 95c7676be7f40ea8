import SiklusPlan

/// The `lapsed` status (`Stage+Lapsed`, `LifecycleState.isLapsed`) in SQL: a customer with a staged event and
/// no purchase by as_of whose latest event is no churn event and more than churn_after before as_of.
extension SQLLoweringState {
    /// `lifecycle`'s `lapsed` column, over the columns of its per-customer inner query (`latest_is_churn`,
    /// `last_event`, `first_purchase`, `furthest_rank`).
    func lapsedColumn() -> SQLExpression {
        let silent = SQLExpression.binary(.column("last_event"), .less, .binary(asOf, .minus, .library(.interval(seconds: query.settings.churnAfter), [])))
        return .and([.unary(.not, .column("latest_is_churn")), .isNull(.column("first_purchase"), negated: false),
                     .isNull(.column("furthest_rank"), negated: true), silent])
    }

    /// The current stage of a `lifecycle` row (alias `alias`): churn, else lapsed, else the furthest journey stage.
    func currentStage(_ alias: String) -> SQLExpression {
        .caseWhen([SQLWhen(.col(alias, "churned"), .text("churn")), SQLWhen(.col(alias, "lapsed"), .text("lapsed"))], else: .col(alias, "furthest_stage"))
    }

    /// `stage lapsed`: the customers lapsed as of as_of, with their events up to as_of (lapsed has no events).
    mutating func scopeLapsed() {
        let previousCustomers = customers, previousEvents = events
        let lapsed = SQLQuery(SQLSelect([.column("customer_id")], from: .table(lifecycle(), alias: nil), where: .column("lapsed")))
        customers = builder.add("customers_stage", "stage lapsed: the customers lapsed as of as_of (never bought, silent for longer than churn_after)", SQLSelect(
            [.all(table: nil)], from: .table(previousCustomers, alias: nil), where: .inQuery(.column("customer_id"), lapsed, negated: false)))
        events = builder.add("events_stage", "   … with their events up to as_of", SQLSelect([.all(table: nil)], from: .table(previousEvents, alias: nil),
                                                                                          where: .binary(.column("ts"), .lessEqual, asOf)))
        // The events are every customer's up to as_of: the lapsed ones are chosen by the customers CTE alone.
        eventsWithinCustomers = false
    }
}
