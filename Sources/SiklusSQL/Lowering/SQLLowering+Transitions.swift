import SiklusPlan

/// `metric transitions`, as `StageTransitions`: for every pair of consecutive periods (`set period`) from a
/// customer's first event to as_of, their stage at the end of p → at the end of p + 1 (churn when the
/// latest event is a churn event or, having purchased, no event for churn_after; else lapsed when, never having
/// purchased, no event for churn_after; else the furthest journey stage; none before a staged event). Pairs
/// with no stage on either side are not counted.
///
/// A customer's stage only changes at their events and when inactivity churn sets in, so instead of one
/// row per customer and period the query keeps "change points": the last event row of each period with an
/// event (the stage at the period's end) and the period where inactivity churn (or lapse) starts before the
/// next event. Between change points the stage stays, giving `(next point - point - 1)` pairs A → A, then one
/// pair A → B. Periods are numbered from 1970-01-01 with `periodDifference`, so no calendar series is needed.
extension SQLLoweringState {
    mutating func transitions(dimensions: [SQLDimensionLowering]) throws(SQLNotExpressible) -> SQLResultShape {
        guard dimensions.isEmpty else { throw SQLNotExpressible("transitions split by a dimension (Siklus rejects it too)") }
        let period = self.period(query.settings.period)
        let staged = staged()
        let origin = SQLExpression.timestamp(0)
        let index = { (t: SQLExpression) in SQLExpression.library(.periodDifference(period), [origin, t]) }
        let order = [SQLOrderTerm(.col("s", "ts")), SQLOrderTerm(.col("s", "row_no"))]
        let byCustomer = SQLWindow(partitionBy: [.col("s", "customer_id")], orderBy: order)
        let isChurn = SQLExpression.coalesce(.equal(.col("s", "stage"), .text("churn")), .boolean(false))
        let rank = SQLExpression.caseWhen(Stage.journey.enumerated().map { SQLWhen(.equal(.col("s", "stage"), .text($0.element.name)), .integer(Int64($0.offset + 1))) }, else: nil)
        let purchase = SQLExpression.caseWhen([SQLWhen(.equal(.col("s", "purchase_no"), .integer(1)), .integer(1))], else: .integer(0))
        let churnMoment = SQLExpression.binary(.col("s", "ts"), .plus, .library(.interval(seconds: query.settings.churnAfter + 1), []))
        // Every event up to as_of of the customers in scope (their whole history, not the scope's rows).
        let rows = builder.add("transition_rows", "transitions: each event with the customer's state after it (running purchase and furthest stage)", SQLSelect([
            .column("customer_id", table: "s"), .named(index(.col("s", "ts")), "period"), .named(isChurn, "is_churn"),
            .named(.window(.aggregate(.max, purchase), byCustomer), "purchased"),
            .named(.window(.aggregate(.max, rank), byCustomer), "furthest_rank"),
            .named(.window(.call("lead", [index(.col("s", "ts"))]), byCustomer), "next_period"),
            .named(index(churnMoment), "churn_period"),
            .named(.binary(churnMoment, .lessEqual, asOf), "churn_by_as_of"),
        ], from: .table(staged, alias: "s"),
           joins: [SQLJoin(.inner, .table(customers, alias: "p"), .on(.equal(.col("p", "customer_id"), .col("s", "customer_id"))))],
           where: .binary(.col("s", "ts"), .lessEqual, asOf)))

        let furthest = SQLExpression.caseWhen(Stage.journey.enumerated().map { SQLWhen(.equal(.column("furthest_rank"), .integer(Int64($0.offset + 1))), .text($0.element.name)) }, else: nil)
        let lastInPeriod = SQLExpression.or([.isNull(.column("next_period"), negated: false), .binary(.column("next_period"), .notEqual, .column("period"))])
        let canChurn = SQLExpression.and([.unary(.not, .column("is_churn")), .binary(.column("purchased"), .equal, .integer(1)), .column("churn_by_as_of")])
        // A prospect with a stage goes silent the same way, into lapsed (`Stage+Lapsed`).
        let canLapse = SQLExpression.and([.unary(.not, .column("is_churn")), .binary(.column("purchased"), .equal, .integer(0)),
                                          .isNull(.column("furthest_rank"), negated: true), .column("churn_by_as_of")])
        let silentStage = SQLExpression.caseWhen([SQLWhen(.binary(.column("purchased"), .equal, .integer(1)), .text("churn"))], else: .text("lapsed"))
        let endState = SQLExpression.caseWhen([SQLWhen(.column("is_churn"), .text("churn")),
                                               SQLWhen(.binary(canChurn, .and, .equal(.column("churn_period"), .column("period"))), .text("churn")),
                                               SQLWhen(.binary(canLapse, .and, .equal(.column("churn_period"), .column("period"))), .text("lapsed"))], else: furthest)
        let laterChurn = SQLExpression.and([.or([canChurn, canLapse]), .binary(.column("churn_period"), .greater, .column("period")),
                                            .or([.isNull(.column("next_period"), negated: false), .binary(.column("churn_period"), .less, .column("next_period"))])])
        let points = builder.add("change_points", "   … the stage at the end of each period with an event, and where inactivity churn starts before the next event", SQLQuery(.unionAll([
            SQLSelect([.column("customer_id"), .column("period"), .named(endState, "stage")], from: .table(rows, alias: nil), where: lastInPeriod),
            SQLSelect([.column("customer_id"), .named(.column("churn_period"), "period"), .named(silentStage, "stage")], from: .table(rows, alias: nil),
                      where: .binary(lastInPeriod, .and, laterChurn)),
        ])))
        let next = SQLWindow(partitionBy: [.column("customer_id")], orderBy: [SQLOrderTerm(.column("period"))])
        let sequenced = builder.add("stage_runs", "   … each point with the next (the last one runs to as_of's period)", SQLSelect([
            .column("stage"), .named(.window(.call("lead", [.column("stage")]), next), "next_stage"),
            .named(.coalesce(.window(.call("lead", [.column("period")]), next), .binary(index(asOf), .plus, .integer(1))), "next_period"),
            .column("period"),
        ], from: .table(points, alias: nil)))
        let pairs = builder.add("stage_pairs", "   … pairs of consecutive periods: A → A while the stage stays, then A → B", SQLQuery(.unionAll([
            SQLSelect([.named(.column("stage"), "from_stage"), .named(.column("stage"), "to_stage"),
                       .named(.binary(.binary(.column("next_period"), .minus, .column("period")), .minus, .integer(1)), "pairs")],
                      from: .table(sequenced, alias: nil), where: .isNull(.column("stage"), negated: true)),
            SQLSelect([.named(.column("stage"), "from_stage"), .named(.column("next_stage"), "to_stage"), .named(.integer(1), "pairs")],
                      from: .table(sequenced, alias: nil),
                      where: .binary(.isNull(.column("stage"), negated: true), .and, .isNull(.column("next_stage"), negated: true))),
        ])))
        if query.metricOptions.transitionsPercent { return transitionShares(points: points, pairs: pairs) }
        let stages = SQLTableReference.values(Stage.allCases.enumerated().map { [.integer(Int64($0.offset + 1)), .text($0.element.name)] },
                                              alias: "s", columns: ["stage_no", "stage"])
        var items: [SQLSelectItem] = [.named(.col("s", "stage"), "from"), .column("stage_no", table: "s")]
        for stage in Stage.allCases {
            items.append(.named(.coalesce(.aggregate(.sum, .col("c", "pairs"), where: .equal(.col("c", "to_stage"), .text(stage.name))), .integer(0)), stage.name))
        }
        let select = SQLSelect(items, from: stages, joins: [SQLJoin(.left, .table(pairs, alias: "c"), .on(.equal(.col("c", "from_stage"), .col("s", "stage"))))],
                               groupBy: [.col("s", "stage"), .col("s", "stage_no")])
        let names = Stage.allCases.map(\.name)
        return SQLResultShape(select: SQLQuery(select), columns: ["from", "stage_no"] + names, order: [SQLOrderTerm(.column("stage_no"))],
                              hidden: ["stage_no"], measure: names.last, textColumns: ["from"],
                              reading: .table(units: [.text] + names.map { _ in .count }, shape: .transitions,
                                              title: .transitions(period: query.settings.period)))
    }
}
