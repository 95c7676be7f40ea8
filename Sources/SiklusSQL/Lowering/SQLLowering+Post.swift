import SiklusPlan

/// The `result` CTE, the `sort` / `top` / `limit` steps and the final `SELECT` in Siklus's row order.
/// Sorting is stable in Siklus: each step orders by its keys, then by the previous order (`row_no`).
extension SQLLoweringState {
    mutating func finish(_ result: SQLResultShape) throws(SQLNotExpressible) -> SQLLoweredQuery {
        let resultName = builder.add("result", "the result table, one row per group", result.select)
        let visible = result.columns.filter { !result.hidden.contains($0) }
        let output = visible.map { SQLSelectItem.column($0) }
        if case .funnelHistogram = result.reading, !query.post.isEmpty {
            // The bins are made in Swift (`FunnelHistogramTable`): sort/top/limit apply to them, as in memory.
            var lowered = SQLLoweredQuery(query: SQLQuery(ctes: builder.ctes, .select(SQLSelect(output, from: .table(resultName, alias: nil))),
                                                          orderBy: result.order), columns: visible, reading: result.reading)
            lowered.postAfterPivot = query.post
            return lowered
        }
        guard !query.post.isEmpty else {
            return SQLLoweredQuery(query: SQLQuery(ctes: builder.ctes, .select(SQLSelect(output, from: .table(resultName, alias: nil))),
                                                   orderBy: result.order), columns: visible, reading: result.reading)
        }
        // The steps number rows in `row_no`, unless a result column has that name (an events column listed by `rows`).
        let rowNo = visible.contains { $0.lowercased() == "row_no" } ? "siklus_row_no" : "row_no"
        let rowNumber = { (order: [SQLOrderTerm]) in SQLExpression.window(.call("row_number", []), SQLWindow(orderBy: order)) }
        var previous = builder.add("numbered", "   … numbered in Siklus's row order", SQLSelect(
            output + [.named(rowNumber(result.order), rowNo)], from: .table(resultName, alias: nil)))
        let rowNoTerm = SQLOrderTerm(.column(rowNo))
        for step in query.post {
            switch step {
            case .sort(let keys):
                let terms = try keys.map { key throws(SQLNotExpressible) -> SQLOrderTerm in
                    guard let column = visible.first(where: { (result.shownNames[$0] ?? $0).lowercased() == key.column.lowercased() }) else {
                        throw SQLNotExpressible("sort by \(key.column) (not a result column)")
                    }
                    return SQLOrderTerm(.column(column), descending: key.descending, isText: result.textColumns.contains(column))
                }
                previous = builder.add("sorted", "sort: missing values last, ties keep their order", SQLSelect(
                    output + [.named(rowNumber(terms + [rowNoTerm]), rowNo)], from: .table(previous, alias: nil)))
            case .top(let n, _), .bottom(let n, _):
                let isTop = if case .top = step { true } else { false }
                guard let measure = result.measure else { throw SQLNotExpressible("\(isTop ? "top" : "bottom") without a numeric column") }
                let ranked = SQLQuery(SQLSelect(output + [.named(rowNumber([SQLOrderTerm(.column(measure), descending: isTop), rowNoTerm]), rowNo)],
                                                from: .table(previous, alias: nil)))
                previous = builder.add(isTop ? "top" : "bottom", "\(isTop ? "top" : "bottom") \(n): the rows with the \(isTop ? "largest" : "smallest") \(measure)", SQLSelect(
                    output + [.column(rowNo)], from: .subquery(ranked, alias: "ranked"), where: .binary(.column(rowNo), .lessEqual, .integer(Int64(n)))))
            case .limit(let n):
                previous = builder.add("limited", "limit \(n): the first rows", SQLSelect(
                    output + [.column(rowNo)], from: .table(previous, alias: nil), where: .binary(.column(rowNo), .lessEqual, .integer(Int64(n)))))
            }
        }
        return SQLLoweredQuery(query: SQLQuery(ctes: builder.ctes, .select(SQLSelect(output, from: .table(previous, alias: nil))), orderBy: [rowNoTerm]),
                               columns: visible, reading: result.reading)
    }
}
