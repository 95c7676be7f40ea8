import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage
import SiklusStore
import SiklusTestSupport

/// Issue 15 §4: a new metric whose input is missing is an error at its name naming what is missing, not an
/// empty or zero answer.
final class OrderMetricRefusalTests: XCTestCase {
    private func session(_ files: [(TableKind, String, String)]) throws -> Session {
        let dir = try TestPaths.temporaryDirectory("order-metric-refusals")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let session = Session()
        for (table, name, text) in files {
            let url = dir.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            _ = try session.load(table, path: url.path)
        }
        return session
    }

    private static let events = (TableKind.events, "events.csv", """
        customer_id,ts,event,amount,channel
        a,2023-01-01 10:00:00,purchase,10,search
        a,2023-01-05 10:00:00,purchase,30,search
        """)

    /// A spend file without clicks: cpc names the missing role and the `map clicks=` fix; spend still answers.
    func testCPCWithoutClicksNamesTheMissingColumn() throws {
        let s = try session([Self.events, (.spend, "spend.csv", "date,channel,spend,impressions\n2023-01-01,search,5,100\n")])
        let text = "events | metric cpc"
        let d = try XCTUnwrap(s.failure(text))
        XCTAssertEqual(d.message, "cpc needs the spend table's clicks, and no spend column has the clicks role (spend has: date, channel, spend, impressions)")
        XCTAssertEqual(d.span.map { String(text.utf8.dropFirst($0.start).prefix($0.end - $0.start))! }, "cpc")
        XCTAssertEqual(d.hints.first, "load spend \"spend.csv\" replace map clicks=<column>")
        XCTAssertEqual(try s.query("events | metric spend").scalar("spend"), 5)
    }

    /// With clicks, cpc is spend / clicks.
    func testCPCIsSpendOverClicks() throws {
        let s = try session([Self.events, (.spend, "spend.csv", "date,channel,spend,clicks\n2023-01-01,search,5,20\n2023-01-02,search,3,12\n")])
        XCTAssertEqual(try s.query("events | metric cpc").scalar("cpc"), 0.25)
    }

    /// Line items: one order is several rows, so the median of row amounts is not the median order value.
    func testMedianOrderOnLineItemsIsRefused() throws {
        let s = try session([(.events, "lines.csv", """
            InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice
            1,a,2023-01-01 10:00:00,2,5
            1,a,2023-01-01 10:00:00,1,7
            2,a,2023-01-09 10:00:00,1,4
            """)])
        let d = try XCTUnwrap(s.failure("cohort | metric median_order"))
        XCTAssertTrue(d.message.hasPrefix("median_order takes one amount per purchase row, and these events are line items"), d.message)
        let byNumber = try XCTUnwrap(s.failure("events | by order_number | metric orders"))
        XCTAssertTrue(byNumber.message.hasPrefix("`by order_number` numbers purchase rows, and these events are line items"), byNumber.message)
        // days_between_orders counts orders at their first rows: one gap of 8 days.
        XCTAssertEqual(try s.query("cohort | metric days_between_orders, orders_per_buyer").scalar("days_between_orders"), 8)
        XCTAssertEqual(try s.query("cohort | metric orders_per_buyer").scalar("orders_per_buyer"), 2)
    }
}

/// docs/LANGUAGE.md quotes the formulas the metric step's options change, as `explain` prints them.
final class MetricOptionDocTests: XCTestCase {
    func testOptionFormulasAreQuotedInTheLanguageDoc() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/LANGUAGE.md"), encoding: .utf8)
        XCTAssertTrue(doc.contains("- formula: " + LogicalMetricOptions.transitionsPercentFormula + "\n"))
        XCTAssertTrue(doc.contains("- formula: churn_rate within <window> = " + LogicalMetricOptions.churnWithinFormula + "\n"))
    }
}

/// `open_rate` reads the spend table's opens and delivered columns.
final class OpenRateTests: XCTestCase {
    private func session(spend: String) throws -> Session {
        let dir = try TestPaths.temporaryDirectory("open-rate")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let session = Session()
        for (table, name, text) in [(TableKind.events, "events.csv", "customer_id,ts,event,channel\na,2023-01-01 10:00:00,email_open,email\n"),
                                    (.spend, "spend.csv", spend)] {
            let url = dir.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            _ = try session.load(table, path: url.path)
        }
        return session
    }

    func testOpenRateIsOpensOverDelivered() throws {
        let s = try session(spend: "date,channel,spend,opened,emails_delivered\n2023-01-01,email,1,30,200\n2023-01-02,email,1,20,300\n")
        XCTAssertEqual(try s.query("events | metric open_rate").scalar("open_rate"), 10)
    }

    func testOpenRateWithoutTheColumnsNamesThem() throws {
        let s = try session(spend: "date,channel,spend,clicks\n2023-01-01,email,1,3\n")
        let d = try XCTUnwrap(s.failure("events | metric open_rate"))
        XCTAssertEqual(d.message, "open_rate needs the spend table's opens and delivered, and no spend column has those roles (spend has: date, channel, spend, clicks)")
        XCTAssertEqual(d.hints, ["load spend \"spend.csv\" replace map opens=<column> delivered=<column>"])
    }
}
