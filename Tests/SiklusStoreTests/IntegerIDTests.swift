import SiklusTestSupport
import XCTest
@testable import SiklusStore

/// `ids=integer`: ids exported through a float column (`17850.0`, the UCI Online Retail file after pandas)
/// are read as integers, so they match the customers file's `17850`.
final class IntegerIDTests: XCTestCase {
    func testWholeNumberPrefix() {
        let cases: [(String, String)] = [
            ("17850.0", "17850"), ("17850.000", "17850"), ("00017.0", "00017"), ("17850", "17850"),
            ("17850.5", "17850.5"), ("17850.05", "17850.05"), ("A17.0", "A17.0"), ("1e4", "1e4"), (".0", ".0"),
            ("17850.", "17850."), ("-3.0", "-3.0"), ("1.0.0", "1.0.0"), ("", ""),
        ]
        for (text, expected) in cases {
            let result = Array(text.utf8).withUnsafeBytes { String(decoding: FieldParsers.wholeNumberPrefix($0), as: UTF8.self) }
            XCTAssertEqual(result, expected, text)
        }
    }

    func testFloatLookingIdsAreRewrittenOnlyWithTheOption() {
        // Consecutive repeats exercise the previous-row cache, which keeps the id as written.
        let text = "CustomerID,InvoiceDate,amount\n17850.0,2010-12-01,1\n17850.0,2010-12-02,2\n17850,2010-12-03,3\n13047.00,2010-12-01,4\n"
            + "12.5,2010-12-01,5\nA17.0,2010-12-01,6\n17850.0,2010-12-04,7\n"
        forEachPath { path in
            var options = path.options()
            options.integerIDs = true
            let (store, report) = try loadFresh(.events, text, options: options)
            XCTAssertEqual(report.rowsLoaded, 7)
            // Rows are stored grouped by customer: compare the multiset.
            XCTAssertEqual(store.eventCustomerIDs.sorted(), ["12.5", "13047", "17850", "17850", "17850", "17850", "A17.0"], path.rawValue)
            XCTAssertEqual(report.distinctCustomers, 4)

            let (asWritten, _) = try loadFresh(.events, text, options: path.options())
            XCTAssertEqual(Set(asWritten.eventCustomerIDs), ["17850.0", "17850", "13047.00", "12.5", "A17.0"], path.rawValue)
        }
    }

    func testCustomersFileIdsMatchTheEventsAfterTheRewrite() throws {
        let files = TestFiles()
        var store = Store()
        _ = try store.load(.customers, path: files.write("c.csv", "CustomerID,Country\n17850,United Kingdom\n13047,France\n"))
        var options = LoadOptions()
        options.integerIDs = true
        _ = try store.load(.events, path: files.write("e.csv", "CustomerID,InvoiceDate,amount\n17850.0,2010-12-01,1\n13047.0,2010-12-01,2\n"), options: options)
        XCTAssertEqual(store.customerIDs.count, 2, "the rewritten ids are the customers' ids")
    }
}
