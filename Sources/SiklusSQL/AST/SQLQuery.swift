/// A query: common table expressions, then a body (a `SELECT` or a `UNION ALL` of them), with an
/// optional final order and limit.
public struct SQLQuery: Sendable, Equatable {
    public var ctes: [SQLCommonTableExpression]
    public var body: SQLQueryBody
    public var orderBy: [SQLOrderTerm]
    public var limit: Int?

    public init(ctes: [SQLCommonTableExpression] = [], _ body: SQLQueryBody, orderBy: [SQLOrderTerm] = [], limit: Int? = nil) {
        self.ctes = ctes
        self.body = body
        self.orderBy = orderBy
        self.limit = limit
    }

    public init(_ select: SQLSelect) { self.init(.select(select)) }
}

public indirect enum SQLQueryBody: Sendable, Equatable {
    case select(SQLSelect)
    /// `a UNION ALL b UNION ALL …`.
    case unionAll([SQLSelect])
}

/// `name AS (query)`, printed under a `-- comment` saying what it computes.
public struct SQLCommonTableExpression: Sendable, Equatable {
    public var name: String
    public var comment: String?
    public var query: SQLQuery

    public init(_ name: String, comment: String? = nil, _ query: SQLQuery) {
        self.name = name
        self.comment = comment
        self.query = query
    }
}

/// One `SELECT`.
public struct SQLSelect: Sendable, Equatable {
    public var distinct: Bool
    public var items: [SQLSelectItem]
    public var from: SQLTableReference?
    public var joins: [SQLJoin]
    public var filter: SQLExpression?
    public var groupBy: [SQLExpression]
    public var having: SQLExpression?
    /// The alias of a relation of this select small enough to copy to every worker of a distributed
    /// engine (Spark's `BROADCAST` hint, `SQLDialectDefinition.broadcastHint`): the lowering sets it where it
    /// knows a side is small; dialects without join hints ignore it.
    public var broadcast: String?

    public init(distinct: Bool = false, _ items: [SQLSelectItem], from: SQLTableReference? = nil, joins: [SQLJoin] = [],
                where filter: SQLExpression? = nil, groupBy: [SQLExpression] = [], having: SQLExpression? = nil, broadcast: String? = nil) {
        self.distinct = distinct
        self.items = items
        self.from = from
        self.joins = joins
        self.filter = filter
        self.groupBy = groupBy
        self.having = having
        self.broadcast = broadcast
    }
}

public enum SQLSelectItem: Sendable, Equatable {
    /// `expression AS alias` (no alias: the expression alone).
    case expression(SQLExpression, alias: String?)
    /// `*` or `t.*`.
    case all(table: String?)
    /// Every column of `table` but `excluded`: DuckDB's `t.* EXCLUDE (…)`; other dialects list the
    /// remaining `columns` (the relation's columns, in order), so the lowering must know them.
    case allExcept(table: String?, excluded: [String], columns: [String])

    public static func column(_ name: String, table: String? = nil) -> SQLSelectItem { .expression(.column(name, table: table), alias: nil) }
    public static func named(_ expression: SQLExpression, _ alias: String) -> SQLSelectItem { .expression(expression, alias: alias) }
}

/// A relation in `FROM` or a join.
public indirect enum SQLTableReference: Sendable, Equatable {
    /// A table or CTE: `events AS e`; `name` is a `SQLTableName` (schema-qualified parts, each quoted alone).
    case table(String, alias: String?)
    case subquery(SQLQuery, alias: String)
    /// `(VALUES (1, 'a'), …) AS alias(c1, c2)`.
    case values([[SQLExpression]], alias: String, columns: [String])
}

public struct SQLJoin: Sendable, Equatable {
    public enum Kind: String, Sendable { case inner = "JOIN", left = "LEFT JOIN", full = "FULL JOIN", cross = "CROSS JOIN" }
    public enum Condition: Sendable, Equatable {
        case on(SQLExpression)
        case using([String])
        case none
    }

    public var kind: Kind
    public var table: SQLTableReference
    public var condition: Condition

    public init(_ kind: Kind, _ table: SQLTableReference, _ condition: Condition = .none) {
        self.kind = kind
        self.table = table
        self.condition = condition
    }
}
