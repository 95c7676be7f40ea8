import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage

/// `derive name = <expression>` (issue 11, item 6): a computed numeric event column usable in `where`, `by`
/// and `rows`; `derive amount = …` sets the pipeline's amount, so money metrics use it.
final class DeriveStepTests: XCTestCase {
    /// A line-item export shaped like UCI Online Retail (one row per item: InvoiceNo, StockCode, Quantity,
    /// InvoiceDate, UnitPrice, CustomerID, Country) with an event column added, and no amount column.
    /// The last row has no unit price. Prices are exact in binary, so sums compare exactly.
    private func session() throws -> Session {
        let dir = try TestPaths.temporaryDirectory("derive-step")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("retail.csv")
        try """
            InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID,Country,event
            536365,85123A,6,2010-12-01 08:26:00,2.5,17850,United Kingdom,purchase
            536365,71053,4,2010-12-01 08:26:00,0.25,17850,United Kingdom,purchase
            536366,22633,2,2010-12-01 08:28:00,1.5,17850,United Kingdom,purchase
            536367,84879,0,2010-12-01 08:34:00,3,13047,United Kingdom,view
            536368,22960,3,2010-12-02 09:00:00,4.75,13047,United Kingdom,purchase
            536369,21756,1,2010-12-03 10:00:00,,12583,France,purchase
            """.write(to: url, atomically: true, encoding: .utf8)
        let session = Session()
        _ = try session.load(.events, path: url.path)
        return session
    }

    func testArithmeticNullsAndDivisionByZero() throws {
        let s = try session()
        let table = try s.query("events | derive x = (Quantity + 1) * UnitPrice / 2 - -1 | rows")
        let expected: [Double?] = [9.75, 1.625, 3.25, 2.5, 10.5, nil]   // (q + 1) * p / 2 + 1
        XCTAssertEqual(table.numbers("x"), expected)
        let ratio = try s.query("events | derive r = UnitPrice / Quantity | rows")
        // 0 items: division by zero is null, never infinity; a missing price is null.
        let ratios: [Double?] = [2.5 / 6.0, 0.25 / 4.0, 1.5 / 2.0, nil, 4.75 / 3.0, nil]
        XCTAssertEqual(ratio.numbers("r"), ratios)
        let constant = try s.query("events | derive one = 2 * (3 + 4) / 7 | rows 1")
        XCTAssertEqual(constant.numbers("one"), [2])
    }

    func testDerivedAmountSetsRevenueExactly() throws {
        let s = try session()
        let expected: Double = 15 + 1 + 3 + 14.25   // 6 × 2.5 + 4 × 0.25 + 2 × 1.5 + 3 × 4.75: purchases with a price
        let derived = try s.query("events | derive amount = Quantity * UnitPrice | metric revenue")
        XCTAssertEqual(derived.scalar("revenue"), expected)
        let doubled = try s.query("events | derive amount = Quantity * UnitPrice * 2 | metric revenue, avg_order")
        XCTAssertEqual(doubled.scalar("revenue"), 2 * expected)
        // The derived amount lasts for the pipeline only: the loaded data are unchanged.
        let plain = try s.query("events | derive amount = Quantity * UnitPrice * 2 | rows 1")
        XCTAssertEqual(plain.numbers("amount"), [30])
        let after = try s.query("events | rows 1")
        XCTAssertNil(after.column("amount"), "no amount was loaded, and derive must not have added one")
    }

    func testDerivedColumnWorksInWhereByAndRows() throws {
        let s = try session()
        let big = try s.query("events | derive line = Quantity * UnitPrice | where line >= 14 | rows")
        XCTAssertEqual(big.texts("StockCode"), ["85123A", "22960"])
        let grouped = try s.query("events | derive line = Quantity * UnitPrice | by line | metric events")
        XCTAssertEqual(grouped.rowCount, 6, "five distinct values and the null")
        let chained = try s.query("events | derive line = Quantity * UnitPrice | derive half = line / 2 | where half > 7.2 | rows")
        XCTAssertEqual(chained.numbers("half"), [7.5])
        let viaVariable = try s.query("let lines = events | derive line = Quantity * UnitPrice\nlines | where line < 2 | rows")
        XCTAssertEqual(viaVariable.numbers("line"), [1, 0])
    }

    /// A numeric customers column is read for each row's customer.
    func testCustomerColumnsAreReadPerRow() throws {
        let s = try session()
        let dir = try TestPaths.temporaryDirectory("derive-customers")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("c.csv")
        try "CustomerID,discount\n17850,0.5\n13047,0\n".write(to: url, atomically: true, encoding: .utf8)
        _ = try s.load(.customers, path: url.path)
        let table = try s.query("events | derive net = Quantity * UnitPrice * (1 - discount) | rows")
        let expected: [Double?] = [7.5, 0.5, 1.5, 0, 14.25, nil]   // 12583 has no discount: null
        XCTAssertEqual(table.numbers("net"), expected)
    }

    func testLocatedErrors() throws {
        let s = try session()
        let text = "events | derive amount = Quantty * UnitPrice | metric revenue"
        let unknown = try XCTUnwrap(s.failure(text))
        XCTAssertEqual(unknown.message, "unknown column `Quantty`")
        XCTAssertEqual(unknown.hints, ["did you mean `Quantity`?"])
        XCTAssertEqual(unknown.span.map { SourceFile(name: "t", text: text)[$0] }, "Quantty")

        let textColumn = "events | derive x = Country * 2 | rows"
        let notNumber = try XCTUnwrap(s.failure(textColumn))
        XCTAssertEqual(notNumber.message, "`Country` is not a number; derive computes with numeric columns")
        XCTAssertEqual(notNumber.span.map { SourceFile(name: "t", text: textColumn)[$0] }, "Country")
        XCTAssertTrue(notNumber.hints.first?.contains("Quantity") ?? false, "\(notNumber.hints)")

        XCTAssertEqual(s.failure("events | derive Quantity = UnitPrice | rows")?.message,
                       "there is already a column `Quantity`; choose another name for the derived column")
        XCTAssertEqual(s.failure("events | derive month = Quantity | rows")?.message,
                       "`month` already means something in a pipeline; choose another name for the derived column")
        XCTAssertEqual(s.failure("events | metric events | derive x = Quantity")?.message, "`derive` must come before `metric`")
    }

    func testRightNestedExpressionsAreBounded() throws {
        let s = try session()
        let nested = (0..<20).reduce("Quantity") { inner, _ in "Quantity * (\(inner))" }
        XCTAssertEqual(s.failure("events | derive x = \(nested) | rows")?.message,
                       "the expression nests too many parenthesized parts on the right of an operator")
        let long = (0..<500).map { _ in "Quantity" }.joined(separator: " + ")
        XCTAssertEqual(try s.query("events | derive x = \(long) | rows 1").numbers("x"), [3000])
    }
}
