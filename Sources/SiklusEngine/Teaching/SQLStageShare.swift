/// `metric stage_share` in SQL, as `StageShare` computes it: each in-scope customer's current stage as
/// of as_of (churn, else the furthest stage reached), counted per group, seven rows per group.
extension SQLBuilder {
    mutating func stageShare(dimensions: [SQLDimension], number: Int, label: String) throws(NoSQLEquivalent) -> SQLResult {
        guard dimensions.allSatisfy(\.isCustomerLevel) else {
            throw NoSQLEquivalent("stage_share split by an event dimension (Siklus rejects it too)")
        }
        let lifecycle = lifecycle()
        let dims = dimensions.map(\.column)
        let labels = dimensions.map { "\($0.label("p")) AS \($0.column)" }
        let currentStages = query.add("current_stage", "\(number). \(label): each customer's current stage as of as_of (churn, else the furthest stage reached) …", """
            SELECT \((labels + ["\(currentStage) AS stage"]).joined(separator: ",\n  "))
            FROM \(customers) AS p
            LEFT JOIN \(lifecycle) AS l ON l.customer_id = p.customer_id
            """)
        let stageCounts = query.add("stage_counts", "   … counted per group and stage (customers with no staged event have no stage)",
                  "SELECT \((dims + ["stage", "count(*) AS customers"]).joined(separator: ", "))\nFROM \(currentStages)\nWHERE stage IS NOT NULL\nGROUP BY ALL")
        let stages = Stage.allCases.enumerated().map { "(\($0.offset + 1), '\($0.element.name)')" }.joined(separator: ", ")
        let partition = dims.isEmpty ? "" : "PARTITION BY " + dims.joined(separator: ", ")
        var from = dims.isEmpty ? "" : "(SELECT DISTINCT \(dims.joined(separator: ", ")) FROM \(stageCounts)) AS g\nCROSS JOIN "
        from += "(VALUES \(stages)) AS s(stage_no, stage)\nLEFT JOIN \(stageCounts) AS c USING (\((dims + ["stage"]).joined(separator: ", ")))"
        let select = """
            SELECT \((dims + ["stage", "coalesce(c.customers, 0) AS customers"]).joined(separator: ", ")),
              coalesce(c.customers, 0) / nullif(sum(coalesce(c.customers, 0)) OVER (\(partition)), 0) * 100 AS share,
              stage_no
            FROM \(from)
            """
        return SQLResult(select: select, columns: dims + ["stage", "customers", "share", "stage_no"],
                         order: dimensions.flatMap(\.order) + ["stage_no"], hidden: ["stage_no"], measure: "share")
    }
}
