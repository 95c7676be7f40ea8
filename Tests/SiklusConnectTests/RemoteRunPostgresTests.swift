import Foundation
import SiklusConnect
import SiklusEngine
import SiklusLanguage
import SiklusPlan
import SiklusSQL
import SiklusTestSupport
import XCTest

/// End to end on a real PostgreSQL: `connect postgres`, the demo files loaded into the engine, and
/// pipelines whose tables must equal the in-memory session's (numbers within 1e-9 relative); a bound
/// existing table (a transaction log); Ctrl-C; an engine error located at the pipeline.
final class RemoteRunPostgresTests: PostgresTestCase {
    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("datasets/demo")

    static let pipelines = [
        "events | by channel | metric customers, events, orders, revenue",
        "cohort by channel | metric conversion_rate, repeat_rate, time_to_purchase",
        "cohort signup=2022-09..2022-12 | by country | metric customers, orders, revenue",
        "events | where amount > 100 | by month | metric revenue, orders | sort revenue desc | limit 5",
        "cohort | stage retention | by quarter | metric orders, avg_order, active, engagement",
        "cohort | stage churn | by channel | metric customers",
        "cohort by signup period quarter | metric churn_rate, ltv",
        "cohort by first_purchase period month | retention",
        "cohort by first_purchase period quarter | retention percent horizon 4",
        "cohort by channel | funnel awareness -> consideration -> purchase within 60d",
        "cohort by channel | metric stage_share",
        "cohort | metric transitions",
        "cohort by country | metric revenue | top 5",
        "cohort | stage purchase | by year | metric orders, avg_order",
        "events | by month, channel | metric spend, cpa",
        "events | by channel | metric impressions, clicks, ctr",
        "events | derive cents = amount * 100 | where cents > 10000 | by channel | metric revenue, orders",
        "events | where channel = social and amount >= 50 | by week | metric orders | sort week desc | limit 4",
    ]

    /// A session connected to the test cluster (`connect postgres`), with statements run.
    func connectedSession(_ statements: String) throws -> Session {
        let session = Session()
        session.engineConnector = { dialect, target throws(SQLEngineError) in try EngineConnector.connect(dialect, target: target) }
        try run("connect postgres \"\(try server.conninfo)\"\n" + statements, in: session)
        return session
    }

    func demoLoads() -> String {
        ["customers", "events", "spend"].map { "load \($0) \"\(Self.demo.appendingPathComponent($0 + ".csv").path)\"" }.joined(separator: "\n")
    }

    func testDemoPipelinesOnPostgresEqualInMemory() throws {
        let local = Session()
        try run(demoLoads(), in: local)
        let remote = try connectedSession(demoLoads())
        defer { remote.disconnect() }
        for pipeline in Self.pipelines {
            let expected = try local.query(pipeline)
            let actual: ResultTable
            do { actual = try remote.query(pipeline) } catch { XCTFail("\(pipeline): \(error)"); continue }
            assertSameTable(actual, expected, pipeline)
        }
    }

    func testBoundTransactionLogReadsLikeTheFile() throws {
        let dir = TestFiles()
        let csv = "cust,ordered_at,total\nc2,2024-01-03 10:00:00,20\nc1,2024-01-01 09:00:00,10.5\nc1,2024-01-01 09:00:00,4\nc1,2024-02-10 12:00:00,7\n3,2024-03-01 00:00:00,1\n"
        let path = dir.write("orders.csv", csv)
        let pipelines = ["events | by month | metric customers, orders, revenue, avg_order",
                         "cohort by first_purchase period month | metric customers, repeat_rate, ltv",
                         "cohort by first_purchase period month | retention"]
        let local = Session()
        try run("load events \"\(path)\" map customer=cust ts=ordered_at amount=total", in: local)
        // An existing table, made as a user would with psql; customer ids are text there, ts a timestamp.
        let remote = try connectedSession("")
        defer { remote.disconnect() }
        let setup = try connect()
        try setup.execute("DROP SCHEMA IF EXISTS sales CASCADE")
        try setup.execute("CREATE SCHEMA sales")
        try setup.execute("CREATE TABLE sales.orders (cust text, ordered_at timestamp, total numeric(10,2))")
        try setup.execute("INSERT INTO sales.orders VALUES ('c2','2024-01-03 10:00:00',20), ('c1','2024-01-01 09:00:00',10.5), ('c1','2024-01-01 09:00:00',4), ('c1','2024-02-10 12:00:00',7), ('3','2024-03-01 00:00:00',1)")
        let note = try text("load events table \"Sales.Orders\" map customer=cust ts=ordered_at amount=total", in: remote)
        XCTAssertTrue(note.contains("transaction log"), note)
        for pipeline in pipelines {
            assertSameTable(try remote.query(pipeline), try local.query(pipeline), pipeline)
        }
        let explained = try text("explain events | metric revenue", in: remote)
        XCTAssertTrue(explained.contains("CREATE TEMP VIEW siklus_events"), explained)
        XCTAssertTrue(explained.contains("FROM sales.orders"), explained)
    }

    /// Existing tables with integer customer ids (compared as text, ordered byte-wise: 10 before 2),
    /// events and customers both bound, read like the same files.
    func testBoundTablesWithIntegerIdsReadLikeTheFiles() throws {
        let dir = TestFiles()
        let events = "user_id,ts,event,amount,channel\n2,2024-01-01 10:00:00,visit,,social\n2,2024-01-02 10:00:00,purchase,30,\n10,2024-01-05 09:00:00,purchase,12.5,search\n"
            + "10,2024-02-05 09:00:00,purchase,7,search\n7,2024-03-01 00:00:00,visit,,email\n"
        let people = "user_id,signup,channel,country\n2,2023-12-30,social,PH\n10,2024-01-04,search,ID\n7,2024-02-28,email,PH\n11,2024-03-01,email,ID\n"
        let local = Session()
        try run("load customers \"\(dir.write("people.csv", people))\"\nload events \"\(dir.write("events.csv", events))\"", in: local)
        let setup = try connect()
        try setup.execute("DROP TABLE IF EXISTS public.shop_events, public.shop_people")
        try setup.execute("CREATE TABLE public.shop_events (user_id integer, ts timestamp, event text, amount float8, channel text)")
        try setup.execute("INSERT INTO public.shop_events VALUES (2,'2024-01-01 10:00:00','visit',NULL,'social'), (2,'2024-01-02 10:00:00','purchase',30,NULL), "
                          + "(10,'2024-01-05 09:00:00','purchase',12.5,'search'), (10,'2024-02-05 09:00:00','purchase',7,'search'), (7,'2024-03-01 00:00:00','visit',NULL,'email')")
        try setup.execute("CREATE TABLE public.shop_people (user_id integer, signup timestamp, channel text, country text)")
        try setup.execute("INSERT INTO public.shop_people VALUES (2,'2023-12-30','social','PH'), (10,'2024-01-04','search','ID'), (7,'2024-02-28','email','PH'), (11,'2024-03-01','email','ID')")
        let remote = try connectedSession("load customers table \"Shop_People\"\nload events table \"shop_events\"")
        defer { remote.disconnect() }
        for pipeline in ["cohort by channel | metric customers, conversion_rate, revenue",
                         "cohort | by country | metric customers, orders, repeat_rate",
                         "events | by customer | metric revenue | sort customer",
                         "cohort signup=2024-01 | metric customers, avg_order"] {
            assertSameTable(try remote.query(pipeline), try local.query(pipeline), pipeline)
        }
    }

    func testCtrlCCancelsTheEngineQuery() throws {
        let setup = try connect()
        // A slow events table: a view that sleeps 30 s when read (binding it reads only the catalog).
        try setup.execute("CREATE OR REPLACE VIEW public.sleepy AS SELECT 'a'::text AS customer_id, timestamp '2024-01-01' AS ts, "
                          + "'purchase'::text AS event, 1.0::float8 AS amount FROM (SELECT pg_sleep(30)) s")
        let remote = try connectedSession("load events table \"sleepy\"")
        defer { remote.disconnect() }
        let flag = CancelFlag()
        remote.isCancelled = { flag.value }
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { flag.set() }
        let start = Date()
        XCTAssertThrowsError(try remote.query("events | metric revenue")) { error in
            XCTAssertTrue((error as? Diagnostic)?.message.hasPrefix("cancelled: the query was stopped on PostgreSQL") == true, "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 10, "the cancel reached the server (a hang guard, not a benchmark)")
        let stillSleeping = try value(setup, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%siklus_events%' AND state = 'active' AND pid <> pg_backend_pid()")
        XCTAssertEqual(stillSleeping, .integer([0]), "the server stopped the statement")
        flag.reset()
        try run("load events \"\(Self.demo.appendingPathComponent("events.csv").path)\"", in: remote)
        XCTAssertEqual(try remote.query("events | metric customers").rowCount, 1, "the connection is usable after the cancel")
    }

    /// The last construct the SQL compiler refused (a funnel split by an event dimension) is a funnel trends table
    /// since issue 13: it runs on PostgreSQL and gives memory's table. (What the compiler cannot express is a
    /// located error naming it: `EngineConnectionTests`.)
    func testTheLastRefusedConstructRunsOnPostgreSQL() throws {
        let local = Session()
        try run(demoLoads(), in: local)
        let remote = try connectedSession(demoLoads())
        defer { remote.disconnect() }
        let source = "events | where amount > 100 | by month | funnel visit -> purchase"
        assertSameTable(try remote.query(source), try local.query(source), source)
    }

    func testEngineErrorIsLocatedAtThePipeline() throws {
        let remote = try connectedSession("")
        defer { remote.disconnect() }
        let setup = try connect()
        try setup.execute("DROP TABLE IF EXISTS public.fragile")
        try setup.execute("CREATE TABLE public.fragile (customer_id text, ts timestamp, event text, amount double precision)")
        try setup.execute("INSERT INTO public.fragile VALUES ('a', '2024-01-01', 'purchase', 1)")
        try run("load events table \"fragile\"", in: remote)
        // The table disappears behind Siklus's back: the engine's error comes back located.
        try setup.execute("DROP TABLE public.fragile CASCADE")
        let source = "\n  events | metric revenue"
        var failure: Diagnostic?
        remote.run(SourceFile(name: "<test>", text: source)) { outcome in
            if case .failure(let d) = outcome { failure = d }
            return true
        }
        let diagnostic = try XCTUnwrap(failure)
        XCTAssertTrue(diagnostic.message.hasPrefix("PostgreSQL said:"), diagnostic.message)
        XCTAssertTrue(diagnostic.message.contains("siklus_events"), diagnostic.message)
        let span = try XCTUnwrap(diagnostic.span)
        XCTAssertEqual(String(decoding: Array(source.utf8)[span.start..<span.end], as: UTF8.self), "events | metric revenue", "located at the pipeline")
    }

    // MARK: - helpers

    func run(_ statements: String, in session: Session) throws {
        _ = try text(statements, in: session)
    }

    /// Every text and note the statements printed, or the first error.
    func text(_ statements: String, in session: Session) throws -> String {
        try session.texts(statements)
    }

    func assertSameTable(_ actual: ResultTable, _ expected: ResultTable, _ pipeline: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.columns.map(\.name), expected.columns.map(\.name), pipeline, file: file, line: line)
        XCTAssertEqual(actual.columns.map(\.unit), expected.columns.map(\.unit), pipeline, file: file, line: line)
        XCTAssertEqual(actual.rowCount, expected.rowCount, pipeline, file: file, line: line)
        for (a, e) in zip(actual.columns, expected.columns) {
            switch (a.values, e.values) {
            case (.number(let x), .number(let y)):
                for (i, (u, v)) in zip(x, y).enumerated() {
                    guard let u, let v else { XCTAssertEqual(u, v, "\(pipeline): \(a.name) row \(i)", file: file, line: line); continue }
                    XCTAssertEqual(u, v, accuracy: max(abs(v), 1) * 1e-9, "\(pipeline): \(a.name) row \(i)", file: file, line: line)
                }
            default:
                XCTAssertEqual(a.values, e.values, "\(pipeline): \(a.name)", file: file, line: line)
            }
        }
    }
}
