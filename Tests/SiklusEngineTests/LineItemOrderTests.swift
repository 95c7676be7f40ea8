import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage
import SiklusStore

/// Orders that span several rows (issue 11, item 1), on a file shaped like UCI Online Retail: one row per
/// line item, columns `InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID,
/// Country`, US dates without leading zeros (`12/1/2010 8:26`), customer ids written as floats
/// (`17850.0`), no amount column (amount = Quantity × UnitPrice), no event column (every row a
/// purchase), and cancellations as invoices `C` + digits with negative quantities.
///
/// The customers: 17850 has four invoices (two of several lines, one in January); 13047 one invoice
/// and a cancellation (`C536379`); 12583 one three-line invoice; 15100 an invoice and a return whose
/// id is numeric but whose rows are all negative; 16000 only a cancellation. Rows are not grouped by
/// customer in the file.
final class LineItemOrderTests: XCTestCase {
    static let header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country"
    static let rows = [
        "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850.0,United Kingdom",
        "536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850.0,United Kingdom",
        "536367,84879,ASSORTED COLOUR BIRD ORNAMENT,32,12/1/2010 8:34,1.69,13047.0,United Kingdom",
        "536365,84406B,CREAM CUPID HEARTS COAT HANGER,8,12/1/2010 8:26,2.75,17850.0,United Kingdom",
        "536366,22633,HAND WARMER UNION JACK,6,12/1/2010 8:28,1.85,17850.0,United Kingdom",
        "536367,22745,POPPY'S PLAYHOUSE BEDROOM,6,12/1/2010 8:34,2.10,13047.0,United Kingdom",
        "536370,22728,ALARM CLOCK BAKELIKE PINK,24,12/1/2010 8:45,3.75,12583.0,France",
        "536370,22727,ALARM CLOCK BAKELIKE RED,24,12/1/2010 8:45,3.75,12583.0,France",
        "536370,POST,POSTAGE,3,12/1/2010 8:45,18.00,12583.0,France",
        "C536379,D,Discount,-1,12/1/2010 9:41,27.50,13047.0,United Kingdom",
        "536380,22961,JAM MAKING SET PRINTED,24,12/2/2010 9:41,1.45,17850.0,United Kingdom",
        "536390,21730,GLASS STAR FROSTED T-LIGHT HOLDER,48,12/3/2010 10:00,2.50,15100.0,United Kingdom",
        "536395,21730,GLASS STAR FROSTED T-LIGHT HOLDER,-12,12/5/2010 11:00,2.50,15100.0,United Kingdom",
        "C536500,22086,PAPER CHAIN KIT 50'S CHRISTMAS,-2,12/6/2010 12:00,4.25,16000.0,United Kingdom",
        "536400,22111,SCOTTIE DOG HOT WATER BOTTLE,12,1/4/2011 10:00,1.25,17850.0,United Kingdom",
        "536400,22112,CHOCOLATE HOT WATER BOTTLE,4,1/4/2011 10:00,5.00,17850.0,United Kingdom",
    ]
    static let load = "format ts=\"%m/%d/%Y %H:%M\""

    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("siklus-orders-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: scratch) }

    /// Runs a `load` statement and returns its report, as the shell prints it without timing.
    private func load(_ statement: String, in session: Session) throws -> String {
        var reports: [String] = []
        var failure: Diagnostic?
        session.run(SourceFile(name: "<test>", text: statement)) { outcome in
            switch outcome {
            case .output(.load(let report), _): reports.append(report.render(includeTiming: false))
            case .output: break
            case .failure(let diagnostic): failure = diagnostic; return false
            }
            return true
        }
        if let failure { throw failure }
        return reports.joined(separator: "\n")
    }

    private func write(_ name: String, _ lines: [String]) throws -> URL {
        let file = scratch.appendingPathComponent(name)
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    private func retailSession() throws -> (Session, String) {
        let file = try write("online_retail.csv", [Self.header] + Self.rows)
        let session = Session()
        let report = try load("load events \"\(file.path)\" \(Self.load)", in: session)
        return (session, report)
    }

    private func close(_ actual: Double?, _ expected: Double, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let actual else { return XCTFail("\(what) is null", file: file, line: line) }
        XCTAssertEqual(actual, expected, accuracy: 1e-9 * max(1, abs(expected)), what, file: file, line: line)
    }

    /// Hand-computed: orders 536365 (57.64), 536366 (11.10), 536380 (34.80), 536400 (35.00) of 17850;
    /// 536367 (66.68) of 13047; 536370 (234.00) of 12583; 536390 (120.00) of 15100. Returns C536379
    /// (−27.50), 536395 (−30.00, all rows negative) and C536500 (−8.50). Net revenue 493.22.
    func testOrderMetricsCountInvoicesNotRows() throws {
        let (session, report) = try retailSession()
        XCTAssertTrue(report.contains("column InvoiceNo    string    role order"), report)
        XCTAssertTrue(report.contains("note: no amount column: amount = Quantity × UnitPrice"), report)
        XCTAssertTrue(report.contains("7 orders and 3 returns (ids C + digits, or all rows negative; netted out of revenue)"), report)
        XCTAssertFalse(report.contains("skipped"), "C536379 is an order id, not a bad row: \(report)")
        let table = try session.query("events | metric orders, returns, revenue, avg_order, repeat_rate, orders_per_customer, conversion_rate, customers")
        XCTAssertEqual(table.scalar("orders"), 7)
        XCTAssertEqual(table.scalar("returns"), 3)
        close(table.scalar("revenue"), 493.22, "revenue")
        close(table.scalar("avg_order"), 493.22 / 7, "avg_order")
        close(table.scalar("repeat_rate"), 25, "repeat_rate: 17850 of four buyers")
        close(table.scalar("orders_per_customer"), 7.0 / 5, "orders_per_customer")
        close(table.scalar("conversion_rate"), 80, "conversion_rate: 16000 only returned")
        XCTAssertEqual(table.scalar("customers"), 5)

        // The same numbers from a plain loop over the file.
        let reference = Self.referenceOrders()
        XCTAssertEqual(table.scalar("orders"), Double(reference.orders))
        XCTAssertEqual(table.scalar("returns"), Double(reference.returns))
        close(table.scalar("revenue"), reference.revenue, "revenue vs reference")
        close(table.scalar("repeat_rate"), reference.repeatRate, "repeat_rate vs reference")
    }

    /// The purchase stage is the customer's whole first order; later orders are retention; returns are in no stage.
    func testFirstOrderIsThePurchaseStageAndReturnsAreNoPurchase() throws {
        let (session, _) = try retailSession()
        let stages = try session.query("events | by stage | metric events, orders, returns")
        XCTAssertEqual(stages.texts("stage"), ["purchase", "retention", "(other)"])
        XCTAssertEqual(stages.numbers("events"), [9, 4, 3])
        XCTAssertEqual(stages.numbers("orders"), [4, 3, 0])
        XCTAssertEqual(stages.numbers("returns"), [0, 0, 3])
        let months = try session.query("events | by month | metric orders, revenue")
        XCTAssertEqual(months.numbers("orders"), [6, 1])
        close(months.numbers("revenue").last ?? nil, 35, "January revenue")
        // 16000 never bought: no first purchase, so no cohort; 17850 bought again in January.
        let retention = try session.query("cohort by first_purchase period month | retention")
        XCTAssertEqual(retention.numbers("customers"), [4])
        XCTAssertEqual(retention.numbers("1"), [1])
    }

    /// Against DuckDB: orders and avg_order computed by SQL over the same file (GROUP BY customer, invoice).
    func testOrdersAgreeWithDuckDB() throws {
        let (session, report) = try retailSession()
        XCTAssertFalse(report.isEmpty)
        let explain = try TeachingFixture.text("explain sql events | metric orders, avg_order", in: session)
        // Line items are lowered (issue 12): explain shows the compiler's SQL over the file's table.
        XCTAssertFalse(explain.contains("no SQL equivalent"), explain)
        XCTAssertTrue(explain.contains("CREATE OR REPLACE TABLE events AS SELECT *, 'purchase' AS event, \"Quantity\" * \"UnitPrice\" AS amount"), explain)
        XCTAssertTrue(explain.contains("\n  orders = " + (Metric.orders.orderFormula ?? "?") + "\n"), "explain shows the order-level formula: \(explain)")
        // The worked example shows orders with their totals, and the return.
        let example = try TeachingFixture.text("explain events | where customer = \"13047.0\" | metric revenue, orders, returns", in: session)
        XCTAssertTrue(example.contains("revenue: 39.18 from order 536367 2010-12-01 (66.68), return C536379 2010-12-01 (-27.50)"), example)
        XCTAssertTrue(example.contains("orders: 1 order: order 536367 2010-12-01 (66.68)"), example)
        try TeachingFixture.requireDuckDB()
        let path = scratch.appendingPathComponent("online_retail.csv").path
        let sql = """
            WITH line AS (
              SELECT InvoiceNo AS inv, CustomerID AS cust, Quantity * UnitPrice AS amount
              FROM read_csv('\(path)', header = true, types = {'InvoiceNo': 'VARCHAR', 'CustomerID': 'VARCHAR'})
            ), orders AS (
              SELECT cust, inv, sum(amount) AS value, bool_and(amount < 0) AS negative FROM line GROUP BY cust, inv
            ), classified AS (
              SELECT *, regexp_full_match(inv, 'C[0-9]+') OR negative AS is_return FROM orders
            )
            SELECT count(*) FILTER (WHERE NOT is_return) AS orders,
                   sum(value) / count(*) FILTER (WHERE NOT is_return) AS avg_order
            FROM classified
            """
        let result = try TeachingFixture.runInDuckDB([sql])[0].get()
        let table = try session.query("events | metric orders, avg_order")
        XCTAssertEqual((result.rows[0][0] as? NSNumber)?.doubleValue, table.scalar("orders"))
        close(table.scalar("avg_order"), try XCTUnwrap((result.rows[0][1] as? NSNumber)?.doubleValue), "avg_order vs DuckDB")
    }

    /// `map order=` names any column; with a quantity column a bare `price` is the unit price.
    func testMappedOrderColumnAndPriceAsUnitPrice() throws {
        let file = try write("baskets.csv", [
            "user,ts,basket,qty,price",
            "u1,2024-01-01 10:00:00,b1,2,5.0",
            "u1,2024-01-01 10:00:00,b1,1,10.0",
            "u1,2024-02-01 10:00:00,b2,3,1.0",
            "u2,2024-01-03 10:00:00,7,1,4.0",
        ])
        let session = Session()
        let report = try load("load events \"\(file.path)\" map order=basket", in: session)
        XCTAssertTrue(report.contains("role order"), report)
        XCTAssertTrue(report.contains("column price   float     role unit_price"), report)
        XCTAssertTrue(report.contains("amount = qty × price"), report)
        XCTAssertTrue(report.contains("3 orders and 0 returns"), report)
        let table = try session.query("events | metric orders, revenue, avg_order, repeat_rate")
        XCTAssertEqual(table.scalar("orders"), 3)
        close(table.scalar("revenue"), 27, "revenue")
        close(table.scalar("avg_order"), 9, "avg_order")
        close(table.scalar("repeat_rate"), 50, "repeat_rate")
    }

    /// A second file whose order column has another name adds to the same order ids.
    func testOrderIDsOfTwoFilesJoinWhateverTheColumnIsCalled() throws {
        let first = try write("a.csv", ["customer_id,ts,InvoiceNo,amount", "u1,2024-01-01 10:00:00,1,5", "u1,2024-01-01 10:00:00,1,6"])
        let second = try write("b.csv", ["customer_id,ts,order_id,amount", "u1,2024-01-01 10:05:00,1,7", "u1,2024-02-01 10:00:00,2,1"])
        let session = Session()
        _ = try load("load events \"\(first.path)\"", in: session)
        let report = try load("load events \"\(second.path)\"", in: session)
        XCTAssertTrue(report.contains("2 orders and 0 returns"), report)
        let table = try session.query("events | metric orders, revenue, avg_order")
        XCTAssertEqual(table.scalar("orders"), 2)
        close(table.scalar("avg_order"), 9.5, "avg_order")
        XCTAssertEqual(try session.query("events | stage purchase | metric events").scalar("events"), 3, "invoice 1 spans both files")
    }

    /// A funnel sees an order as one event at its first row: a two-line order is not two purchases, even strictly.
    func testFunnelsCountOrdersNotLines() throws {
        let file = try write("shop.csv", [
            "customer_id,ts,event,order_id,amount",
            "u1,2024-01-01 10:00:00,visit,,",
            "u1,2024-01-01 10:05:00,order_placed,o1,5",
            "u1,2024-01-01 10:05:00,order_placed,o1,6",
            "u2,2024-01-01 10:00:00,visit,,",
            "u2,2024-01-01 11:00:00,order_placed,o2,3",
            "u2,2024-01-01 12:00:00,order_placed,o3,4",
            "u3,2024-01-01 10:00:00,visit,,",
            "u3,2024-01-01 10:30:00,order_placed,o4,-2",
        ])
        let session = Session()
        let report = try load("load events \"\(file.path)\"", in: session)
        XCTAssertTrue(report.contains("; counted over rows of the event purchase"), report)
        session.mustRun("stage purchase += order_placed")
        XCTAssertEqual(try session.query("events | metric orders, returns").numbers("orders"), [3])
        for order in ["", " strict"] {
            let funnel = try session.query("events | funnel visit -> order_placed -> order_placed\(order)")
            XCTAssertEqual(funnel.numbers("customers"), [3, 2, 1], "funnel\(order): u3's only order is a return")
        }
    }

    /// A return is no purchase activity: it neither keeps a cohort customer retained nor is a first purchase.
    func testReturnsAreNeitherRetentionNorFirstPurchase() throws {
        let file = try write("returns.csv", [
            "InvoiceNo,Quantity,InvoiceDate,UnitPrice,CustomerID",
            "1001,1,2024-01-05 10:00:00,10,a", "C1002,-1,2024-02-05 10:00:00,10,a",
            "1003,1,2024-01-06 10:00:00,10,b", "1004,1,2024-02-06 10:00:00,10,b",
            "C1005,-1,2024-01-07 10:00:00,5,c", "1006,2,2024-03-01 10:00:00,1,c",
        ])
        let session = Session()
        _ = try load("load events \"\(file.path)\"", in: session)
        let retention = try session.query("cohort by first_purchase period month | retention")
        XCTAssertEqual(retention.texts("cohort"), ["2024-01", "2024-03"])
        XCTAssertEqual(retention.numbers("1").first, 1, "only b bought again in February; a returned")
        let days = try session.query("cohort | by customer | metric time_to_purchase")
        XCTAssertEqual(days.numbers("time_to_purchase"), [0, 0, 54], "c's first purchase is the March order, not the January return")
        close(try session.query("events | metric revenue").scalar("revenue"), 17, "net revenue")
    }

    /// Line items without order ids: each row is an order, and the report says so.
    func testLineItemsWithoutOrderIDsSayEachRowIsAnOrder() throws {
        let file = try write("lines.csv", ["CustomerID,InvoiceDate,Quantity,UnitPrice", "1,2024-01-01,2,1.5", "1,2024-01-01,1,4"])
        let session = Session()
        let report = try load("load events \"\(file.path)\"", in: session)
        XCTAssertTrue(report.contains("note: orders: no order column, so each purchase row is an order (map order=Column when rows are line items)"), report)
        XCTAssertEqual(try session.query("events | metric orders").scalar("orders"), 2)
        close(try session.query("events | metric revenue").scalar("revenue"), 7, "revenue")
    }

    /// Without an order column, `price` stays the amount and every purchase row is an order.
    func testWithoutAnOrderColumnEachPurchaseRowIsAnOrder() throws {
        let file = try write("log.csv", ["user,ts,price", "u1,2024-01-01,5", "u1,2024-01-01,-2", "u2,2024-01-02,4"])
        let session = Session()
        let report = try load("load events \"\(file.path)\"", in: session)
        XCTAssertTrue(report.contains("column price  float     role amount"), report)
        // The report says which rule applies, as for every events file without an order column.
        XCTAssertTrue(report.contains("note: orders: no order column, so each purchase row is an order"), report)
        XCTAssertFalse(report.contains("line items):"), "no order-count note without an order column: \(report)")
        let table = try session.query("events | metric orders, returns, revenue")
        XCTAssertEqual(table.scalar("orders"), 3)
        XCTAssertEqual(table.scalar("returns"), 0)
        close(table.scalar("revenue"), 7, "revenue")
    }

    /// A plain loop over the fixture's rows: orders by (customer, invoice), the return rule, net revenue.
    static func referenceOrders() -> (orders: Int, returns: Int, revenue: Double, repeatRate: Double) {
        struct Order { var value = 0.0; var allNegative = true }
        var orders: [String: [String: Order]] = [:]
        var revenue = 0.0
        for row in rows {
            let f = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let amount = Double(f[3])! * Double(f[5])!
            revenue += amount
            var order = orders[f[6], default: [:]][f[0], default: Order()]
            order.value += amount
            order.allNegative = order.allNegative && amount < 0
            orders[f[6], default: [:]][f[0]] = order
        }
        var count = 0, returns = 0, buyers = 0, repeaters = 0
        for (_, byInvoice) in orders {
            var bought = 0
            for (invoice, order) in byInvoice {
                let cancellation = invoice.first == "C" && invoice.dropFirst().allSatisfy(\.isNumber)
                if cancellation || order.allNegative { returns += 1 } else { count += 1; bought += 1 }
            }
            if bought >= 1 { buyers += 1 }
            if bought >= 2 { repeaters += 1 }
        }
        return (count, returns, revenue, Double(repeaters) / Double(buyers) * 100)
    }
}
