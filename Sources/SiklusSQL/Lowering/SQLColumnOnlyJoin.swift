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
        guard !reads(select, alias) else { return query }
        select.joins = []
        select.filter = .isNull(.column("customer_id", table: other), negated: true)
        var result = query
        result.ctes[index].query.body = .select(select)
        return result
    }

    /// `query` with `people`'s LEFT JOIN to the facts CTE `facts` removed when nothing but the join condition
    /// reads it. The facts hold one row per customer (grouped by `customer_id`), so the join neither adds
    /// nor repeats a row: without a read column it changes nothing. That is `people` when the customers
    /// table gives every signup (`SQLSourceTables.customersGiveEverySignup`) and the query reads no other
    /// fact: PostgreSQL and Spark then no longer group every event by customer for it.
    /// - Complexity: O(size of the CTE).
    static func dropFacts(in query: SQLQuery, people: String, facts: String) -> SQLQuery {
        guard let index = query.ctes.firstIndex(where: { $0.name == people }),
              case .select(var select) = query.ctes[index].query.body,
              select.joins.count == 1, select.joins[0].kind == .left,
              case .table(facts, alias: let alias?) = select.joins[0].table,
              case .on(.binary(.column("customer_id", table: alias?), .equal, _)) = select.joins[0].condition,
              select.groupBy.isEmpty, select.having == nil,
              !reads(select, alias), !(select.filter.map { reads($0, alias) } ?? false) else { return query }
        select.joins = []
        var result = query
        result.ctes[index].query.body = .select(select)
        return result
    }

    /// Whether an item of `select` reads the relation aliased `alias` (an unqualified name or `*` could).
    private static func reads(_ select: SQLSelect, _ alias: String) -> Bool {
        select.items.contains { item in
            switch item {
            case .all(let table), .allExcept(let table, _, _): table == nil || table == alias
            case .expression(let e, _): reads(e, alias)
            }
        }
    }

    /// Whether `e` reads a column of `alias` (or an unqualified one, or holds a subquery).
    private static func reads(_ e: SQLExpression, _ alias: String) -> Bool {
        var found = false
        SQLColumnReferences.visit(e) { table, _ in if table == nil || table == alias { found = true } } subquery: { _ in found = true }
        return found
    }
}
