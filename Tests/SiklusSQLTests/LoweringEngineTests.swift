import XCTest
import SiklusPlan
@testable import SiklusEngine
@testable import SiklusSQL
import SiklusTestSupport

/// Each pipeline lowered to SQL and run on DuckDB, PostgreSQL and Spark over the same data Siklus
/// loaded: the engine's rows must be Siklus's result table (same columns, same rows in the same order,
/// numbers within 1e-9 relative).
final class LoweringEngineTests: XCTestCase {
    static let pipelines = [
        "events | metric customers, events, orders, revenue",
        "cohort | metric customers, conversion_rate, repeat_rate, avg_order, orders_per_customer",
        "cohort by channel | metric customers, ltv, churn_rate",
        "events | by month | metric active, engagement, ltv",
        "cohort by channel | by quarter | metric ltv",
        "cohort by signup period quarter | by week | metric orders",
        "events | by stage | metric events, customers, time_to_purchase",
        "cohort country in (ID, US) | by country | metric customers, revenue | sort revenue desc | limit 3",
        "events | where amount > 20 and not (channel = social) | by events.channel | metric revenue, orders",
        "cohort | stage churn | by channel | metric customers",
        "events | stage churn | by customer | metric events",
        "cohort | stage retention | by quarter | metric orders, avg_order",
        "events | stage purchase | by amount | metric orders | sort amount desc | limit 5",
        // Customers with no order have no avg_order: last in both directions, in memory as in SQL.
        "cohort | by customer | metric avg_order | sort avg_order desc",
        "cohort | by customer | metric avg_order | top 5",
        "cohort | by customer | metric revenue | top 3",
        // `bottom` (issue 15): the smallest first, customers with no order (null) still last.
        "cohort | by customer | metric avg_order | bottom 5",
        "events | by channel | metric cpa | bottom 2",
        "events | by device | metric customers, time_to_purchase",
        "cohort signup=2023-02..2023-03 | metric customers, churn_rate",
        // Signup windows narrow the facts to their candidates (customers without a signup fall back on
        // their first event; z999 is only in the events file).
        "cohort signup=2023-02 | stage retention | metric avg_order, customers",
        "cohort signup >= 2023-02-15 and country = ID | by first_purchase | metric customers, time_to_purchase, ltv",
        "cohort signup < 2023-03 and did visit | by acquisition_channel | metric customers, orders",
        "cohort signup != 2023-02 | by signup | metric customers, revenue",
        "events | where ts >= 2023-03 | by day | metric events | limit 5",
        "cohort country not in (ID) | by signup | metric customers, conversion_rate",
        "cohort by first_purchase period month | metric customers, revenue",
        // Retention: long-form cells pivoted in Swift.
        "cohort by first_purchase period month | retention",
        "cohort by first_purchase period quarter | retention percent",
        "cohort by signup period week | retention on any unbounded horizon 8",
        "cohort by first_purchase period month | retention unbounded horizon 2",
        "cohort channel=social | retention period quarter percent on login",
        "cohort by channel | retention percent horizon 4",
        "events | where channel = search | retention period month",
        // Retention kinds: start (first time, recurring), rolling, brackets, min_events, value, detail.
        "cohort | retention start login period month horizon 6",
        "events | retention start visit recurring period week percent horizon 5",
        "cohort by signup period month | retention rolling period week percent horizon 6 | detail",
        "cohort | retention start add_to_cart on purchase rolling period day horizon 10",
        "cohort by channel | retention brackets (1, 2, 4) percent on any",
        "cohort by channel | retention brackets (1, 3) unbounded on any",
        "cohort by first_purchase period quarter | retention value revenue percent | detail",
        "cohort by signup period month | retention value orders min_events 2 horizon 4",
        "cohort | retention start purchase on retention period quarter percent | detail",
        "cohort by channel | retention min_events 2 unbounded percent on any",
        // Funnels: best attempts, windows, strict and any order.
        "cohort by signup | funnel visit -> add_to_cart -> purchase within 30d",
        "events | funnel visit -> add_to_cart -> purchase within 14d strict",
        "cohort by channel | funnel visit -> login -> purchase any order",
        "cohort by channel | funnel purchase -> retention within 90d",
        "events | funnel add_to_cart -> stage purchase -> purchase within 30d",
        "events | funnel visit -> purchase within 36h any order",
        "events | funnel visit -> purchase -> login | limit 1",
        // Alternatives, step filters, exclusions, drop-offs (issue 13).
        "cohort by channel | funnel (visit, article_view) -> add_to_cart -> purchase where amount > 30 and device = ios within 14d",
        "events | funnel visit -> (add_to_cart, product_view) -> purchase within 30d exclude cancel between 2 and 3 exclude review",
        "events | funnel visit -> add_to_cart -> purchase within 7d strict exclude cancel",
        "cohort | funnel visit -> stage consideration -> purchase within 20d any order exclude cancel between 1 and 3",
        "cohort | funnel visit -> product_view -> purchase within 90m exclude login",
        "cohort | funnel visit -> add_to_cart -> purchase exclude cancel | dropped 1 | by country | metric customers, revenue",
        "events | funnel product_view -> purchase any order | dropped 1 | funnel visit -> purchase within 60d",
        // Current stages.
        "cohort | metric stage_share",
        "cohort by channel | metric stage_share",
        "events | where device = ios | by country | metric stage_share | sort share desc",
        // Transitions between the stages at the end of consecutive periods.
        "cohort | metric transitions",
        "cohort country = US | stage purchase | metric transitions",
        // derive: computed event columns (NULL for a zero divisor), derive amount.
        "events | derive cents = amount * 100 | where cents > 10000 | by channel | metric revenue, orders",
        "events | derive d = amount / (amount - amount) | derive y = -(amount - 10) * 2 / 4 | where y < -50 | by month | metric events",
        "events | derive half = amount / 2 | stage purchase | by half | metric orders | sort half desc | limit 5",
        "events | derive amount = amount * 2 + 1 | by channel | metric revenue, avg_order, ltv",
        // derive over a customers column: the row's customer's value (NULL without a customers row).
        "events | derive per_age = amount / age | where per_age > 1 | by channel | metric orders, revenue",
        "events | derive amount = amount * age / 10 | by month | metric revenue, avg_order",
        "events | derive a2 = age * 2 - amount | where customer = \"c011\" or customer = \"z999\" | rows",
        // Spend: rows by date and channel, new paying customers for cpa.
        "events | by channel | metric impressions, clicks, ctr",
        "events | by month, channel | metric spend, cpa",
        "events | metric spend, impressions, clicks, ctr, cpa",
        "cohort by channel | metric cpa, spend, customers",
        "events | by week, events.channel | metric orders, spend",
        // Spend under `where`: conditions on ts and the event channel narrow spend rows, as `SpendFilter`.
        "events | where ts >= 2023-02 | metric spend, impressions, clicks",
        "events | where ts >= 2023-02 and channel in (social, email) | by channel | metric spend, ctr",
        "events | where not (channel = social) or ts < 2023-03 | by channel | metric spend",
        "events | where channel not in (search) and amount > 20 | by month | metric spend, cpa",
        "cohort | where country = ID | metric spend, cpa",
        // An empty scope whose `where` could not narrow spend shows none.
        "events | where amount > 1000000 | metric spend",
        // Retention's sort/top/limit, applied to the pivoted table.
        "cohort by first_purchase period month | retention | sort cohort desc | limit 2",
        "cohort by signup | retention percent horizon 3 | top 2",
        "cohort by channel | retention on any | sort customers desc, cohort",
        // rows: store order (customers as they first appear in the loaded data, then time, file order).
        "events | rows 30",
        "events | where channel = social | stage retention | rows",
        "events | derive half = amount / 2 | where customer = \"z998\" | rows",
        "cohort country = US | rows 7",
        "customers | rows 100",
        "events | where ts < 2023-02 | rows 12 | sort amount desc | limit 4",
        "cohort | where event = purchase | rows 15 | top 3",
        // Paths: sessions, collapsed repeats, from/to cuts, step limits, the edge cut and its tie-break.
        "events | paths",
        "events | paths session 2d steps 3",
        "events | where event != ping | paths from visit session 8d",
        "events | paths to purchase session 40d steps 3 edges 7",
        // `top` ranks by the last numeric column, customers, as in memory.
        "events | paths session 3d edges 30 | top 4",
        "cohort channel = social | paths from product_view to purchase session 90d | sort customers desc | limit 4",
        // Behavioural cohorts: counts in windows relative to as_of or signup, negated, with attributes.
        "cohort did purchase >= 2 times | metric customers, revenue",
        "cohort country = ID and did not purchase | metric customers",
        "cohort did login within 30d | by channel | metric customers",
        "cohort did purchase = 0 within 60d of signup | metric customers",
        "cohort did purchase < 2 times within 14d of signup and did visit | by country | metric customers, orders",
        // Lifecycle and stickiness (issue 13): period series, labels, dormant periods, ts bounds.
        "events | lifecycle period month",
        "cohort by channel | lifecycle period week on purchase",
        "events | where ts >= 2023-02 and ts < 2023-04 | lifecycle period day on visit",
        "events | stickiness",
        "cohort by country | where ts >= 2023-02-01 | stickiness period week",
        "events | metric dau, wau, mau, dau_mau",
        "cohort by channel | where ts < 2023-03-20 | by month | metric dau, mau, dau_mau",
    ]

    /// Line items (UCI Online Retail shape): orders, returns, stages, funnels and retention by order.
    static let lineItemPipelines = [
        "events | metric customers, events, orders, returns, revenue, avg_order",
        "events | by month | metric orders, returns, revenue, avg_order",
        "events | by country | metric orders, returns, orders_per_customer | sort orders desc, country",
        "cohort | metric customers, conversion_rate, repeat_rate, ltv, time_to_purchase, churn_rate",
        "cohort by first_purchase period month | metric customers, orders, returns",
        "events | by stage | metric events, customers, orders",
        "events | where Quantity < 0 | metric events, orders, returns, revenue",
        "events | stage retention | by month | metric orders, revenue",
        "cohort by first_purchase period month | retention",
        "cohort | funnel purchase -> purchase within 30d",
        "cohort | funnel stage purchase -> stage retention within 60d strict",
        "cohort | metric stage_share",
        "cohort | metric transitions",
        "events | rows 40",
        "customers | rows 10",
    ]

    /// Settings the SQL must follow: run on the same data with these set.
    static let settings = "set week_start = wednesday; set churn_after = 30d; set as_of = 2023-04-30; set period = week"
    static let settingsPipelines = [
        "events | by week | metric orders, customers",
        "cohort by signup | retention horizon 5",
        "cohort | retention start login recurring horizon 4 | detail",
        "cohort by signup period quarter | metric churn_rate",
        "cohort by channel | metric stage_share",
        "cohort | metric transitions",
        "events | by month | metric ltv, active",
        "cohort did purchase within 30d | metric customers",
        "events | lifecycle",
        "cohort by signup | where ts < 2023-03-15 | stickiness period week",
        "events | by week, events.channel | metric wau, dau_mau, active",
    ]

    func testLoweredPipelinesOnDuckDB() throws {
        try run(.duckdb) { queries, setup in try PythonSQLEngine.duckdb.run(queries, setup: setup) }
    }

    func testLoweredPipelinesOnPostgreSQL() throws {
        let server = try PostgresTestServer.start()
        defer { server.stop() }
        try run(.postgres) { queries, setup in
            for statement in setup { _ = try server.run(statement).get() }
            return try queries.map { try server.run($0) }
        }
    }

    func testLoweredPipelinesOnSpark() throws {
        try run(.spark) { queries, setup in try SharedSpark.connection().run(queries, setup: setup) }
    }

    private func run(_ dialect: SQLDialect, pipelines: [String] = pipelines, settingsPipelines: [String] = settingsPipelines,
                     lineItemPipelines: [String] = lineItemPipelines,
                     _ engine: ([String], [String]) throws -> [Result<EngineRows, EngineFailure>]) throws {
        let fixture = try LoweringFixture(seed: 12), configured = try LoweringFixture(seed: 12, settings: Self.settings)
        let applied = configured.session.context().settings
        XCTAssertEqual([applied.weekStart, Int(applied.churnAfter / 86_400)], [3, 30], "the settings were not applied")
        XCTAssertEqual(applied.period, .week)
        let lineItems = try LineItemFixture(seed: 12)
        XCTAssertEqual(lineItems.engineCatalog.catalog.orderColumn, "InvoiceNo", "the line items were not read as orders")
        let totals = try lineItems.session.query("events | metric events, orders, returns")
        XCTAssertEqual(totals.columns.map(\.values), [.integer([Int64(lineItems.lines.count)]), .integer([59]), .integer([14])], "the line items' orders and returns")
        var expected: [ResultTable] = [], queries: [String] = [], lowered: [SQLLoweredQuery] = []
        let cases: [(pipeline: String, label: String, expectation: () throws -> (ResultTable, SQLLoweredQuery))] =
            (pipelines.map { p in (p, p, { try fixture.expectation(p) }) }
             + settingsPipelines.map { p in (p, p + " (with settings)", { try configured.expectation(p) }) }
             + lineItemPipelines.map { p in (p, p + " (line items)", { try lineItems.expectation(p) }) })
        for c in cases {
            let (table, query) = try c.expectation()
            expected.append(table)
            lowered.append(query)
            queries.append(try query.sql(dialect))
        }
        let results = try engine(queries, try fixture.createStatements(dialect) + lineItems.createStatements(dialect))
        for (i, pipeline) in cases.map(\.label).enumerated() {
            switch results[i] {
            case .failure(let error): XCTFail("\(dialect.displayName) rejected \(pipeline): \(error)\n\(queries[i])")
            case .success(let rows):
                var table: ResultTable?
                switch lowered[i].reading {
                case .retention: table = try lowered[i].resultTable(Self.sqlRows(rows))
                case .rows(let listing):
                    table = try lowered[i].resultTable(Self.sqlRows(rows, listing, like: expected[i]))
                    XCTAssertEqual(table?.notes, expected[i].notes, "the note of \(pipeline) on \(dialect.displayName)")
                case .table, .funnelHistogram: break   // no histogram among these pipelines
                }
                for step in lowered[i].postAfterPivot { table = try table.map { try ResultOperations.apply(step, to: $0) } }
                compare(expected[i], table.map(Self.engineRows) ?? rows, "\(dialect.displayName): \(pipeline)")
            }
        }
    }

    /// Text cells typed as the retention pivot reads them (kind, cohort, period, value).
    static func sqlRows(_ rows: EngineRows) -> SQLRows {
        func integers(_ c: Int) -> SQLColumnValues { .integer(rows.rows.map { $0[c].flatMap { Int64($0) } }) }
        return SQLRows(columns: [SQLColumn(name: "kind", values: integers(0)), SQLColumn(name: "cohort", values: .text(rows.rows.map { $0[1] })),
                                 SQLColumn(name: "period", values: integers(2)),
                                 SQLColumn(name: "value", values: .number(rows.rows.map { $0[3].flatMap { Double($0) } }))])
    }

    /// Text cells typed as a `rows` listing reads them: times and the trailing total and flags as whole
    /// numbers, loaded numbers as Siklus typed them (the text of an engine's double may look whole).
    static func sqlRows(_ rows: EngineRows, _ listing: SQLRowListing, like expected: ResultTable) -> SQLRows {
        SQLRows(columns: rows.columns.enumerated().map { c, name in
            let cells = rows.rows.map { $0[c] }
            let kind = c < listing.kinds.count ? listing.kinds[c] : .count
            let isInteger: Bool
            switch kind {
            case .text: return SQLColumn(name: name, values: .text(cells))
            case .time, .count: isInteger = true
            case .money: isInteger = false
            case .asLoaded:
                if case .integer? = expected.column(name)?.values { isInteger = true } else { isInteger = false }
            }
            return SQLColumn(name: name, values: isInteger ? .integer(cells.map { $0.flatMap { Int64($0) ?? Double($0).map { Int64($0) } } })
                                                           : .number(cells.map { $0.flatMap(Double.init) }))
        })
    }

    /// A result table as text cells, to compare like an engine's rows.
    static func engineRows(_ table: ResultTable) -> EngineRows {
        EngineRows(columns: table.columns.map(\.name), rows: (0..<table.rowCount).map { r in
            table.columns.map { column in
                switch column.values {
                case .text(let v): v[r]
                case .integer(let v): v[r].map { String($0) }
                case .number(let v): v[r].map { "\($0)" }
                }
            }
        })
    }

    private func compare(_ expected: ResultTable, _ actual: EngineRows, _ what: String) {
        XCTAssertEqual(actual.columns, expected.columns.map(\.name), "columns of \(what)")
        guard actual.rows.count == expected.rowCount else {
            XCTFail("\(what): \(actual.rows.count) rows, Siklus \(expected.rowCount)\n\(actual)\n\(expected.columns.map(\.values))")
            return
        }
        for (c, column) in expected.columns.enumerated() where c < actual.columns.count {
            for r in 0..<expected.rowCount {
                let want: Expected
                switch column.values {
                case .text(let v): want = v[r].map(Expected.text) ?? .null
                case .integer(let v): want = v[r].map { .number(Double($0)) } ?? .null
                case .number(let v): want = v[r].map(Expected.number) ?? .null
                }
                if !want.matches(actual.rows[r][c]) {
                    XCTFail("\(what): row \(r) column \(column.name): Siklus \(want), engine \(actual.rows[r][c] ?? "NULL")")
                    return
                }
            }
        }
    }
}
