/// Prints a `SQLQuery` in one dialect: the only place SQL text is assembled. Constructs the dialect
/// cannot express throw `SQLNotExpressible` naming them; nothing is ever printed approximately.
public struct SQLPrinter: Sendable {
    public let dialect: any SQLDialectDefinition

    public init(_ dialect: SQLDialect) { self.dialect = dialect.definition }
    public init(definition: any SQLDialectDefinition) { self.dialect = definition }

    /// The query as text, without a trailing `;` (engines' client calls take one statement).
    public func print(_ query: SQLQuery) throws(SQLNotExpressible) -> String {
        try lines(query).joined(separator: "\n")
    }

    /// A name as the dialect writes it: one identifier, quoted whole when needed (`"a.b"` keeps its dot).
    public func identifier(_ name: String) -> String { SQLIdentifier.spell(name, in: dialect) }

    /// A table name (`SQLTableName`): each part quoted alone, joined by dots (`sales."my.table"`).
    func tableName(_ name: String) -> String {
        SQLTableName.parts(name).map(identifier).joined(separator: ".")
    }

    // MARK: queries

    func lines(_ query: SQLQuery) throws(SQLNotExpressible) -> [String] {
        var out: [String] = []
        if !query.ctes.isEmpty {
            out.append("WITH")
            for (i, cte) in query.ctes.enumerated() {
                for line in (cte.comment ?? "").split(separator: "\n") { out.append("-- " + line) }
                out.append("\(identifier(cte.name)) AS (")
                out += try lines(cte.query).map { "  " + $0 }
                out.append(i == query.ctes.count - 1 ? ")" : "),")
            }
        }
        switch query.body {
        case .select(let select):
            out += try lines(select)
        case .unionAll(let selects):
            for (i, select) in selects.enumerated() {
                if i > 0 { out.append("UNION ALL") }
                out += try lines(select)
            }
        }
        if !query.orderBy.isEmpty { out.append("ORDER BY " + (try orderTerms(query.orderBy))) }
        if let limit = query.limit { out.append("LIMIT \(limit)") }
        return out
    }

    func lines(_ select: SQLSelect) throws(SQLNotExpressible) -> [String] {
        var items: [String] = []
        for item in select.items { items.append(try self.item(item)) }
        let hint = select.broadcast.flatMap { dialect.broadcastHint(identifier($0)) }.map { $0 + " " } ?? ""
        var out = ["SELECT " + hint + (select.distinct ? "DISTINCT " : "") + items.joined(separator: ",\n  ")]
        if let from = select.from { out.append("FROM " + (try reference(from))) }
        for join in select.joins {
            var line = "\(join.kind.rawValue) \(try reference(join.table))"
            switch join.condition {
            case .on(let condition): line += " ON " + (try expression(condition))
            case .using(let columns): line += " USING (" + columns.map(identifier).joined(separator: ", ") + ")"
            case .none: break
            }
            out.append(line)
        }
        if let filter = select.filter { out.append("WHERE " + (try expression(filter))) }
        if !select.groupBy.isEmpty {
            var terms: [String] = []
            for term in select.groupBy { terms.append(try expression(term)) }
            out.append("GROUP BY " + terms.joined(separator: ", "))
        }
        if let having = select.having { out.append("HAVING " + (try expression(having))) }
        return out.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }

    private func item(_ item: SQLSelectItem) throws(SQLNotExpressible) -> String {
        switch item {
        case .expression(let e, let alias):
            let text = try expression(e)
            guard let alias else { return text }
            if case .column(let name, _) = e, name == alias { return text }
            return "\(text) AS \(identifier(alias))"
        case .all(let table):
            return table.map { identifier($0) + ".*" } ?? "*"
        case .allExcept(let table, let excluded, let columns):
            let prefix = table.map { identifier($0) + "." } ?? ""
            if dialect.supportsColumnExclude {
                return prefix + "* EXCLUDE (" + excluded.map(identifier).joined(separator: ", ") + ")"
            }
            let kept = columns.filter { !excluded.contains($0) }
            guard !kept.isEmpty else { return "" }
            return kept.map { prefix + identifier($0) }.joined(separator: ", ")
        }
    }

    private func reference(_ reference: SQLTableReference) throws(SQLNotExpressible) -> String {
        switch reference {
        case .table(let name, let alias):
            return tableName(name) + (alias.map { " AS " + identifier($0) } ?? "")
        case .subquery(let query, let alias):
            let body = try lines(query).map { "  " + $0 }.joined(separator: "\n")
            return "(\n\(body)\n) AS \(identifier(alias))"
        case .values(let rows, let alias, let columns):
            var printed: [String] = []
            for row in rows {
                var cells: [String] = []
                for cell in row { cells.append(try expression(cell)) }
                printed.append("(" + cells.joined(separator: ", ") + ")")
            }
            return "(VALUES \(printed.joined(separator: ", "))) AS \(identifier(alias))(\(columns.map(identifier).joined(separator: ", ")))"
        }
    }

    func orderTerms(_ terms: [SQLOrderTerm]) throws(SQLNotExpressible) -> String {
        var out: [String] = []
        for term in terms {
            var text = try expression(term.expression)
            if term.isText, let collation = dialect.bytewiseCollation { text = "\(parenthesized(term.expression, text))\(collation)" }
            text += term.descending ? " DESC" : " ASC"
            text += term.nullsFirst ? " NULLS FIRST" : " NULLS LAST"
            out.append(text)
        }
        return out.joined(separator: ", ")
    }

    /// `text` in parentheses unless the expression is a single term.
    func parenthesized(_ e: SQLExpression, _ text: String) -> String {
        switch e {
        case .column, .null, .integer, .boolean, .text, .timestamp, .call, .cast, .subquery, .window: return text
        case .number(let v) where v >= 0: return text
        case .library, .aggregate: return SQLTemplate.isAtomic(text) ? text : "(\(text))"
        default: return "(\(text))"
        }
    }
}
