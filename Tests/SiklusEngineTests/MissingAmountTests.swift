import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage

/// Issue 11, item 4: a money metric without any amount is an error naming the role and the fix, not 0.00.
final class MissingAmountTests: XCTestCase {

    /// A web log without money (the shape of a clickstream export: id, time, event, a numeric `Quantity`
    /// nobody mapped): money metrics are errors at their name, naming the role and the `map amount=` fix.
    func testMoneyMetricsWithoutAmountsAreLocatedErrors() throws {
        let (s, path) = try session(events: """
        customer_id,ts,event,Quantity
        a,2023-01-01 10:00:00,visit,1
        a,2023-01-01 10:05:00,purchase,2
        b,2023-01-02 10:00:00,purchase,3
        """)
        for metric in ["revenue", "avg_order", "ltv"] {
            let text = "cohort | metric orders, \(metric)"
            let d = try XCTUnwrap(s.failure(text), metric)
            XCTAssertEqual(d.message, "\(metric) needs the amount role, and no events column has it")
            let span = try XCTUnwrap(d.span, metric)
            XCTAssertEqual(String(decoding: Array(text.utf8)[span.start..<span.end], as: UTF8.self), metric)
            XCTAssertEqual(d.hints, ["load the events with the money column mapped: load events \"\(path)\" replace map amount=<column>",
                                     "numeric events columns without a role: Quantity"])
        }
        // A money-named column is the one the hint maps; another numeric column is never guessed.
        let (priced, pricedPath) = try session(events: """
        customer_id,ts,event,TicketNo,paid_eur
        a,2023-01-01 10:00:00,purchase,536365,12.5
        """, name: "priced.csv")
        XCTAssertEqual(priced.failure("cohort | metric avg_order")?.hints,
                       ["load the events with the money column mapped: load events \"\(pricedPath)\" replace map amount=paid_eur",
                        "numeric events columns without a role: paid_eur, TicketNo"])
        // The hints are worded when the error is, in the session's language (the catalog keeps why, not words).
        priced.display.language = .id
        let indonesian = try XCTUnwrap(priced.failure("cohort | metric avg_order"))
        priced.display.language = .en
        XCTAssertEqual(indonesian.hints, ["muat peristiwa dengan kolom uang dipetakan: load events \"\(pricedPath)\" replace map amount=paid_eur",
                                          "kolom numerik peristiwa tanpa peran: paid_eur, TicketNo"])
        // Metrics that read no amount still answer.
        XCTAssertEqual(try s.query("cohort | metric orders, customers, repeat_rate").scalar("orders"), 2)
    }

    /// "Reads amount" comes from the catalog's formulas, through the metrics a formula names.
    func testReadsAmountFollowsTheFormulas() {
        let readers = Metric.allCases.filter(\.readsAmount).map(\.rawValue)
        XCTAssertEqual(Set(readers), ["revenue", "avg_order", "ltv", "median_order", "median_revenue_per_customer", "median_revenue_per_buyer"])
        for metric in Metric.allCases where metric.readsAmount { XCTAssertEqual(metric.unit, .money, metric.rawValue) }
    }

    /// With amounts present (even some missing), revenue is computed as before.
    func testMoneyMetricsWithSomeAmountsStillAnswer() throws {
        let (s, _) = try session(events: """
        customer_id,ts,event,amount
        a,2023-01-01 10:00:00,purchase,
        b,2023-01-02 10:00:00,purchase,5
        """)
        XCTAssertEqual(try s.query("cohort | metric revenue").scalar("revenue"), 5)
    }
}
