/// `people` FULL JOINs the customers table with `customer_facts` so that it lists every customer of either
/// table (a LEFT JOIN when the customers table has a row for every customer with facts,
/// `SQLSourceTables.customersGiveEverySignup`: the facts' rows are then the joined rows with a fact too). When `SQLColumnPruning` has left it no customers-table column but the id, and every reader keeps
/// only rows where one of the facts is not NULL (retention's anchors: `first_purchase IS NOT NULL`), the
/// rows read are exactly the facts' rows with that fact, whose id the join only repeated: `people`
/// becomes those facts rows alone, and the facts' branch that lists the customers without the fact
/// (`SQLFirstPurchaseFacts`' NULL branch) goes. Spark no longer shuffles the 1M customers rows into a
/// join that adds nothing (pyspark at 1M, `cohort by first_purchase period month | retention`: 4.81 s →
/// 2.37 s). A customers table repeating an id made the join repeat that customer's row; Siklus, which
/// keeps one row per customer, never did.
enum SQLPeopleFromFacts {
    /// `query` with `people` read from `facts` alone as above (unchanged when any condition fails).
    /// - Complexity: O(CTEs × size of the query).
    static func narrow(in query: SQLQuery, people: String, facts: String) -> SQLQuery {
        guard let index = query.ctes.firstIndex(where: { $0.name == people }),
              query.ctes[index].query.ctes.isEmpty, query.ctes[index].query.orderBy.isEmpty,
              case .select(var select) = query.ctes[index].query.body,
              select.joins.count == 1, [SQLJoin.Kind.full, .left].contains(select.joins[0].kind),
              case .table(facts, alias: let factsAlias?) = select.joins[0].table,
              case .table(_, alias: .some) = select.from,
              select.filter == nil, select.groupBy.isEmpty, select.having == nil, !select.distinct,
              select.items.count >= 2, case .expression(_, alias: "customer_id") = select.items[0]
        else { return query }
        // Every other column must be a fact (read from the facts' alias alone).
        var factColumns: [String: String] = [:]
        for item in select.items.dropFirst() {
            guard case .expression(let e, let alias) = item else { return query }
            var onlyFacts = true
            SQLColumnReferences.visit(e) { table, _ in if table != factsAlias { onlyFacts = false } } subquery: { _ in onlyFacts = false }
            guard onlyFacts else { return query }
            if case .column(let name, factsAlias) = e { factColumns[(alias ?? name).lowercased()] = name }
        }
        guard let kept = factColumns.keys.sorted().first(where: { readersKeepNonNull(query, of: people, column: $0) }),
              let factName = factColumns[kept] else { return query }
        select.items[0] = .named(.column("customer_id", table: factsAlias), "customer_id")
        select.from = .table(facts, alias: factsAlias)
        select.joins = []
        select.filter = .isNull(.column(factName, table: factsAlias), negated: true)
        var result = query
        result.ctes[index].query.body = .select(select)
        result.ctes[index].comment = "the customers with a \(factName.split(separator: "_").joined(separator: " ")), the only ones read (the customers table adds none)"
        return dropNullBranches(in: result, facts: facts, column: factName)
    }

    /// Whether every reader of `name` keeps only its rows whose `column` is not NULL: it reads `name` alone
    /// (its one relation) and either has `column IS NOT NULL` among its `WHERE`'s conjuncts, or passes the
    /// column on with `*` to readers that all do. The final query must not read it.
    static func readersKeepNonNull(_ query: SQLQuery, of name: String, column: String) -> Bool {
        let key = name.lowercased()
        guard SQLTableReferences.count(in: SQLQuery(query.body, orderBy: query.orderBy))[key] == nil else { return false }
        let readers = query.ctes.filter { SQLTableReferences.count(in: $0.query)[key] != nil }
        guard !readers.isEmpty else { return false }
        return readers.allSatisfy { reader in
            guard reader.query.ctes.isEmpty, case .select(let select) = reader.query.body,
                  SQLTableReferences.count(in: reader.query)[key] == 1,
                  case .table(let table, let alias) = select.from, table.lowercased() == key, select.joins.isEmpty
            else { return false }
            let qualifier = (alias ?? table).lowercased()
            if conjuncts(select.filter).contains(where: { isNotNull($0, column, qualifier) }) { return true }
            let passesOn = select.groupBy.isEmpty && select.having == nil && !select.distinct
                && select.items.contains { if case .all(let t) = $0 { t == nil || t?.lowercased() == qualifier } else { false } }
                && !select.items.contains { if case .expression(_, let alias?) = $0 { alias.lowercased() == column } else { false } }
            return passesOn && readersKeepNonNull(query, of: reader.name, column: column)
        }
    }

    private static func conjuncts(_ e: SQLExpression?) -> [SQLExpression] {
        guard let e else { return [] }
        if case .binary(let a, .and, let b) = e { return conjuncts(a) + conjuncts(b) }
        return [e]
    }

    private static func isNotNull(_ e: SQLExpression, _ column: String, _ qualifier: String) -> Bool {
        guard case .isNull(.column(let name, let table), negated: true) = e else { return false }
        return name.lowercased() == column && (table == nil || table?.lowercased() == qualifier)
    }

    /// `facts` without the `UNION ALL` branches whose `column` is a NULL constant, when `people` (now
    /// keeping only rows where it is not NULL) is its one reader.
    private static func dropNullBranches(in query: SQLQuery, facts: String, column: String) -> SQLQuery {
        guard let index = query.ctes.firstIndex(where: { $0.name == facts }),
              case .unionAll(let branches) = query.ctes[index].query.body,
              SQLTableReferences.count(in: query)[facts.lowercased()] == 1 else { return query }
        let kept = branches.filter { branch in
            !branch.items.contains { item in
                guard case .expression(let e, alias: let alias?) = item, alias == column else { return false }
                if case .cast(.null, _) = e { return true }
                return e == .null
            }
        }
        guard kept.count == 1 else { return query }
        var result = query
        result.ctes[index].query.body = .select(kept[0])
        result.ctes[index].comment = "each customer's \(column.split(separator: "_").joined(separator: " ")), from the rows that give one"
        return result
    }
}
