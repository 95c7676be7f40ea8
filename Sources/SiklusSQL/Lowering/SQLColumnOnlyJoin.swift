/// The source's events CTE joins each event to its customer's `people` row, which both narrows the events
/// to the customers in scope and brings the customer's columns alongside. When the source keeps every
/// customer with an event (`events`, or `cohort` without a filter), or when a cohort filter already
/// narrowed the events to its customers (`event_rows`' `IN`), the join only adds columns; once
/// `SQLColumnPruning` has removed the ones nothing reads, a join that adds none is dropped, so the engine
/// neither computes `people` for it nor joins millions of events to it.
enum SQLColumnOnlyJoin {
    /// `query` with the CTE `name`'s join to the relation aliased `alias` removed when nothing but the join
    /// condition reads it (the CTE unchanged otherwise). Events without a customer id, which the join
    /// dropped, stay dropped.
    /// - Complexity: O(size of the CTE).
    static func drop(in query: SQLQuery, cte name: String, alias: String) -> SQLQuery {
        guard let index = query.ctes.firstIndex(where: { $0.name == name }),
              case .select(var select) = query.ctes[index].query.body,
              select.joins.count == 1, select.joins[0].kind == .inner,
              case .table(_, alias: alias?) = select.joins[0].table,
              case .on(let condition) = select.joins[0].condition,
              case .binary(.column("customer_id", table: alias?), .equal, .column("customer_id", table: let other?)) = condition,
              select.filter == nil, select.groupBy.isEmpty, select.having == nil else { return query }
        var readsJoined = false
        for item in select.items {
            switch item {
            case .all(let table), .allExcept(let table, _, _): if table == nil || table == alias { readsJoined = true }
            case .expression(let e, _):
                SQLColumnReferences.visit(e) { table, _ in if table == nil || table == alias { readsJoined = true } } subquery: { _ in readsJoined = true }
            }
        }
        guard !readsJoined else { return query }
        select.joins = []
        select.filter = .isNull(.column("customer_id", table: other), negated: true)
        var result = query
        result.ctes[index].query.body = .select(select)
        return result
    }
}
