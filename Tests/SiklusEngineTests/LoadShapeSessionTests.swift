import Foundation
import XCTest
@testable import SiklusEngine
import SiklusStore
import SiklusTestSupport

/// The `load` options for how analysts' files come (gzip, no header, float-typed ids) reach the loader
/// through the session's statements.
final class LoadShapeSessionTests: XCTestCase {
    private let files = TestFiles()

    private func gzip(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-n", "-k", path]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return path + ".gz"
    }

    func testHeaderlessGzippedCDNOWLog() throws {
        // CDNOW's transaction log, gzipped: no header, space-aligned, ids with leading zeros, YYYYMMDD dates.
        let path = try gzip(files.write("CDNOW_master.txt", "   00001  19970101  1  11.77\n   00002  19970112  1  12.00\n   00002  19970112  5  77.00\n   00003  19970102  2  20.76\n"))
        let session = Session()
        let table = try session.query(#"load events "\#(path)" header=false columns=(customer_id, date, cds, amount); events | metric customers, revenue"#)
        XCTAssertEqual(table.numbers("customers"), [3])
        XCTAssertEqual((table.numbers("revenue").first ?? nil) ?? 0, 121.53, accuracy: 1e-9)
        XCTAssertNotNil(session.store.customerIDs.code(of: "00001"))
    }

    func testIdsIntegerOption() throws {
        let path = files.write("retail.csv", "CustomerID,InvoiceDate,amount\n17850.0,2010-12-01,1\n17850,2010-12-02,2\n13047.0,2010-12-01,3\n")
        let plain = Session()
        XCTAssertEqual(try plain.query(#"load events "\#(path)"; events | metric customers"#).numbers("customers"), [3])
        let integer = Session()
        XCTAssertEqual(try integer.query(#"load events "\#(path)" ids=integer; events | metric customers"#).numbers("customers"), [2])
        XCTAssertNotNil(integer.store.customerIDs.code(of: "17850"))
        XCTAssertNil(integer.store.customerIDs.code(of: "17850.0"))
    }
}
