#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SiklusTestSupport
import XCTest
@testable import SiklusStore

/// NUL bytes anywhere, UTF-16 text, sparse tails and values too long to be ids: refused or counted,
/// never loaded into values or dictionaries.
final class BinaryDataTests: XCTestCase {
    private func rows(_ count: Int, from first: Int = 0) -> String {
        (first..<first + count).map { "u\($0 % 1000),2022-09-\(10 + $0 % 9) 10:00:00,visit\n" }.joined()
    }

    func testUTF16IsNamedWithTheIconvCommand() {
        let text = "customer_id,ts\nu1,2022-09-14\n"
        let little = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let cases: [(String, [UInt8])] = [("LE with BOM", [0xFF, 0xFE] + little), ("BE with BOM", [0xFE, 0xFF] + big), ("LE, no BOM", little), ("BE, no BOM", big)]
        for (name, bytes) in cases {
            let files = TestFiles()
            var store = Store()
            let error = loadError { try store.load(.events, path: files.write("u16.csv", bytes: bytes)) }
            XCTAssertEqual(error?.message.hasPrefix("this file is UTF-16 text"), true, "\(name): \(error?.message ?? "")")
            XCTAssertEqual(error?.hint, "convert it first: iconv -f UTF-16 -t UTF-8 u16.csv > u16-utf8.csv", name)
        }
    }

    /// A NUL past the sniffer's head and tail windows is found by the parser, with its line and offset.
    func testNULInTheMiddleIsAnError() {
        let head = "customer_id,ts,event\n" + rows(8000)
        let text = head + "u1,2022-09-14 10:00:00,vi" + "\0" + "sit\n" + rows(8000, from: 8000)
        XCTAssertGreaterThan(head.utf8.count, CSVSniffer.checkedBytes)
        XCTAssertGreaterThan(text.utf8.count - head.utf8.count, CSVSniffer.checkedBytes)
        let files = TestFiles()
        let path = files.write("e.csv", text)
        for load in LoadPath.allCases {
            var store = Store()
            let error = loadError { try store.load(.events, path: path, options: load.options()) }
            XCTAssertEqual(error?.message, "a NUL byte at byte offset \(head.utf8.count + 25): this is binary data, not CSV text", load.rawValue)
            XCTAssertEqual(error?.line, 8002, load.rawValue)
            XCTAssertEqual(error?.column, 26, load.rawValue)
            XCTAssertEqual(error?.hint?.contains("(head -c \(head.utf8.count + 25) e.csv > fixed.csv)"), true, error?.hint ?? "")
            XCTAssertEqual(store.loads.count, 0)
        }
    }

    /// 2,000 rows, then `truncate -s 2G`: refused at the end of the rows before any column is allocated.
    func testSparseTailIsRefusedBeforeParsing() throws {
        let files = TestFiles()
        let text = "customer_id,ts,event\n" + rows(2000)
        let path = files.write("e.csv", text)
        XCTAssertEqual(truncate(path, 2 << 30), 0)
        var store = Store()
        CSVLoader.beforeParsing = { _ in XCTFail("planned and parsed a file of zeros") }
        defer { CSVLoader.beforeParsing = nil }
        let error = loadError { try store.load(.events, path: path) }
        XCTAssertEqual(error?.message, "a NUL byte at byte offset \(text.utf8.count): this is binary data, not CSV text")
        XCTAssertEqual(error?.line, 2002)
    }

    /// A field longer than any id (here 5,000 bytes) is a bad row, not a dictionary entry.
    func testOverlongIdsAndTextAreBadRows() throws {
        let files = TestFiles()
        let long = String(repeating: "x", count: 5000)
        let text = "customer_id,ts,event\n" + rows(300) + "\(long),2022-09-14,visit\nu1,2022-09-14,\(long)\n" + rows(300, from: 300)
        for load in LoadPath.allCases {
            var store = Store()
            let report = try store.load(.events, path: files.write("e.csv", text), options: load.options())
            XCTAssertEqual(report.rowsLoaded, 600)
            XCTAssertEqual(report.skipped.map(\.reason.description), ["customer_id: a value longer than 4096 bytes (a stray quote, or binary data?)",
                                                          "event: a value longer than 4096 bytes (a stray quote, or binary data?)"])
            XCTAssertEqual(report.skipped.map(\.firstLines), [[302], [303]])
            XCTAssertNil(store.customerIDs.code(of: long))
            XCTAssertNil(store.strings.code(of: long))
        }
    }
}
