import SiklusPlan

/// Retention as one table-shaped query, for `explain`: the long-form query (`retention_cells`, what an
/// engine runs) followed by the pivot `SQLRetentionPivot` does in Swift, written in SQL as conditional
/// aggregation over a known number of period columns. SQL needs its column list up front, and the width
/// depends on the data (from the earliest anchor to as_of, capped by the horizon), so the caller passes
/// the width it knows (a local `explain` has the data in memory). Plain `CASE` inside `sum`, no `PIVOT`:
/// every dialect prints it, and a user can paste it into any of the engines.
///
/// Two CTEs after the lowering's: `retention_counts`, per cohort and period column k (as
/// `SQLRetentionPivot`, which this must follow) `reached_k` = customers whose age is ≥ k (kind 2 rows)
/// and `active_k` = kind 3 rows with period = k (unbounded: latest active period ≥ k); then
/// `retention_table`, whose cell k is NULL when `reached_k` = 0, else `active_k`, or with `percent`
/// `active_k / reached_k * 100` (doubles, in the pivot's order of operations).
/// - Complexity: the pivot reads `retention_cells` once; its text is O(columns).
extension SQLLoweredQuery {
    /// The name of the CTE holding the table in `retentionTable(columns:)`.
    public static let retentionTableName = "retention_table"
    static let retentionCountsName = "retention_counts"

    /// The retention table's query with `columns` period columns; nil when this is not a retention query.
    public func retentionTable(columns: Int) -> SQLLoweredQuery? {
        guard case .retention(let pivot) = reading, case .select(let outer) = query.body,
              case .table(let source, alias: nil)? = outer.from, query.orderBy.count >= 2,
              query.orderBy.first?.expression == .column("kind"), query.orderBy.last?.expression == .column("period"),
              !query.ctes.contains(where: { [Self.retentionCountsName, Self.retentionTableName].contains($0.name) }) else { return nil }
        let width = max(1, min(columns, SQLRetentionPivot.maxColumns))
        let kind = SQLExpression.column("kind"), period = SQLExpression.column("period"), value = SQLExpression.column("value")
        /// `sum(CASE WHEN condition THEN value ELSE 0 END)`.
        func total(_ condition: SQLExpression) -> SQLExpression {
            .aggregate(.sum, .caseWhen([SQLWhen(condition, value)], else: .integer(0)))
        }
        var counts: [SQLSelectItem] = [
            .column("cohort"),
            .named(.cast(.aggregate(.max, .caseWhen([SQLWhen(.equal(kind, .integer(1)), value)], else: nil)), .bigint), "customers"),
        ]
        var cells: [SQLSelectItem] = [.column("cohort"), .column("customers")]
        for k in 0..<width {
            let reached = total(.and([.equal(kind, .integer(2)), .binary(period, .greaterEqual, .integer(Int64(k)))]))
            let active = total(.and([.equal(kind, .integer(3)), .binary(period, pivot.unbounded ? .greaterEqual : .equal, .integer(Int64(k)))]))
            counts += [.named(.cast(reached, .bigint), "reached_\(k)"), .named(.cast(active, .bigint), "active_\(k)")]
            let (r, a) = (SQLExpression.column("reached_\(k)"), SQLExpression.column("active_\(k)"))
            let cell: SQLExpression = pivot.percent ? .binary(.binary(.cast(a, .double), .divide, .cast(r, .double)), .times, .integer(100)) : a
            cells.append(.named(.caseWhen([SQLWhen(.binary(r, .greater, .integer(0)), cell)], else: nil), String(k)))
        }
        let countsComment = """
            the table: Siklus reads the long-form cells (SELECT * FROM \(source)) and pivots them in Swift. The same pivot in SQL,
            over the \(width) period column\(width == 1 ? "" : "s") of this data (from the earliest anchor to as_of\(pivot.horizon == nil ? "" : ", capped by the horizon")):
            per cohort and period k, the customers who had reached k by as_of (age ≥ k) and those active in k\(pivot.unbounded ? " or later" : "")
            """
        let cellsComment = "   … cell k = active_k\(pivot.percent ? " as % of reached_k" : ""), empty when nobody has reached k"
        let ctes = [SQLCommonTableExpression(Self.retentionCountsName, comment: countsComment,
                                             SQLQuery(SQLSelect(counts, from: .table(source, alias: nil), groupBy: [.column("cohort")]))),
                    SQLCommonTableExpression(Self.retentionTableName, comment: cellsComment,
                                             SQLQuery(SQLSelect(cells, from: .table(Self.retentionCountsName, alias: nil))))]
        let names = ["cohort", "customers"] + (0..<width).map(String.init)
        let units: [ValueUnit] = [.text, .count] + Array(repeating: pivot.percent ? .percent : .count, count: width)
        let body = SQLSelect(names.map { .column($0) }, from: .table(Self.retentionTableName, alias: nil))
        return SQLLoweredQuery(query: SQLQuery(ctes: query.ctes + ctes, .select(body), orderBy: Array(query.orderBy.dropFirst().dropLast())),
                               columns: names, reading: .table(units: units, shape: .retention, title: pivot.title))
    }
}
