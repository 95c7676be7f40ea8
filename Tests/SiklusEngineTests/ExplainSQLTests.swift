import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage
import SiklusSQL

/// The SQL that `explain` shows must compute the same table as Siklus: for each pipeline below, run
/// it in Siklus and run explain's SQL in DuckDB over the same demo files, then compare column names,
/// row order and every value (numbers within 1e-9, relative).
final class ExplainSQLTests: XCTestCase {
    /// A pipeline, and statements to run first in a fresh session (`set …`, `stage … +=`).
    struct Case {
        let pipeline: String
        var setup: String? = nil
    }

    static let cases: [Case] = [
        // Cohort filters and groupings.
        Case(pipeline: "cohort signup=2022-09 | stage retention | metric avg_order"),
        Case(pipeline: "cohort signup=2022-09-14 | metric customers, events"),
        Case(pipeline: "cohort signup=2022-09..2022-12 | by country | metric customers, orders, revenue"),
        Case(pipeline: "cohort signup=2022-Q3, channel=social | metric conversion_rate, repeat_rate"),
        Case(pipeline: "cohort first_purchase=2022-09 | metric avg_order, orders_per_customer"),
        Case(pipeline: "cohort country in (ID, US) by channel | metric customers, ltv"),
        Case(pipeline: "cohort country not in (ID, US) | by country | metric customers"),
        Case(pipeline: "cohort channel != search by signup period quarter | metric orders_per_customer, churn_rate"),
        Case(pipeline: "cohort by first_purchase period year | metric customers, revenue"),
        // Every stage, and `by stage`.
        Case(pipeline: "events | by stage | metric events, customers, orders"),
        Case(pipeline: "cohort | stage awareness | by channel | metric customers, events"),
        Case(pipeline: "cohort | stage education | by event | metric customers"),
        Case(pipeline: "cohort | stage consideration | by channel | metric conversion_rate"),
        Case(pipeline: "cohort | stage purchase | by year | metric orders, avg_order"),
        Case(pipeline: "cohort | stage retention | by quarter | metric orders, avg_order, active, engagement"),
        Case(pipeline: "cohort | stage advocacy | by event | metric customers | sort customers desc, event"),
        Case(pipeline: "cohort | stage churn | by channel | metric customers"),
        // `where` on event and customer columns; time dimensions.
        Case(pipeline: "events | where amount > 100 | by channel | metric revenue, orders"),
        Case(pipeline: "events | where channel = social and amount >= 50 | by month | metric orders"),
        Case(pipeline: "events | where not (event = purchase) and ts >= 2023-06 | by week | metric events"),
        Case(pipeline: "events | where customers.channel = search or country = ID | by day | metric customers | limit 10"),
        Case(pipeline: "cohort | where country = ID | by events.channel | metric orders, revenue"),
        // Metrics.
        Case(pipeline: "cohort by channel | metric conversion_rate, repeat_rate, time_to_purchase"),
        Case(pipeline: "events | by month | metric active, engagement, ltv"),
        Case(pipeline: "cohort by channel | by quarter | metric ltv"),
        Case(pipeline: "cohort by signup period quarter | metric churn_rate"),
        Case(pipeline: "events | by stage | metric time_to_purchase, repeat_rate, churn_rate"),
        Case(pipeline: "cohort | metric stage_share"),
        Case(pipeline: "cohort by channel | metric stage_share"),
        Case(pipeline: "cohort | metric transitions"),
        Case(pipeline: "events | by channel | metric impressions, clicks, ctr"),
        Case(pipeline: "events | by month, channel | metric spend, cpa"),
        Case(pipeline: "events | metric spend, impressions, clicks, ctr, cpa"),
        Case(pipeline: "cohort by channel | metric cpa, spend, customers"),
        Case(pipeline: "cohort by country | metric revenue | top 5"),
        Case(pipeline: "cohort | by customer | metric revenue | top 3"),
        Case(pipeline: "events | stage purchase | by amount | metric orders | sort amount desc | limit 5"),
        Case(pipeline: "cohort | by signup | metric customers, conversion_rate"),
        // Retention and funnels.
        Case(pipeline: "cohort by first_purchase period month | retention"),
        Case(pipeline: "cohort by first_purchase period quarter | retention percent"),
        Case(pipeline: "cohort by signup period week | retention on any unbounded horizon 8"),
        // The horizon cuts columns, not the "or later" activity past it.
        Case(pipeline: "cohort by first_purchase period month | retention unbounded horizon 2"),
        Case(pipeline: "cohort channel=social | retention period quarter percent on login"),
        Case(pipeline: "cohort by channel | retention percent horizon 4"),
        Case(pipeline: "cohort by signup | funnel awareness -> consideration -> purchase within 30d"),
        Case(pipeline: "events | funnel visit -> add_to_cart -> purchase within 14d strict"),
        Case(pipeline: "cohort by channel | funnel awareness -> education -> purchase any order"),
        Case(pipeline: "cohort by channel | funnel purchase -> retention within 90d"),
        // `purchase` is the event, `stage purchase` the first purchase; windows in minutes and hours.
        Case(pipeline: "cohort by signup | funnel add_to_cart -> stage purchase -> purchase within 30d"),
        Case(pipeline: "events | funnel add_to_cart -> purchase within 30m"),
        Case(pipeline: "cohort by channel | funnel visit -> stage purchase within 36h any order"),
        // A funnel's step CTEs and the pipeline's post steps are numbered alike (step_3): names must not collide.
        Case(pipeline: "events | funnel visit -> purchase -> login | limit 1"),
        // Paths and behavioural cohorts (issue 13 §5, §6).
        Case(pipeline: "events | paths from product_view steps 4"),
        Case(pipeline: "events | where event != ad_impression | paths to purchase session 1d edges 20"),
        Case(pipeline: "cohort country = ID and did purchase >= 2 times within 30d of signup | metric customers, revenue"),
        Case(pipeline: "cohort did not purchase within 60d | by channel | metric customers", setup: "set as_of = 2023-06-30"),
        // `derive`: a computed column in the events CTEs, NULL for a zero divisor (issue 11 item 6).
        Case(pipeline: "events | derive cents = amount * 100 | where cents > 10000 | by channel | metric revenue, orders"),
        Case(pipeline: "events | derive d = amount / (amount - amount) | derive y = -(amount - 10) * 2 / 4 | where y < -50 | by month | metric events"),
        Case(pipeline: "events | derive half = amount / 2 | stage purchase | by half | metric orders | sort half desc | limit 5"),
        // Settings and stage edits the SQL must follow.
        Case(pipeline: "events | by week | metric orders, customers", setup: "set week_start = sunday"),
        Case(pipeline: "cohort by signup period quarter | metric churn_rate", setup: "set churn_after = 30d; set as_of = 2023-06-30"),
        Case(pipeline: "cohort by channel | metric stage_share", setup: "set churn_after = 30d; set as_of = 2023-06-30"),
        Case(pipeline: "cohort by first_purchase period month | retention horizon 3", setup: "set as_of = 2023-06-30"),
        Case(pipeline: "cohort | metric stage_share", setup: "stage advocacy += login"),
        Case(pipeline: "cohort by signup period week | retention horizon 5", setup: "set week_start = wednesday"),
    ]

    static let compilerMarker = "-- the query (the SQL compiler's"

    func testExplainSQLComputesWhatSiklusComputes() throws {
        try TeachingFixture.requireDuckDB()
        XCTAssertGreaterThanOrEqual(Self.cases.count, 20)
        var expected: [ResultTable] = [], queries: [String] = []
        for item in Self.cases {
            let session = try item.setup == nil ? XCTUnwrap(TeachingFixture.shared) : TeachingFixture.demoSession()
            if let setup = item.setup { _ = try TeachingFixture.text(setup, in: session) }
            let explain = try TeachingFixture.text("explain sql " + item.pipeline, in: session)
            let sql = try XCTUnwrap(TeachingFixture.sql(ofExplain: explain), "explain shows no SQL for \(item.pipeline)")
            expected.append(try session.query(item.pipeline))
            queries.append(sql)
        }
        // Every case goes through the SQL compiler (there is no other translator); retention as its
        // table-shaped query: the long-form cells, then their pivot over the data's period columns.
        for (i, item) in Self.cases.enumerated() {
            XCTAssertTrue(queries[i].contains(Self.compilerMarker), "path of \(item.pipeline)")
            XCTAssertEqual(queries[i].contains("\(SQLLoweredQuery.retentionTableName) AS ("), item.pipeline.contains("| retention"), item.pipeline)
        }
        let results = try TeachingFixture.runInDuckDB(queries)
        for (i, item) in Self.cases.enumerated() {
            switch results[i] {
            case .failure(let error):
                XCTFail("DuckDB rejected the SQL of \(item.pipeline): \(error)\n\(queries[i])")
            case .success(let actual):
                compare(expected[i], actual, item.pipeline)
            }
        }
    }

    /// `rows` has SQL over the files too (`ExplainRowsSQLTests` runs it); only events files loaded on both
    /// sides of the customers file lose store order, and say so.
    func testConstructsWithoutAFaithfulTranslationSaySo() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("siklus-interleaved-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let files = ["a.csv": "customer_id,ts,event\nc1,2024-01-01 10:00:00,visit\n", "c.csv": "customer_id,signup_date\nc2,2024-01-01\n",
                     "b.csv": "customer_id,ts,event\nc3,2024-01-02 10:00:00,visit\n"]
        for (name, text) in files { try text.write(to: scratch.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let session = Session()
        _ = try TeachingFixture.text("load events \"\(scratch.path)/a.csv\"\nload customers \"\(scratch.path)/c.csv\"\nload events \"\(scratch.path)/b.csv\"", in: session)
        let explain = try TeachingFixture.text("explain sql events | rows", in: session)
        XCTAssertTrue(explain.contains("\n  no SQL equivalent shown for rows"), explain)
        XCTAssertNil(TeachingFixture.sql(ofExplain: explain))
    }

    func testSQLUsesTheFilesOwnColumnNames() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("siklus-headers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("orders.csv")
        try "User ID;Order Date;Action;Total;Source\nu1;2023-01-02 10:00:00;purchase;12.5;web\nu1;2023-02-02 10:00:00;purchase;7.5;mail\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let session = Session()
        _ = try TeachingFixture.text("load events \"\(file.path)\" map customer=\"User ID\" ts=\"Order Date\" event=Action amount=Total channel=Source delim=\";\"", in: session)
        let sql = try XCTUnwrap(TeachingFixture.sql(ofExplain: try TeachingFixture.text("explain sql events | by month | metric revenue", in: session)))
        XCTAssertTrue(sql.contains("delim = ';', types = {'User ID': 'VARCHAR'}"), sql)
        XCTAssertTrue(sql.contains("t.\"Total\" AS amount"), sql)
        XCTAssertTrue(sql.contains("t.\"Order Date\" AS ts"), sql)
        try TeachingFixture.requireDuckDB()
        let result = try TeachingFixture.runInDuckDB([sql])
        compare(try session.query("events | by month | metric revenue"), try result[0].get(), "custom headers")
    }

    /// A transaction log (no event column: every row a purchase) and an event log without a customers
    /// file: explain's SQL (the SQL compiler's) computes Siklus's tables in DuckDB.
    func testTransactionLogsAndEventsAloneHaveSQL() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("siklus-txlog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("orders.csv")
        // Ties in time within a customer: file order decides which purchase is the first.
        try "customer_id,ts,amount\nc2,2024-01-03 10:00:00,20\nc1,2024-01-01 09:00:00,10.5\nc1,2024-01-01 09:00:00,4\nc1,2024-02-10 12:00:00,7\n3,2024-03-01 00:00:00,1\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let session = Session()
        _ = try TeachingFixture.text("load events \"\(file.path)\"", in: session)
        let pipelines = ["events | by month | metric customers, orders, revenue, avg_order",
                         "cohort by first_purchase period month | metric customers, repeat_rate, ltv",
                         "cohort | stage retention | metric orders, avg_order"]
        var queries: [String] = []
        for pipeline in pipelines {
            let sql = try XCTUnwrap(TeachingFixture.sql(ofExplain: try TeachingFixture.text("explain sql " + pipeline, in: session)), pipeline)
            XCTAssertTrue(sql.contains("'purchase' AS event"), sql)
            XCTAssertTrue(sql.contains(Self.compilerMarker), sql)
            queries.append(sql)
        }
        try TeachingFixture.requireDuckDB()
        for (pipeline, result) in zip(pipelines, try TeachingFixture.runInDuckDB(queries)) {
            compare(try session.query(pipeline), try result.get(), pipeline)
        }
    }

    /// Same columns, same rows in the same order, equal values (numbers within 1e-9, relative).
    private func compare(_ expected: ResultTable, _ actual: (columns: [String], rows: [[Any?]]), _ pipeline: String,
                         file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.columns, expected.columns.map(\.name), "columns of \(pipeline)", file: file, line: line)
        guard actual.rows.count == expected.rowCount else {
            XCTFail("\(pipeline): DuckDB has \(actual.rows.count) rows, Siklus \(expected.rowCount)", file: file, line: line)
            return
        }
        for (c, column) in expected.columns.enumerated() where c < actual.columns.count {
            for r in 0..<expected.rowCount {
                let value = actual.rows[r][c]
                let same: Bool
                switch column.values {
                case .text(let v): same = (value as? String) == v[r]
                case .integer(let v): same = v[r] == nil ? value == nil : (value as? NSNumber)?.int64Value == v[r]
                case .number(let v):
                    if let x = v[r], let y = (value as? NSNumber)?.doubleValue {
                        same = x == y || abs(x - y) <= 1e-9 * max(abs(x), abs(y))
                    } else {
                        same = v[r] == nil && value == nil
                    }
                }
                if !same {
                    XCTFail("\(pipeline): row \(r) column \(column.name): Siklus \(String(describing: column.values.cell(r))), DuckDB \(String(describing: value))",
                            file: file, line: line)
                    return
                }
            }
        }
    }
}

private extension ColumnValues {
    func cell(_ row: Int) -> Any? {
        switch self {
        case .text(let v): v[row]
        case .integer(let v): v[row]
        case .number(let v): v[row]
        }
    }
}
