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
        "events | by device | metric customers, time_to_purchase",
        "cohort signup=2023-02..2023-03 | metric customers, churn_rate",
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
        // Spend: rows by date and channel, new paying customers for cpa.
        "events | by channel | metric impressions, clicks, ctr",
        "events | by month, channel | metric spend, cpa",
        "events | metric spend, impressions, clicks, ctr, cpa",
        "cohort by channel | metric cpa, spend, customers",
        "events | by week, events.channel | metric orders, spend",
    ]

    /// Settings the SQL must follow: run on the same data with these set.
    static let settings = "set week_start = wednesday; set churn_after = 30d; set as_of = 2023-04-30; set period = week"
    static let settingsPipelines = [
        "events | by week | metric orders, customers",
        "cohort by signup | retention horizon 5",
        "cohort by signup period quarter | metric churn_rate",
        "cohort by channel | metric stage_share",
        "cohort | metric transitions",
        "events | by month | metric ltv, active",
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
        try run(.spark) { queries, setup in try PythonSQLEngine.spark.run(queries, setup: setup) }
    }

    private func run(_ dialect: SQLDialect, _ engine: ([String], [String]) throws -> [Result<EngineRows, EngineFailure>]) throws {
        let fixture = try LoweringFixture(seed: 12), configured = try LoweringFixture(seed: 12, settings: Self.settings)
        let applied = configured.session.context().settings
        XCTAssertEqual([applied.weekStart, Int(applied.churnAfter / 86_400)], [3, 30], "the settings were not applied")
        XCTAssertEqual(applied.period, .week)
        var expected: [ResultTable] = [], queries: [String] = [], lowered: [SQLLoweredQuery] = []
        let cases = Self.pipelines.map { (fixture, $0) } + Self.settingsPipelines.map { (configured, $0) }
        for (source, pipeline) in cases {
            let (table, query) = try source.expectation(pipeline)
            expected.append(table)
            lowered.append(query)
            queries.append(try query.sql(dialect))
        }
        let results = try engine(queries, try fixture.createStatements(dialect))
        for (i, pipeline) in cases.map({ $0.1 + ($0.0 === configured ? " (with settings)" : "") }).enumerated() {
            switch results[i] {
            case .failure(let error): XCTFail("\(dialect.displayName) rejected \(pipeline): \(error)\n\(queries[i])")
            case .success(let rows):
                let table = expected[i].shape == .retention ? try lowered[i].resultTable(Self.sqlRows(rows)) : nil
                compare(expected[i], table.map(Self.engineRows) ?? rows, "\(dialect.displayName): \(pipeline)")
            }
        }
    }

    /// Text cells typed as the retention pivot reads them (kind, cohort, period, value).
    static func sqlRows(_ rows: EngineRows) -> SQLRows {
        func integers(_ c: Int) -> SQLColumnValues { .integer(rows.rows.map { $0[c].flatMap { Int64($0) } }) }
        return SQLRows(columns: [SQLColumn(name: "kind", values: integers(0)), SQLColumn(name: "cohort", values: .text(rows.rows.map { $0[1] })),
                                 SQLColumn(name: "period", values: integers(2)), SQLColumn(name: "value", values: integers(3))])
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
