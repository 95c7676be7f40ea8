import SiklusLanguage
import SiklusPlan

/// A lowered query: one SQL query (CTEs allowed) whose rows, in order, are the result table's.
public struct SQLLoweredQuery: Sendable, Equatable {
    public var query: SQLQuery
    /// The result columns, in order (what the in-memory table calls them); for retention, the long-form
    /// cells' columns.
    public var columns: [String]
    /// How the rows become the result table (`resultTable(_:)`).
    public var reading: SQLResultReading
    /// `sort`, `top` and `limit` steps the caller applies to the result table as the in-memory engine
    /// does (`ResultOperations`), after `resultTable(_:)`: retention's, whose columns exist only after the pivot.
    public var postAfterPivot: [LogicalQuery.PostStep] = []

    /// The query in `dialect`, or the construct it cannot express.
    public func sql(_ dialect: SQLDialect) throws(SQLNotExpressible) -> String {
        try SQLPrinter(dialect).print(query)
    }
}

/// Lowers a `LogicalQuery` to SQL over the engine's source tables, carrying Siklus's semantics: file
/// order as the tie-break for equal times (`SQLSourceTables.loadOrder`), UTC, byte-wise text order,
/// NULLS LAST, customer ids as text, `(none)` groups last. The query is dialect-free; `SQLLoweredQuery.sql`
/// prints it for one engine.
///
/// Lowered: every metric (stage_share and transitions as their own tables), every dimension, cohort /
/// `stage` / `where` scope (spend narrowed by `where` too), `derive` (also over customers columns),
/// retention (long-form cells and `SQLRetentionPivot`, then `postAfterPivot`), funnels, `rows`, line items
/// grouped into orders and `returns`, the per-customer summary of `rfm` and `clv`, and `sort`, `top`, `limit`. Refused with an error naming the
/// construct (never approximate SQL): `rows` over tables that lose the customers' order, and what Siklus
/// rejects too. Events columns named like the SQL's own are renamed inside the query (`SQLInternalColumnNames`).
public struct SQLLowering: Sendable {
    public let catalog: Catalog
    public let tables: SQLSourceTables
    /// `rfm | by … | metric …`: the scores Siklus wrote to the engine; without them such a query is refused
    /// (the caller lowers the plain `rfm` first, for the summary the scores come from).
    public var rfmScores: SQLRFMScores?

    public init(catalog: Catalog, tables: SQLSourceTables = .siklus) {
        self.catalog = catalog
        self.tables = tables
    }

    public func lower(_ query: LogicalQuery) throws(SQLNotExpressible) -> SQLLoweredQuery {
        var state = try SQLLoweringState(catalog: catalog, tables: tables, query: query)
        state.rfmScores = rfmScores
        var lowered = try state.lower()
        lowered.query = SQLColumnPruning.prune(lowered.query)
        if let events = state.eventsJoinOnlyAddsColumns {
            lowered.query = SQLColumnPruning.prune(SQLColumnOnlyJoin.drop(in: lowered.query, cte: events, alias: "p"))
        }
        if let facts = state.builder.sharedName("customer_facts") {
            lowered.query = SQLFirstPurchaseFacts.split(in: lowered.query, cte: facts)
            if tables.customersGiveEverySignup, let people = state.builder.sharedName("people") {
                lowered.query = SQLColumnPruning.prune(SQLColumnOnlyJoin.dropFacts(in: lowered.query, people: people, facts: facts))
            } else if let people = state.builder.sharedName("people"), let fallback = try state.signupFallbackCandidates() {
                lowered.query = SQLSignupFallbackFacts.narrow(in: lowered.query, facts: facts, people: people, to: fallback,
                                                              named: state.builder.reserve("signup_fallback"),
                                                              signupPeople: try state.signupPeople(facts: facts))
            }
            if let people = state.builder.sharedName("people") {
                lowered.query = SQLPeopleFromFacts.narrow(in: lowered.query, people: people, facts: facts)
            }
        }
        return lowered
    }
}

/// The lowering of one query: the CTEs so far and the CTEs holding the current scope (a customers CTE,
/// one `people` row per customer in scope, alias `p`; an events CTE, the in-scope event rows with their
/// customer's `people` columns alongside, alias `e`).
struct SQLLoweringState {
    let catalog: Catalog
    /// The source tables (`events` becomes `events_with_customers` when a derive reads customers columns).
    var tables: SQLSourceTables
    let query: LogicalQuery
    var builder: SQLQueryBuilder
    var customers = ""
    var events = ""
    /// The source's events CTE, whose join to the customers only adds their columns (the source keeps
    /// every customer with an event, or its events were already narrowed to the customers in scope), for
    /// `SQLColumnOnlyJoin`.
    var eventsJoinOnlyAddsColumns: String?
    /// Every event of the events CTE belongs to a customer of the customers CTE (true from the source on;
    /// false once a step narrows the customers alone), for `perCustomerRows`.
    var eventsWithinCustomers = false
    /// `cohort by …`, read from the `cohort` column of the customers CTEs.
    var cohort: SQLDimensionLowering?
    /// The alias of each customers column in `people` (by catalog index).
    let personColumns: [Int: String]
    /// The name of each events column (by catalog index) inside the query (`SQLInternalColumnNames`).
    let eventColumns: [String]
    /// How many events columns the source table has (the catalog's later ones are derived).
    let loadedEventColumns: Int
    /// The derived columns (by catalog index) and the amount, over the source table (alias `t`).
    var derivedEvents: (columns: [Int: SQLExpression], amount: SQLExpression) = ([:], .null)
    /// The CTE holding the latest event time, which the default as_of reads (`lastEventTime()`).
    var lastEventTimeCTE: String?
    /// `SQLLowering.rfmScores`.
    var rfmScores: SQLRFMScores?

    /// Columns of `staged` and `people`, for listing them where `* EXCLUDE` does not exist.
    static let stagedFixed = ["customer_id", "ts", "event", "amount", "channel", "row_no", "purchase_no", "stage"]
    static let peopleFixed = ["customer_id", "signup", "first_event", "first_purchase", "acquisition_channel"]

    init(catalog: Catalog, tables: SQLSourceTables, query: LogicalQuery) throws(SQLNotExpressible) {
        // The catalog the binder bound against: derived columns numbered after the loaded ones.
        self.catalog = catalog.adding(query.derives)
        loadedEventColumns = catalog.events.columns.count
        self.tables = tables
        self.query = query
        builder = SQLQueryBuilder(tables: tables)
        let derived = Set(Self.stagedFixed + Self.peopleFixed + ["cohort"])
        // An events column named like a column the SQL derives is read under another name inside the query.
        eventColumns = SQLInternalColumnNames.eventColumns(self.catalog.events.columns.map(\.name))
        var personColumns: [Int: String] = [:]
        let taken = derived.union(eventColumns.map { $0.lowercased() })
        for (i, column) in catalog.customers.columns.enumerated() where !["customer", "signup", "channel"].contains(column.role ?? "") {
            personColumns[i] = taken.contains(column.name.lowercased()) ? "customers_" + column.name : column.name
        }
        self.personColumns = personColumns
    }

    var peopleColumns: [String] { Self.peopleFixed + personColumns.keys.sorted().compactMap { personColumns[$0] } }
    var stagedColumns: [String] {
        ["customer_id", "ts", "event", "amount", "channel", "row_no"] + eventColumns + ["purchase_no"] + orderColumns + ["stage"]
    }

    mutating func lower() throws(SQLNotExpressible) -> SQLLoweredQuery {
        try joinCustomerColumnsForDerive()
        derivedEvents = try derivedColumns(sourceAmount: tables.eventAmount.map { .column($0, table: "t") } ?? .cast(.null, .double))
        lastEventTime()
        addStagedForBehaviour()
        try source()
        for step in query.scope {
            switch step {
            case .stage(let stage, _): scopeStage(stage)
            case .filter(let filter, _): try scopeFilter(filter)
            case .funnelDropOff(let funnel, let n, _):
                try scopeFunnelDropOff(funnel, step: n)
                eventsWithinCustomers = false  // it narrows the customers alone
            }
        }
        let dimensions = try (cohort.map { [$0] } ?? []) + query.dimensions.map { d throws(SQLNotExpressible) in try dimension(d) }
        let result: SQLResultShape
        switch query.analysis {
        case .metrics(let metrics, _):
            result = try self.metrics(metrics, dimensions: dimensions)
        case .retention(let retention):
            var lowered = self.retention(retention)
            lowered.postAfterPivot = query.post
            return lowered
        case .funnel(let funnel):
            result = try self.funnel(funnel, dimensions: dimensions)
        case .rows(let rows):
            result = try self.rows(rows)
        case .customerValue(let value):
            guard let scores = rfmScores, value.metrics != nil || !value.groups.isEmpty else { return try customerValue(value) }
            result = try rfmGroups(value, scores: scores)
        case .paths(let paths):
            result = self.paths(paths)
        case .lifecycleTrend(let trend):
            result = try lifecycleTrend(trend, dimensions: dimensions)
        case .stickiness(let stickiness):
            result = try self.stickiness(stickiness, dimensions: dimensions)
        }
        return try finish(result)
    }

    /// `ts <= as_of`: the setting, else the end of the last day holding an event.
    var asOf: SQLExpression {
        switch query.asOf {
        case .at(let seconds): return .timestamp(seconds)
        case .endOfLastDataDay:
            let last = SQLExpression.subquery(lastEventTimeCTE.map { SQLQuery(SQLSelect([.column("ts")], from: .table($0, alias: nil))) }
                ?? SQLQuery(SQLSelect([.named(.aggregate(.max, .column(tables.eventTime)), "ts")], from: .table(tables.events, alias: nil))))
            return .binary(.library(.periodStart(.day), [last]), .plus, .library(.interval(seconds: 86_399), []))
        }
    }

    /// The SQL period of a unit under the session's week start.
    func period(_ unit: PeriodUnit) -> SQLPeriod {
        switch unit {
        case .day: .day
        case .week: .week(startingOn: query.settings.weekStart)
        case .month: .month
        case .quarter: .quarter
        case .year: .year
        }
    }
}

/// What an analysis produced: the `SELECT` of the result table (no `ORDER BY`), its columns, the order
/// Siklus lists its rows in, and the column `top` ranks by.
struct SQLResultShape {
    var select: SQLQuery
    var columns: [String]
    var order: [SQLOrderTerm]
    var hidden: [String] = []
    var measure: String?
    /// The text columns (dimension labels), which sort byte-wise.
    var textColumns: Set<String> = []
    /// How the visible columns become result columns.
    var reading: SQLResultReading
    /// The result column's name where the SQL names it otherwise (by SQL name), for `sort` keys.
    var shownNames: [String: String] = [:]
}
