import Foundation
import SiklusLanguage
import SiklusSQL
import SiklusTestSupport
import XCTest
@testable import SiklusEngine

/// `connect` and `disconnect`: opened through the connector, replaced, failed, closed; the in-memory
/// tables wait untouched; pipelines while connected go to the remote runner.
final class EngineConnectionTests: XCTestCase {
    private let files = TestFiles()

    func testConnectOpensThroughTheConnectorAndNamesTheEngine() throws {
        let connector = FakeConnector()
        let session = Session.connecting(through: connector)
        XCTAssertNil(session.engineStatus.summary)

        let note = session.notes(#"connect postgres "host=db dbname=shop""#)
        XCTAssertEqual(connector.requests.map(\.0), [.postgres])
        XCTAssertEqual(connector.requests.map(\.1), ["host=db dbname=shop"])
        let first = try XCTUnwrap(connector.engine)
        XCTAssertTrue(note.hasPrefix("connected to PostgreSQL fake #1 at host=db dbname=shop"), note)
        XCTAssertEqual(session.engineStatus.summary, first.summary)
        XCTAssertTrue(session.isConnected)

        // A second connect replaces the first, which is closed; `connect spark` alone is local[2].
        let second = session.notes("connect spark")
        XCTAssertEqual(connector.requests.last?.0, .spark)
        XCTAssertEqual(connector.requests.last?.1, "local[2]")
        XCTAssertTrue(first.isClosed)
        XCTAssertTrue(second.contains("(closed PostgreSQL fake #1"), second)
        XCTAssertEqual(session.engineStatus.summary, "Spark SQL fake #2 at local[2]")
    }

    func testFailedConnectLeavesTheSessionAsItWas() throws {
        let connector = FakeConnector()
        connector.tables = ["orders": [SQLTableColumn(name: "customer_id", type: .text), SQLTableColumn(name: "ts", type: .timestamp)]]
        let session = Session.connecting(through: connector)
        session.outputs(#"connect postgres "host=a"; load events table "orders""#)
        let kept = try XCTUnwrap(connector.engine)

        connector.failure = SQLEngineError("could not connect to server: Connection refused")
        let text = #"connect postgres "host=b port=1""#
        let rendered = session.renderedFailure(text)
        XCTAssertTrue(rendered.contains("t.sik:1:18: error: cannot connect to PostgreSQL: could not connect to server: Connection refused"), rendered)
        XCTAssertTrue(rendered.contains("                  ^~~~~~~~~~~~~~~"), rendered)
        XCTAssertFalse(kept.isClosed, "the working connection stays open")
        XCTAssertEqual(session.engineStatus.summary, kept.summary)
        XCTAssertEqual(session.engineStatus.bindings.map(\.engineTable), ["orders"])
    }

    func testConnectWithoutAConnectorIsALocatedError() {
        let session = Session()
        let rendered = session.renderedFailure("connect spark")
        XCTAssertTrue(rendered.contains("t.sik:1:9: error: this program cannot connect to engines"), rendered)
        XCTAssertTrue(rendered.contains("Session.engineConnector"), rendered)
        XCTAssertFalse(session.isConnected)
    }

    func testDisconnectReturnsToTheUntouchedInMemoryTables() throws {
        let local = files.write("local.csv", "customer_id,ts,event,amount\nu1,2022-09-14,purchase,10\nu2,2022-09-15,purchase,20\n")
        let remote = files.write("remote.csv", "customer_id,ts,event,amount\nu9,2023-01-01,purchase,99\n")
        let connector = FakeConnector()
        let session = Session.connecting(through: connector)
        session.outputs(#"load events "\#(local)""#)
        let before = try session.query("events | metric events, revenue")

        session.outputs(#"connect postgres "host=x"; load events "\#(remote)""#)
        let engine = try XCTUnwrap(connector.engine)
        XCTAssertEqual(session.store.events.count, 2, "a load while connected leaves the in-memory events alone")
        XCTAssertNotNil(engine.created("events"))

        XCTAssertTrue(session.notes("disconnect").hasPrefix("disconnected from PostgreSQL fake #1"))
        XCTAssertTrue(engine.isClosed)
        XCTAssertFalse(session.isConnected)
        XCTAssertEqual(try session.query("events | metric events, revenue"), before)
        XCTAssertTrue(session.notes("disconnect").hasPrefix("not connected"), "disconnect twice is harmless")
    }

    func testPipelinesWhileConnectedRunOnTheEngineInItsDialect() throws {
        let connector = FakeConnector()
        connector.tables = ["e": [SQLTableColumn(name: "customer_id", type: .text), SQLTableColumn(name: "ts", type: .timestamp)]]
        let session = Session.connecting(through: connector)
        session.outputs(#"connect spark"#)
        let unbound = session.renderedFailure("events | metric customers")
        XCTAssertTrue(unbound.contains("t.sik:1:1: error: no events table on Spark SQL"), unbound)

        session.outputs(#"load events table "e""#)
        let engine = try XCTUnwrap(connector.engine)
        XCTAssertTrue(engine.calls.contains(.execute("CREATE OR REPLACE TEMPORARY VIEW siklus_events AS\nSELECT customer_id,\n  ts,\n  'purchase' AS event,\n  row_number() OVER (PARTITION BY customer_id ORDER BY ts ASC NULLS LAST) AS siklus_load_order\nFROM e")),
                      "\(engine.calls)")
        engine.rows = SQLRows(columns: [SQLColumn(name: "customers", values: .integer([3]))])
        XCTAssertEqual(try session.query("cohort | metric customers").columns, [ResultColumn(name: "customers", unit: .count, values: .integer([3]))])
        guard case .query(let sql)? = engine.calls.last else { return XCTFail("the pipeline ran one engine query") }
        XCTAssertTrue(sql.contains("FROM siklus_events"), sql)

        // plot and export take the engine's table as they take the in-memory one.
        guard case .plot(let plotted)? = session.outputs("cohort | metric customers | plot").first else { return XCTFail("plot while connected") }
        XCTAssertEqual(plotted.columns.first?.values, .integer([3]))
        guard case .export(let exported, let path, _)? = session.outputs(#"cohort | metric customers | export "c.csv""#).first else { return XCTFail("export") }
        XCTAssertEqual(exported.rowCount, 1)
        XCTAssertEqual(path, "c.csv")

        // A construct the SQL compiler refuses is a located error naming it, before any query is sent. The language
        // has none left since issue 13 (a funnel by an event dimension lowers), so the message itself is checked.
        let refused = RemoteRun.notExpressible(SQLNotExpressible("a construct"), dialect: .spark, at: SourceSpan(start: 0, end: 43))
        XCTAssertEqual(refused.message, "cannot run on Spark SQL: the SQL compiler cannot express a construct")
        XCTAssertEqual(refused.span, SourceSpan(start: 0, end: 43))
        guard case .text(let explained)? = session.outputs("explain all events | metric events").first else { return XCTFail("explain prints text") }
        for section in ["query\n  events | metric events\n", "\nlogical plan\n", "\nsql (Spark SQL, as run on Spark SQL fake #1", "FROM siklus_events",
                        "\n  Tables (Spark SQL):\n", "CREATE OR REPLACE TEMPORARY VIEW siklus_events", "\nsettings\n  churn_after = "] {
            XCTAssertTrue(explained.contains(section), "explain while connected shows \(section)\n\(explained)")
        }
        XCTAssertFalse(explained.contains("Siklus pivots them"), "only retention's rows need the pivot")
        // Retention's rows are long-form cells: explain says how Siklus builds the table from them.
        guard case .text(let retention)? = session.outputs("explain cohort by signup | retention").first else { return XCTFail("explain retention") }
        XCTAssertTrue(retention.contains("retention_cells"), retention)
        XCTAssertTrue(retention.contains("-- the rows are long-form cells (kind, cohort, period, value), which Siklus pivots into the table:"), retention)
        // `let` is not checked against the in-memory tables while connected (their columns are not the engine's).
        session.outputs("let big = events | where anything > 1")
    }

    func testEngineQueriesPassTheSessionsCancelFlag() throws {
        let connector = FakeConnector()
        let session = Session.connecting(through: connector)
        session.outputs("connect spark")
        let engine = try XCTUnwrap(connector.engine)
        let flag = CancelFlag()
        session.isCancelled = { flag.isRaised }
        let run = session.remoteRun(try XCTUnwrap(session.connection))
        let span = SourceSpan(start: 0, end: 6)

        XCTAssertEqual(try run.query("SELECT 1", at: span), engine.rows)
        flag.raise()
        XCTAssertTrue(try XCTUnwrap(engine.cancellationPolls.first)(), "the engine polls the session's flag, not a copy")
        XCTAssertThrowsError(try run.query("SELECT 2", at: span)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "cancelled: the query was stopped on Spark SQL")
            XCTAssertEqual((error as? Diagnostic)?.span, span)
        }
    }
}

/// A Ctrl-C flag a test raises.
private final class CancelFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    var isRaised: Bool { lock.withLock { raised } }
    func raise() { lock.withLock { raised = true } }
}
