/// Drops the output columns of CTEs that nothing downstream reads, so an engine computes only the facts a
/// query needs: `people` carries every customer fact (first channel, first event, …) for whichever
/// analysis reads it, `staged` its purchase-number window. An engine that inlines a CTE read once prunes
/// it itself, but one it materializes (PostgreSQL, a CTE read twice) or caches (Spark's views) computes
/// every column; after this pass the unread ones are gone.
///
/// Conservative: a column is kept when any reference could reach it. An unqualified name counts for every
/// relation of its `SELECT`, a qualifier this pass cannot resolve (a correlated reference) counts for
/// every CTE, `*` passes the reader's needs on, and `DISTINCT` and `UNION ALL` selects keep all their
/// columns (they change rows or line columns up by position). A CTE nothing reads is dropped. (The
/// lowering writes no correlated subquery with an unqualified outer name, which this pass would miss.)
///
/// - Complexity: O(CTEs × size of the query).
enum SQLColumnPruning {
    /// What a reader needs of a relation: every column, or the named ones (lowercased).
    enum Need: Equatable {
        case all
        case columns(Set<String>)

        mutating func add(_ other: Need) {
            switch (self, other) {
            case (.all, _): break
            case (_, .all): self = .all
            case (.columns(let a), .columns(let b)): self = .columns(a.union(b))
            }
        }

        func contains(_ name: String) -> Bool {
            switch self {
            case .all: true
            case .columns(let names): names.contains(name.lowercased())
            }
        }
    }

    static func prune(_ query: SQLQuery) -> SQLQuery {
        var needs: [String: Need] = [:]
        var unresolved = Set<String>()
        var result = query
        result.body = body(query.body, need: .all, extraReferences: query.orderBy.map(\.expression), &needs, &unresolved)
        var ctes: [SQLCommonTableExpression] = []
        for var cte in query.ctes.reversed() {
            // An unread CTE goes (engines would skip it, but its references to pruned columns would not parse).
            guard var need = needs[cte.name.lowercased()] else { continue }
            need.add(.columns(unresolved))
            cte.query = self.query(cte.query, need: need, &needs, &unresolved)
            ctes.append(cte)
        }
        result.ctes = ctes.reversed()
        return result
    }

    private static func query(_ query: SQLQuery, need: Need, _ needs: inout [String: Need], _ unresolved: inout Set<String>) -> SQLQuery {
        var result = query
        result.body = body(query.body, need: query.ctes.isEmpty ? need : .all, extraReferences: query.orderBy.map(\.expression), &needs, &unresolved)
        for cte in query.ctes { _ = self.query(cte.query, need: .all, &needs, &unresolved) }
        return result
    }

    private static func body(_ body: SQLQueryBody, need: Need, extraReferences: [SQLExpression],
                             _ needs: inout [String: Need], _ unresolved: inout Set<String>) -> SQLQueryBody {
        switch body {
        case .select(let s): return .select(select(s, need: need, extraReferences: extraReferences, &needs, &unresolved))
        case .unionAll(let selects):
            return .unionAll(selects.map { select($0, need: .all, extraReferences: extraReferences, &needs, &unresolved) })
        }
    }

    /// `select` keeping the items `need` asks for; records what it reads of each relation in `needs`.
    private static func select(_ select: SQLSelect, need: Need, extraReferences: [SQLExpression],
                               _ needs: inout [String: Need], _ unresolved: inout Set<String>) -> SQLSelect {
        let need = select.distinct ? Need.all : need
        var result = select
        result.items = select.items.compactMap { item in
            guard case .expression(let e, let alias) = item else {
                if case .allExcept(let table, let excluded, let columns) = item, case .columns = need {
                    let kept = columns.filter { need.contains($0) && !excluded.contains($0) }
                    return kept.isEmpty ? nil : .allExcept(table: table, excluded: excluded, columns: kept)
                }
                return item
            }
            guard let name = alias ?? { if case .column(let c, _) = e { c } else { nil } }() else { return item }
            return need.contains(name) ? item : nil
        }
        if result.items.isEmpty, let first = select.items.first { result.items = [first] }

        // The relations of this SELECT, by the name references qualify them with.
        var relations: [(qualifier: String, reference: SQLTableReference)] = []
        for reference in [select.from].compactMap({ $0 }) + select.joins.map(\.table) {
            switch reference {
            case .table(let name, let alias): relations.append(((alias ?? name).lowercased(), reference))
            case .subquery(_, let alias), .values(_, let alias, _): relations.append((alias.lowercased(), reference))
            }
        }
        var read: [String: Need] = [:]
        func reads(_ qualifier: String?, _ what: Need) {
            guard let qualifier = qualifier?.lowercased() else {
                for relation in relations { read[relation.qualifier, default: .columns([])].add(what) }
                return
            }
            if relations.contains(where: { $0.qualifier == qualifier }) {
                read[qualifier, default: .columns([])].add(what)
            } else if case .columns(let names) = what {
                unresolved.formUnion(names)
            }
        }
        var expressions = extraReferences
        for item in result.items {
            switch item {
            case .expression(let e, _): expressions.append(e)
            case .all(let table): reads(table, need)
            case .allExcept(let table, _, let columns): reads(table, need == .all ? .columns(Set(columns.map { $0.lowercased() })) : need)
            }
        }
        for join in select.joins {
            switch join.condition {
            case .on(let e): expressions.append(e)
            case .using(let names): reads(nil, .columns(Set(names.map { $0.lowercased() })))
            case .none: break
            }
        }
        expressions += [select.filter, select.having].compactMap { $0 } + select.groupBy
        for e in expressions {
            SQLColumnReferences.visit(e) { table, column in reads(table, .columns([column.lowercased()])) } subquery: { q in
                _ = query(q, need: .all, &needs, &unresolved)
            }
        }

        // Pass each relation's needs on: to a CTE (or source table) by name, into a derived table.
        for (index, relation) in relations.enumerated() {
            let what = read[relation.qualifier] ?? .columns([])
            switch relation.reference {
            case .table(let name, _): needs[name.lowercased(), default: .columns([])].add(what)
            case .subquery(let q, let alias):
                let pruned = query(q, need: what, &needs, &unresolved)
                if index == 0 { result.from = .subquery(pruned, alias: alias) } else { result.joins[index - 1].table = .subquery(pruned, alias: alias) }
            case .values: break
            }
        }
        return result
    }
}

/// The column references of an expression, and the subqueries inside it.
enum SQLColumnReferences {
    static func visit(_ e: SQLExpression, column: (String?, String) -> Void, subquery: (SQLQuery) -> Void) {
        func go(_ e: SQLExpression) { visit(e, column: column, subquery: subquery) }
        switch e {
        case .column(let name, let table): column(table, name)
        case .null, .integer, .number, .text, .boolean, .timestamp: break
        case .unary(_, let a), .cast(let a, _), .isNull(let a, _), .isNotTrue(let a): go(a)
        case .binary(let a, _, let b), .isDistinctFrom(let a, let b, _): go(a); go(b)
        case .call(_, let args), .library(_, let args): args.forEach(go)
        case .aggregate(let aggregate): aggregate.arguments.forEach(go); aggregate.filter.map(go)
        case .window(let f, let window): go(f); window.partitionBy.forEach(go); window.orderBy.forEach { go($0.expression) }
        case .caseWhen(let arms, let otherwise): arms.forEach { go($0.condition); go($0.value) }; otherwise.map(go)
        case .inList(let x, let list, _): go(x); list.forEach(go)
        case .inQuery(let x, let q, _): go(x); subquery(q)
        case .subquery(let q): subquery(q)
        }
    }
}
