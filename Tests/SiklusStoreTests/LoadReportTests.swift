import SiklusTestSupport
import XCTest
@testable import SiklusStore

/// What a load reports: counts, skipped rows by reason, customers, time span, columns, and its text.
final class LoadReportTests: XCTestCase {
    private let small = """
    customer_id,ts,event,amount,channel,page
    u1,2022-09-14 10:21:14,visit,,search,home
    u2,2022-09-15 08:00:00,purchase,12.50,email,cart
    ,2022-09-16,visit,,,
    u1,2022-09-13,signup,,search,

    """

    func testReportFields() throws {
        let (_, report) = try loadFresh(.events, small, name: "events.csv")
        XCTAssertEqual(report.table, .events)
        XCTAssertTrue(report.path.hasSuffix("/events.csv"))
        XCTAssertEqual(report.delimiter, UInt8(ascii: ","))
        XCTAssertEqual(report.rowsLoaded, 3)
        XCTAssertEqual(report.rowsSkipped, 1)
        XCTAssertEqual(report.skipped, [.init(reason: .emptyCustomer, count: 1, firstLines: [4])])
        XCTAssertEqual(report.distinctCustomers, 2)
        XCTAssertEqual(report.timeSpan, utc(2022, 9, 13)...utc(2022, 9, 15, 8))
        XCTAssertEqual(report.columns, [
            .init(name: "customer_id", type: .string, role: .customer),
            .init(name: "ts", type: .datetime, role: .ts),
            .init(name: "event", type: .string, role: .event),
            .init(name: "amount", type: .float, role: .amount),
            .init(name: "channel", type: .string, role: .channel),
            .init(name: "page", type: .string, role: nil),
        ])
        XCTAssertEqual(report.notes.map(\.description), ["orders: no order column, so each purchase row is an order (map order=Column when rows are line items)"])
        XCTAssertGreaterThanOrEqual(report.elapsed, 0)
    }

    func testRenderWithoutTiming() throws {
        let (store, report) = try loadFresh(.events, small, name: "events.csv")
        XCTAssertEqual(report.render(includeTiming: false), """
        loaded events from events.csv: 3 rows, 2 customers, 2022-09-13 .. 2022-09-15
          delimiter: comma
          column customer_id  string    role customer
          column ts           datetime  role ts
          column event        string    role event
          column amount       float     role amount
          column channel      string    role channel
          column page         string
          skipped 1 rows: empty customer id (lines 4)
          note: orders: no order column, so each purchase row is an order (map order=Column when rows are line items)
        """)
        XCTAssertEqual(store.loads, [report])
    }

    func testRenderWithTimingAddsSeconds() throws {
        let (_, report) = try loadFresh(.events, small, name: "events.csv")
        let first = report.render().split(separator: "\n").first.map(String.init) ?? ""
        XCTAssertTrue(first.hasPrefix("loaded events from events.csv: 3 rows, 2 customers, 2022-09-13 .. 2022-09-15 in "), first)
        XCTAssertTrue(first.hasSuffix(" s"), first)
    }

    func testRenderOfSkipsNotesAndOtherTables() throws {
        var text = eventsHeader + fillerRows(800)
        for i in 0..<6 { text += "r\(i),2022-09-14,visit\n" }  // lines 802…807
        text += "x1,2022-09-14,visit,abc\n,2022-09-14,visit,1\n"  // lines 808, 809
        let (_, report) = try loadFresh(.events, text, name: "many.csv")
        XCTAssertEqual(report.render(includeTiming: false), """
        loaded events from many.csv: 800 rows, 50 customers, 2022-01-01 .. 2022-01-28
          delimiter: comma
          column customer_id  string    role customer
          column ts           datetime  role ts
          column event        string    role event
          column amount       float     role amount
          skipped 6 rows: expected 4 fields, found 3 (lines 802, 803, 804, 805, 806, …)
          skipped 1 rows: amount: expected a number (lines 808)
          skipped 1 rows: empty customer id (lines 809)
          note: orders: no order column, so each purchase row is an order (map order=Column when rows are line items)
        """)

        let (_, customers) = try loadFresh(.customers, "customer_id;signup;country\nu1;2022-01-05;ID\nu2;2022-01-02;\n", name: "c.csv")
        XCTAssertEqual(customers.render(includeTiming: false), """
        loaded customers from c.csv: 2 rows, 2 customers, 2022-01-02 .. 2022-01-05
          delimiter: semicolon
          column customer_id  string    role customer
          column signup       date      role signup
          column country      string    role country
        """)

        let (_, spend) = try loadFresh(.spend, "date\tchannel\tspend\n2022-01-01\tsearch\t1.5\n", name: "s.tsv")
        XCTAssertEqual(spend.render(includeTiming: false), """
        loaded spend from s.tsv: 1 rows, 0 customers, 2022-01-01 .. 2022-01-01
          delimiter: tab
          column date     date      role date
          column channel  string    role channel
          column spend    float     role spend
        """)
    }

    func testStoreKeepsReportsOfSuccessfulLoadsOnly() throws {
        let files = TestFiles()
        var store = Store()
        try store.load(.events, path: files.write("a.csv", small))
        XCTAssertNotNil(loadError { try store.load(.events, path: files.write("b.csv", "x\n1\n")) })
        try store.load(.customers, path: files.write("c.csv", "customer_id\nu1\n"))
        XCTAssertEqual(store.loads.map(\.table), [.events, .customers])
    }
}
