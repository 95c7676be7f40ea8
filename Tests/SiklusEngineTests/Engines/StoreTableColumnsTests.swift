import Foundation
import SiklusLanguage
import SiklusSQL
import SiklusStore
import SiklusTestSupport
import XCTest
@testable import SiklusEngine

/// A store table as typed engine columns (`StoreTableColumns`), and `load <table> "<file>"` while
/// connected writing them with `createTable`.
final class StoreTableColumnsTests: XCTestCase {
    private let files = TestFiles()

    private func store(_ table: TableKind, _ csv: String, name: String = "f.csv") throws -> Store {
        var store = Store()
        try store.load(table, path: files.write(name, csv))
        return store
    }

    func testEventsAreTypedWithNullsAndALoadOrderColumn() throws {
        // u1 has three events at the same time: file order (c, a, b) must survive as the tie-break.
        let csv = """
        user_id,ts,event,amount,channel,qty,note
        u2,2022-09-15 10:00:00,visit,,social,,hello
        u1,2022-09-14 08:00:00,c,5.5,search,2,
        u1,2022-09-14 08:00:00,a,1,,3,x
        u1,2022-09-14 08:00:00,b,2,search,1,y
        u1,2022-09-13 00:00:00,first,0,ads,4,z

        """
        let written = StoreTableColumns(.events, of: try store(.events, csv))
        let columns = written.columns
        XCTAssertEqual(columns.map(\.name), ["user_id", "ts", "event", "amount", "channel", "qty", "note", "siklus_load_order"])
        XCTAssertEqual(columns.map(\.values.type), [.text, .timestamp, .text, .number, .text, .integer, .text, .integer])
        XCTAssertEqual(written.roles, [.customer: "user_id", .ts: "ts", .event: "event", .amount: "amount", .channel: "channel"])
        XCTAssertEqual(written.loadOrderColumn, "siklus_load_order")
        guard case .dictionary? = columns[named: "user_id"], case .dictionary? = columns[named: "note"] else {
            return XCTFail("text is written as dictionary codes")
        }

        // Rows in the store's (customer, ts, file order) order: the load-order column numbers them.
        guard case .integer(let order)? = columns[named: "siklus_load_order"], case .timestamp(let ts)? = columns[named: "ts"],
              case .number(let amount)? = columns[named: "amount"], case .integer(let qty)? = columns[named: "qty"] else {
            return XCTFail("column types")
        }
        let events = texts(columns[named: "event"]), customers = texts(columns[named: "user_id"])
        let rows = order.indices.sorted { (customers[$0] ?? "", ts[$0] ?? 0, order[$0] ?? 0) < (customers[$1] ?? "", ts[$1] ?? 0, order[$1] ?? 0) }
        XCTAssertEqual(rows.map { events[$0] }, ["first", "c", "a", "b", "visit"])
        // Each value is the customer's code × 2³² plus the row's place among the customer's rows.
        let values = order.compactMap { $0 }
        let byCustomer = Dictionary(grouping: values.indices, by: { customers[$0] ?? "" })
        for (customer, rows) in byCustomer {
            XCTAssertEqual(Set(rows.map { values[$0] >> 32 }).count, 1, "one code for \(customer)")
            XCTAssertEqual(rows.map { values[$0] & 0xFFFF_FFFF }.sorted(), (0..<Int64(rows.count)).map { $0 }, customer)
        }
        XCTAssertEqual(Set(values.map { $0 >> 32 }).count, byCustomer.count, "a code per customer")
        let visit = try XCTUnwrap(events.firstIndex(of: "visit"))
        XCTAssertNil(amount[visit], "a blank amount is NULL, not 0")
        XCTAssertNil(qty[visit])
        XCTAssertEqual(ts[visit], 1_663_236_000)
        XCTAssertNil(texts(columns[named: "channel"])[try XCTUnwrap(events.firstIndex(of: "a"))])
        XCTAssertNil(texts(columns[named: "note"])[try XCTUnwrap(events.firstIndex(of: "c"))])
    }

    func testATransactionLogGetsItsPurchaseEventsAndLineItemsGetTheirAmount() throws {
        // The engine table carries the event `purchase` the loader gave every row (the SQL compiler reads
        // purchases from the event column).
        let log = StoreTableColumns(.events, of: try store(.events, "customer_id,date,amount\n1,2022-01-01,10\n1,2022-01-02,5\n"))
        XCTAssertEqual(log.columns.map(\.name), ["customer_id", "date", "event", "amount", "siklus_load_order"])
        XCTAssertEqual(log.roles[.event], "event")
        XCTAssertEqual(texts(log.columns[named: "event"]), ["purchase", "purchase"])

        let items = StoreTableColumns(.events, of: try store(.events, "InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice\n536365,17850,2022-01-01,6,2.55\n536365,17850,2022-01-01,2,1\n", name: "items.csv"))
        XCTAssertEqual(items.columns.map(\.name), ["CustomerID", "InvoiceDate", "event", "amount", "InvoiceNo", "Quantity", "UnitPrice", "siklus_load_order"])
        XCTAssertEqual(items.roles[.amount], "amount")
        XCTAssertEqual(items.roles[.order], "InvoiceNo")
        XCTAssertEqual(items.roles[.quantity], "Quantity")
        guard case .number(let amounts)? = items.columns[named: "amount"] else { return XCTFail("amount is a number column") }
        XCTAssertEqual(amounts.compactMap { $0 }.sorted(), [2, 15.299999999999999])
        XCTAssertEqual(texts(items.columns[named: "InvoiceNo"]), ["536365", "536365"], "order ids stay text")
    }

    func testCustomersSpendAndNameClashes() throws {
        let people = StoreTableColumns(.customers, of: try store(.customers, "client,signup,channel,siklus_load_order\nu1,2022-09-01,social,7\nu2,,search,8\n"))
        XCTAssertEqual(people.columns.map(\.name), ["client", "signup", "channel", "siklus_load_order", "siklus_load_order_2"])
        XCTAssertEqual(people.columns.map(\.values.type), [.text, .timestamp, .text, .integer, .integer])
        // The customer's code × 2³², the minimum of their events' load order: `rows` lists store order.
        XCTAssertEqual(people.columns[named: "siklus_load_order_2"], .integer([0, 1 << 32]))
        XCTAssertEqual(texts(people.columns[named: "client"]), ["u1", "u2"])
        guard case .timestamp(let signups)? = people.columns[named: "signup"] else { return XCTFail() }
        XCTAssertEqual(signups, [1_661_990_400, nil])
        XCTAssertEqual(people.loadOrderColumn, "siklus_load_order_2")

        let spend = StoreTableColumns(.spend, of: try store(.spend, "date,channel,spend\n2022-09-01,social,100.5\n2022-09-02,search,\n", name: "s.csv"))
        XCTAssertEqual(spend.columns.map(\.name), ["date", "channel", "spend"])
        XCTAssertEqual(spend.columns.map(\.values.type), [.timestamp, .text, .number])
        XCTAssertEqual(spend.roles, [.date: "date", .channel: "channel", .spend: "spend"])

        // An events column already called siklus_load_order: the load order takes another name.
        let clash = StoreTableColumns(.events, of: try store(.events, "customer_id,ts,SIKLUS_LOAD_ORDER\nu1,2022-01-01,x\n", name: "c.csv"))
        XCTAssertEqual(clash.loadOrderColumn, "siklus_load_order_2")
        XCTAssertEqual(clash.columns.map(\.name), ["customer_id", "ts", "event", "SIKLUS_LOAD_ORDER", "siklus_load_order_2"])
    }

    func testLoadingAFileWhileConnectedCreatesTheTableAndAppendsLikeALocalLoad() throws {
        let a = files.write("a.csv", "customer_id,ts,event\nu1,2022-09-14,visit\nu2,2022-09-15,purchase\n")
        let b = files.write("b.csv", "customer_id,ts,event\nu3,2022-09-16,visit\n")
        let connector = FakeConnector()
        let session = Session.connecting(through: connector)
        session.outputs(#"connect postgres "host=x""#)
        let engine = try XCTUnwrap(connector.engine)

        guard case .load(let report)? = session.outputs(#"load events "\#(a)""#).first else { return XCTFail("a load report") }
        XCTAssertEqual(report.rowsLoaded, 2)
        XCTAssertTrue(report.render().contains("written to PostgreSQL fake #1 at host=x as table events: 2 rows, file order in column siklus_load_order"), report.render())
        XCTAssertEqual(texts(engine.created("events")?[named: "customer_id"]), ["u1", "u2"])

        // A failed write changes nothing: the binding and the staged rows are as before.
        engine.createTableError = SQLEngineError("disk full", sqlState: "53100")
        let text = #"load events "\#(b)""#
        let rendered = session.renderedFailure(text)
        XCTAssertTrue(rendered.contains("t.sik:1:13: error: cannot write events to PostgreSQL: PostgreSQL said: disk full (SQLSTATE 53100)"), rendered)
        XCTAssertEqual(session.engineStatus.bindings.first?.rowCount, 2)

        engine.createTableError = nil
        session.outputs(text)
        XCTAssertEqual(texts(engine.created("events")?[named: "customer_id"]), ["u1", "u2", "u3"], "a second file appends")
        let binding = try XCTUnwrap(session.engineStatus.bindings.first)
        XCTAssertEqual(binding.origin, .files([a, b]))
        XCTAssertEqual(binding.tieBreak, ["siklus_load_order"])

        // The same file again is skipped, as in memory: nothing is written.
        let writes = engine.calls.count
        guard case .load(let again)? = session.outputs(#"load events "\#(a)""#).first else { return XCTFail() }
        XCTAssertTrue(again.alreadyLoaded)
        XCTAssertEqual(engine.calls.count, writes)
        XCTAssertEqual(session.store.events.count, 0, "the in-memory events were never touched")
    }

    func testAFileLoadReplacesABoundEngineTable() throws {
        let a = files.write("a.csv", "customer_id,ts\nu1,2022-09-14\n")
        let connector = FakeConnector()
        connector.tables = ["orders": [SQLTableColumn(name: "customer_id", type: .text), SQLTableColumn(name: "ts", type: .timestamp)]]
        let session = Session.connecting(through: connector)
        session.outputs(#"connect postgres "host=x"; load events table "orders"; load events "\#(a)""#)
        let binding = try XCTUnwrap(session.engineStatus.bindings.first)
        XCTAssertEqual(binding.engineTable, "events")
        XCTAssertEqual(binding.origin, .files([a]))
    }
}
