import SiklusPlan

/// `metric transitions percent`, as `TransitionShares`: the pairs of `transitions` plus an `entered` row (each
/// customer's first change point with a stage: the end of the first period in which they have one), each row's
/// counts divided by the row's total × 100 (NULL for a row without moves).
extension SQLLoweringState {
    mutating func transitionShares(points: String, pairs: String) -> SQLResultShape {
        let byPeriod = SQLWindow(partitionBy: [.column("customer_id")], orderBy: [SQLOrderTerm(.column("period"))])
        let firsts = SQLQuery(SQLSelect([.column("stage"), .named(.window(.call("row_number", []), byPeriod), "point_no")],
                                        from: .table(points, alias: nil), where: .isNull(.column("stage"), negated: true)))
        let all = builder.add("stage_pairs_entered", "   … and the entered row: each customer's first stage", SQLQuery(.unionAll([
            SQLSelect([.column("from_stage"), .column("to_stage"), .column("pairs")], from: .table(pairs, alias: nil)),
            SQLSelect([.named(.text(TransitionShares.enteredRow), "from_stage"), .named(.column("stage"), "to_stage"), .named(.integer(1), "pairs")],
                      from: .subquery(firsts, alias: "f"), where: .equal(.column("point_no"), .integer(1))),
        ])))
        let rows = [TransitionShares.enteredRow] + Stage.allCases.map(\.name)
        let stages = SQLTableReference.values(rows.enumerated().map { [.integer(Int64($0.offset)), .text($0.element)] },
                                              alias: "s", columns: ["stage_no", "stage"])
        let total = SQLExpression.coalesce(.aggregate(.sum, .col("c", "pairs")), .integer(0))
        var items: [SQLSelectItem] = [.named(.col("s", "stage"), "from"), .column("stage_no", table: "s")]
        for stage in Stage.allCases {
            let count = SQLExpression.coalesce(.aggregate(.sum, .col("c", "pairs"), where: .equal(.col("c", "to_stage"), .text(stage.name))), .integer(0))
            items.append(.named(.binary(.safeDivide(count, total), .times, .integer(100)), stage.name))
        }
        let select = SQLSelect(items, from: stages, joins: [SQLJoin(.left, .table(all, alias: "c"), .on(.equal(.col("c", "from_stage"), .col("s", "stage"))))],
                               groupBy: [.col("s", "stage"), .col("s", "stage_no")])
        let names = Stage.allCases.map(\.name)
        return SQLResultShape(select: SQLQuery(select), columns: ["from", "stage_no"] + names, order: [SQLOrderTerm(.column("stage_no"))],
                              hidden: ["stage_no"], measure: names.last, textColumns: ["from"],
                              reading: .table(units: [.text] + names.map { _ in .percent }, shape: .transitions,
                                              title: TransitionShares.title(query.settings.period)))
    }
}
