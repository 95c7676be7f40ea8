import SiklusPlan
import SiklusTime

/// `metric stage_share`, as `StageShare`: each in-scope customer's current stage as of as_of (churn,
/// else lapsed, else the furthest journey stage reached; none without an event by then), counted per group,
/// one row per stage and group in lifecycle order, with each stage's share of the group's customers with a stage.
extension SQLLoweringState {
    mutating func stageShare(dimensions: [SQLDimensionLowering]) throws(SQLNotExpressible) -> SQLResultShape {
        guard dimensions.allSatisfy(\.isCustomerLevel) else {
            throw SQLNotExpressible("stage_share split by an event dimension (Siklus rejects it too)")
        }
        let lifecycle = lifecycle()
        let dims = dimensions.map(\.name)
        let current = currentStage("l")
        let currentStages = builder.add("current_stage", "stage_share: each customer's current stage as of as_of (churn, else lapsed, else the furthest stage reached)", SQLSelect(
            zip(dimensions.map { $0.label("p") }, dims).map { .named($0, $1) } + [.named(current, "stage")],
            from: .table(customers, alias: "p"),
            joins: [SQLJoin(.left, .table(lifecycle, alias: "l"), .on(.equal(.col("l", "customer_id"), .col("p", "customer_id"))))]))
        let counts = builder.add("stage_counts", "   … counted per group and stage (customers with no staged event have no stage)", SQLSelect(
            dims.map { .column($0) } + [.column("stage"), .named(.countAll(), "customers")], from: .table(currentStages, alias: nil),
            where: .isNull(.column("stage"), negated: true), groupBy: (dims + ["stage"]).map { .column($0) }))
        let stages = SQLTableReference.values(Stage.allCases.enumerated().map { [.integer(Int64($0.offset + 1)), .text($0.element.name)] },
                                              alias: "s", columns: ["stage_no", "stage"])
        var joins: [SQLJoin] = []
        let from: SQLTableReference
        if dims.isEmpty {
            from = stages
        } else {
            from = .subquery(SQLQuery(SQLSelect(distinct: true, dims.map { .column($0) }, from: .table(counts, alias: nil))), alias: "g")
            joins.append(SQLJoin(.cross, stages))
        }
        joins.append(SQLJoin(.left, .table(counts, alias: "c"), .using(dims + ["stage"])))
        let customersInStage = SQLExpression.coalesce(.col("c", "customers"), .integer(0))
        let total = SQLExpression.window(.aggregate(.sum, customersInStage), SQLWindow(partitionBy: dims.map { .column($0) }))
        let select = SQLSelect(dims.map { .column($0) } + [.column("stage"), .named(customersInStage, "customers"),
                                                          .named(.binary(.safeDivide(customersInStage, total), .times, .integer(100)), "share"), .column("stage_no")],
                               from: from, joins: joins)
        return SQLResultShape(select: SQLQuery(select), columns: dims + ["stage", "customers", "share", "stage_no"],
                              order: dimensions.flatMap(\.order) + [SQLOrderTerm(.column("stage_no"))], hidden: ["stage_no"], measure: "share",
                              textColumns: Set(dims + ["stage"]),
                              reading: .table(units: dims.map { _ in .text } + [.text, .count, .percent], shape: .stageShare,
                                              title: query.settings.asOf.map { .stageShare(date: String(CivilTime.formatTimestamp($0).prefix(10))) }))
    }
}
