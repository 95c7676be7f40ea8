import Foundation
import SiklusLanguage
import SiklusSQL
import SiklusStore
import SiklusTestSupport
import XCTest
@testable import SiklusEngine

/// `load <table> table "…"`: an existing engine table bound by the loader's role rules, checked against
/// the engine's types; mistakes located in the statement.
final class TableBindingTests: XCTestCase {
    private func connected(_ tables: [String: [SQLTableColumn]]) throws -> (Session, FakeSQLEngine) {
        let connector = FakeConnector()
        connector.tables = tables
        let session = Session.connecting(through: connector)
        session.outputs(#"connect postgres "host=x""#)
        return (session, try XCTUnwrap(connector.engine))
    }

    private func column(_ name: String, _ type: SQLValueType) -> SQLTableColumn { SQLTableColumn(name: name, type: type) }

    func testRolesAreFoundByNameLikeAFilesHeader() throws {
        let orders = [column("CustomerID", .text), column("Order Date", .timestamp), column("event_name", .text),
                      column("Revenue", .number), column("utm_source", .text), column("note", .text)]
        let (session, engine) = try connected(["sales.orders": orders])
        let note = session.notes(#"load events table "sales.orders""#)
        XCTAssertEqual(engine.calls.first, .columns("sales.orders"), "binding reads the catalog …")
        XCTAssertEqual(engine.calls.dropFirst().map { if case .execute(let sql) = $0 { String(sql.prefix(25)) } else { "\($0)" } },
                       ["DROP VIEW IF EXISTS pg_te", "CREATE TEMP VIEW siklus_e"], "… and creates the TEMP view Siklus reads it through")

        let binding = try XCTUnwrap(session.engineStatus.bindings.first)
        XCTAssertEqual(binding.table, .events)
        XCTAssertEqual(binding.engineTable, "sales.orders")
        XCTAssertEqual(binding.roles, [.customer: "CustomerID", .ts: "Order Date", .event: "event_name", .amount: "Revenue", .channel: "utm_source"])
        XCTAssertEqual(binding.columns, orders)
        XCTAssertFalse(binding.isTransactionLog)
        XCTAssertNil(binding.loadOrderColumn)
        XCTAssertEqual(binding.tieBreak, ["event_name", "Revenue", "utm_source", "note"])
        XCTAssertEqual(note, """
        bound events to sales.orders on PostgreSQL fake #1 at host=x: 6 columns
          column CustomerID  text       role customer
          column Order Date  timestamp  role ts
          column event_name  text       role event
          column Revenue     number     role amount
          column utm_source  text       role channel
          column note        text
          note: an existing table has no file order: equal times of a customer are ordered by event_name, Revenue, utm_source, note
        """)
        XCTAssertEqual(session.store.events.count, 0, "the in-memory events stay as they were")
    }

    func testATableWithoutAnEventColumnIsATransactionLog() throws {
        let (session, _) = try connected(["cdnow": [column("customer_id", .integer), column("date", .timestamp), column("amount", .number)]])
        let note = session.notes(#"load events table "cdnow""#)
        let binding = try XCTUnwrap(session.engineStatus.bindings.first)
        XCTAssertTrue(binding.isTransactionLog)
        XCTAssertEqual(binding.roles, [.customer: "customer_id", .ts: "date", .amount: "amount"])
        XCTAssertTrue(note.contains("note: no event column: this is a transaction log, so every row is a purchase"), note)
    }

    func testMapAssignsRolesAndCustomersAndSpendBindToo() throws {
        let (session, _) = try connected([
            "crm.people": [column("person", .text), column("joined", .timestamp), column("market", .text)],
            "ads": [column("day", .timestamp), column("network", .text), column("cost", .number)],
        ])
        session.outputs(#"load customers table "crm.people" map customer=person signup=joined; load spend table "ads" map channel=network"#)
        let bindings = session.engineStatus.bindings
        XCTAssertEqual(bindings.map(\.table), [.customers, .spend])
        XCTAssertEqual(bindings[0].roles, [.customer: "person", .signup: "joined", .country: "market"])
        XCTAssertEqual(bindings[1].roles, [.date: "day", .channel: "network", .spend: "cost"])
        XCTAssertEqual(bindings[0].tieBreak, [])
    }

    func testMappingMistakesPointAtTheMapping() throws {
        let (session, _) = try connected(["t": [column("customer_id", .text), column("ts", .timestamp), column("total", .number)]])
        let missing = session.renderedFailure(#"load events table "t" map amount=totl"#)
        XCTAssertTrue(missing.contains(#"t.sik:1:27: error: cannot bind t: no column named "totl" for role amount"#), missing)
        XCTAssertTrue(missing.contains("^~~~~~~~~~~"), missing)
        XCTAssertTrue(missing.contains("help: the table has: customer_id, ts, total"), missing)

        let wrongTable = session.renderedFailure(#"load events table "t" map signup=ts"#)
        XCTAssertTrue(wrongTable.contains("cannot bind t: events has no role signup"), wrongTable)
        XCTAssertTrue(session.engineStatus.bindings.isEmpty, "a failed binding binds nothing")
    }

    func testAMissingRequiredRoleNamesTheLikelyColumns() throws {
        let (session, _) = try connected(["t": [column("user", .text), column("what", .text)]])
        let rendered = session.renderedFailure(#"load events table "t""#)
        XCTAssertTrue(rendered.contains("t.sik:1:19: error: events need a ts column, and none of the columns of t looks like one (ts, timestamp, time, eventtime, invoicedate, …)"), rendered)
        XCTAssertTrue(rendered.contains("help: the table has: user, what; name the column with: map ts=ColumnName"), rendered)
    }

    func testRoleTypesAreChecked() throws {
        let (session, _) = try connected(["t": [column("customer_id", .text), column("ts", .text)],
                                          "u": [column("paid", .boolean), column("ts", .timestamp)],
                                          "v": [column("customer_id", .integer), column("ts", .timestamp), column("amount", .text)]])
        let ts = session.renderedFailure(#"load events table "t""#)
        XCTAssertTrue(ts.contains("column ts (ts) is text in t, but Siklus reads ts from timestamp columns"), ts)
        XCTAssertTrue(ts.contains("CAST(ts AS timestamp)"), ts)
        let customer = session.renderedFailure(#"load events table "u" map customer=paid"#)
        XCTAssertTrue(customer.contains("t.sik:1:27: error: column paid (customer) is boolean in u, but Siklus reads customer from text or integer columns"), customer)
        let amount = session.renderedFailure(#"load events table "u" map customer=ts ts=ts"#)
        XCTAssertTrue(amount.contains("cannot bind u: column ts is mapped to two roles, customer and ts"), amount)
        let money = session.renderedFailure(#"load events table "v""#)
        XCTAssertTrue(money.contains("column amount (amount) is text in v, but Siklus reads amount from number or integer columns"), money)
        XCTAssertTrue(money.contains("CAST(amount AS double precision)"), money)
    }

    func testAnUnknownTableIsTheEnginesMessageAtTheName() throws {
        let (session, _) = try connected([:])
        let rendered = session.renderedFailure(#"load events table "public.nope""#)
        XCTAssertTrue(rendered.contains(#"t.sik:1:19: error: PostgreSQL said: relation "public.nope" does not exist (SQLSTATE 42P01)"#), rendered)
        XCTAssertTrue(rendered.contains("^~~~~~~~~~~~~"), rendered)
    }

    func testATableLoadWhileNotConnectedPointsAtTable() {
        let session = Session()
        let rendered = session.renderedFailure(#"load events table "orders""#)
        XCTAssertTrue(rendered.contains("t.sik:1:13: error: `load events table` binds a table of a connected engine, and this session is not connected"), rendered)
        XCTAssertTrue(rendered.contains("            ^~~~~"), rendered)
        XCTAssertTrue(rendered.contains(#"help: connect first: `connect postgres "…"` or `connect spark`"#), rendered)
    }

    func testUnloadWhileConnectedForgetsTheBindingOnly() throws {
        let files = TestFiles()
        let local = files.write("e.csv", "customer_id,ts,event\nu1,2022-09-14,visit\n")
        let (session, _) = try connected(["t": [column("customer_id", .text), column("ts", .timestamp)]])
        session.outputs("disconnect")
        session.outputs(#"load events "\#(local)"; connect postgres "host=x"; load events table "t""#)
        let note = session.notes("unload events")
        XCTAssertEqual(note, "unbound events from t (the engine's table is unchanged; the in-memory events are untouched)")
        XCTAssertTrue(session.engineStatus.bindings.isEmpty)
        XCTAssertEqual(session.store.events.count, 1)
    }
}

/// Completion names while connected come from the bound engine tables, not the waiting in-memory ones.
final class ConnectedVocabularyTests: XCTestCase {
    func testColumnsAreTheBoundTablesAndNoInMemoryValuesAreOffered() throws {
        let files = TestFiles()
        let local = files.write("e.csv", "customer_id,ts,event,campaign\nu1,2022-09-14,visit,spring\n")
        let connector = FakeConnector()
        connector.tables = ["o": [SQLTableColumn(name: "cust", type: .text), SQLTableColumn(name: "ts", type: .timestamp),
                                  SQLTableColumn(name: "coupon", type: .text)]]
        let session = Session.connecting(through: connector)
        session.outputs(#"load events "\#(local)""#)
        XCTAssertTrue(session.vocabulary.columns.contains("campaign"))
        XCTAssertEqual(session.knownValues(of: "campaign"), ["spring"])

        session.outputs(#"connect postgres "h"; load events table "o" map customer=cust"#)
        XCTAssertTrue(session.vocabulary.columns.contains("coupon"))
        XCTAssertFalse(session.vocabulary.columns.contains("campaign"))
        XCTAssertEqual(session.knownValues(of: "campaign"), [])

        session.outputs("disconnect")
        XCTAssertTrue(session.vocabulary.columns.contains("campaign"))
    }
}
