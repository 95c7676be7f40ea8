/// A lowered query run as several statements on an engine that evaluates a CTE again at every reference
/// (Spark inlines CTEs; a CTE read by three later ones, each read twice, runs six times): every CTE that
/// would be evaluated more than once becomes a cached session-temporary view, computed once.
///
/// `setUp` creates and fills the views in dependency order, `query` is the lowered query with each cached
/// CTE's body replaced by `SELECT * FROM` its view (so it returns the same rows), and `tearDown` drops them;
/// the caller runs `tearDown` whether or not the query succeeded. `explain` still prints the one query of
/// `SQLLoweredQuery.sql`: this is only how it is run.
public struct SQLMaterializedRun: Sendable, Equatable {
    public var setUp: [String]
    public var query: String
    public var tearDown: [String]
}

extension SQLLoweredQuery {
    /// The query split for `dialect` when the dialect evaluates a CTE at every reference (see
    /// `SQLDialectDefinition.evaluatesCTEAtEveryReference`), else nil: the one query is best there.
    /// Views are named `viewPrefix` + the CTE's name.
    /// - Complexity: O(size of the query) to count the references, one statement pair per cached CTE.
    public func materializedRun(_ dialect: SQLDialect, viewPrefix: String) throws(SQLNotExpressible) -> SQLMaterializedRun? {
        guard dialect.definition.evaluatesCTEAtEveryReference else { return nil }
        let cached = query.ctesEvaluatedMoreThanOnce()
        guard !cached.isEmpty else { return nil }
        let printer = SQLPrinter(dialect)
        var ctes: [SQLCommonTableExpression] = []
        var setUp: [String] = [], tearDown: [String] = []
        for cte in query.ctes {
            guard cached.contains(cte.name.lowercased()) else {
                ctes.append(cte)
                continue
            }
            let view = viewPrefix + cte.name
            var definition = cte.query
            definition.ctes = ctes + definition.ctes
            let quoted = printer.identifier(view)
            // One round trip each: `CACHE TABLE v AS …` creates the view and fills the cache; dropping the
            // view also frees its cache.
            setUp.append("CACHE TABLE \(quoted) AS\n" + (try printer.print(definition)))
            tearDown.insert("DROP VIEW IF EXISTS \(quoted)", at: 0)
            ctes.append(SQLCommonTableExpression(cte.name, comment: "computed once: the cached view \(view)",
                                                 SQLQuery(SQLSelect([.all(table: nil)], from: .table(view, alias: nil)))))
        }
        var run = query
        run.ctes = ctes
        return SQLMaterializedRun(setUp: setUp, query: try printer.print(run), tearDown: tearDown)
    }
}

extension SQLQuery {
    /// The (lowercased) names of the CTEs an engine that inlines every reference would evaluate more
    /// than once, once the later of them are cached: a CTE runs once per evaluation of each CTE (or the
    /// body) that reads it, and once in all when it is cached.
    func ctesEvaluatedMoreThanOnce() -> Set<String> {
        let names = ctes.map { $0.name.lowercased() }
        var evaluations = [String: Int](), cached = Set<String>()
        var readers = [(references: [String: Int], name: String?)]()
        readers.append((SQLTableReferences.count(in: SQLQuery(body, orderBy: orderBy)), nil))
        for cte in ctes.reversed() {
            let name = cte.name.lowercased()
            let count = readers.reduce(0) { sum, reader in
                let times = reader.name.map { cached.contains($0) ? 1 : evaluations[$0, default: 0] } ?? 1
                return sum + reader.references[name, default: 0] * times
            }
            evaluations[name] = count
            if count > 1 { cached.insert(name) }
            readers.append((SQLTableReferences.count(in: cte.query), name))
        }
        return cached.intersection(names)
    }
}

/// How many times each table or CTE name (lowercased) is read in a query: `FROM`, joins, and
/// subqueries anywhere in it (`IN (SELECT …)`, scalar subqueries, derived tables).
enum SQLTableReferences {
    static func count(in query: SQLQuery) -> [String: Int] {
        var counts: [String: Int] = [:]
        visit(query, &counts)
        return counts
    }

    private static func visit(_ query: SQLQuery, _ counts: inout [String: Int]) {
        for cte in query.ctes { visit(cte.query, &counts) }
        switch query.body {
        case .select(let select): visit(select, &counts)
        case .unionAll(let selects): for select in selects { visit(select, &counts) }
        }
        for term in query.orderBy { visit(term.expression, &counts) }
    }

    private static func visit(_ select: SQLSelect, _ counts: inout [String: Int]) {
        for item in select.items {
            if case .expression(let e, _) = item { visit(e, &counts) }
        }
        if let from = select.from { visit(from, &counts) }
        for join in select.joins {
            visit(join.table, &counts)
            if case .on(let e) = join.condition { visit(e, &counts) }
        }
        for e in [select.filter, select.having].compactMap({ $0 }) + select.groupBy { visit(e, &counts) }
    }

    private static func visit(_ table: SQLTableReference, _ counts: inout [String: Int]) {
        switch table {
        case .table(let name, _): counts[name.lowercased(), default: 0] += 1
        case .subquery(let query, _): visit(query, &counts)
        case .values(let rows, _, _): for row in rows { for e in row { visit(e, &counts) } }
        }
    }

    private static func visit(_ expression: SQLExpression, _ counts: inout [String: Int]) {
        switch expression {
        case .column, .null, .integer, .number, .text, .boolean, .timestamp: break
        case .unary(_, let a), .cast(let a, _), .isNull(let a, _), .isNotTrue(let a): visit(a, &counts)
        case .binary(let a, _, let b), .isDistinctFrom(let a, let b, _): visit(a, &counts); visit(b, &counts)
        case .call(_, let args), .library(_, let args): for a in args { visit(a, &counts) }
        case .aggregate(let aggregate):
            for a in aggregate.arguments { visit(a, &counts) }
            if let filter = aggregate.filter { visit(filter, &counts) }
        case .window(let f, let window):
            visit(f, &counts)
            for e in window.partitionBy { visit(e, &counts) }
            for term in window.orderBy { visit(term.expression, &counts) }
        case .caseWhen(let arms, let otherwise):
            for arm in arms { visit(arm.condition, &counts); visit(arm.value, &counts) }
            if let otherwise { visit(otherwise, &counts) }
        case .inList(let x, let list, _): visit(x, &counts); for e in list { visit(e, &counts) }
        case .inQuery(let x, let query, _): visit(x, &counts); visit(query, &counts)
        case .subquery(let query): visit(query, &counts)
        }
    }
}
