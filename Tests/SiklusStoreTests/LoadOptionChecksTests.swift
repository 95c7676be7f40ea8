import SiklusTestSupport
import XCTest
@testable import SiklusStore

/// Load options that cannot work are refused before the file is read, and hints stay short.
final class LoadOptionChecksTests: XCTestCase {
    func testDelimitersThatCannotSeparateFieldsAreRefused() throws {
        let files = TestFiles()
        let path = files.write("e.csv", "customer_id,ts\nu1,2022-09-14\n")
        for byte: UInt8 in [10, 13, 34, 0, 0xC3] {
            var store = Store()
            let error = loadError { try store.load(.events, path: path, options: LoadOptions(delimiter: byte)) }
            XCTAssertEqual(error?.message.hasPrefix("cannot use byte 0x\(String(byte, radix: 16)) as the delimiter: "), true, error?.message ?? "")
            XCTAssertEqual(error?.hint, "give the character between fields, e.g. delim=\",\", delim=\";\" or delim=tab")
            XCTAssertEqual(store.events.count, 0)
        }
        var store = Store()
        XCTAssertEqual(try store.load(.events, path: path, options: LoadOptions(delimiter: UInt8(ascii: ","))).rowsLoaded, 1)
    }

    func testHeaderListsInHintsAreCut() {
        let header = ["customer_id", "ts"] + (1...60).map { "extra\($0)" }
        let text = header.joined(separator: ",") + "\n" + (["u1", "2022-09-14"] + (1...60).map(String.init)).joined(separator: ",") + "\n"
        let error = loadError { _ = try loadFresh(.events, text, options: LoadOptions(mapping: [.amount: "price"])) }
        XCTAssertEqual(error?.hint, "the header has: customer_id, ts, extra1, extra2, extra3, extra4, extra5, extra6, extra7, extra8 … and 52 more")
        let noTime = header.filter { $0 != "ts" }.joined(separator: ",") + "\n"
        let missing = loadError { _ = try loadFresh(.events, noTime) }
        XCTAssertEqual(missing?.hint, "the header has: customer_id, extra1, extra2, extra3, extra4, extra5, extra6, extra7, extra8, extra9 … and 51 more;"
                       + " name the column with: map ts=ColumnName")
    }
}
