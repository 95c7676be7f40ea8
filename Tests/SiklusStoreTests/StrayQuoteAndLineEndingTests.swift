import SiklusTestSupport
import XCTest
@testable import SiklusStore

/// Structure that would silently swallow rows: a stray opening quote, line endings switching to CR alone.
final class StrayQuoteAndLineEndingTests: XCTestCase {
    private let header = "customer_id,ts,event,note\n"

    private func rows(_ count: Int, from first: Int = 0, end: String = "\n") -> String {
        (first..<first + count).map { "u\($0),2022-09-14 10:00:00,visit,n\($0)\(end)" }.joined()
    }

    /// A stray quote closed 1,500 lines later by another stray one: before, one row with a huge note.
    func testQuotedFieldOverAThousandLinesIsAnError() throws {
        let text = header + rows(100) + "u1,2022-09-14,visit,\"oops\n" + rows(1500, from: 100) + "u2,2022-09-14,visit,x\"\n" + rows(100, from: 2000)
        let files = TestFiles()
        let path = files.write("e.csv", text)
        for load in LoadPath.allCases {
            var store = Store()
            let error = loadError { try store.load(.events, path: path, options: load.options()) }
            XCTAssertEqual(error?.line, 102, load.rawValue)
            XCTAssertEqual(error?.column, 21, load.rawValue)
            XCTAssertEqual(error?.message.hasPrefix("a quoted field opening here runs over 1502 lines"), true, "\(load): \(error?.message ?? "")")
            XCTAssertEqual(error?.hint?.hasPrefix("a stray quote?"), true, load.rawValue)
        }
    }

    /// A stray quote swallowing a few rows: the row and the swallowed rows are reported, with the line.
    func testQuotedFieldSwallowingRowsIsReported() throws {
        let text = header + rows(1000) + "u1,2022-09-14,visit,\"oops\n" + rows(5, from: 1000) + "u2,2022-09-14,visit,x\"\n" + rows(100, from: 2000)
        let files = TestFiles()
        for load in LoadPath.allCases {
            var store = Store()
            let report = try store.load(.events, path: files.write("e.csv", text), options: load.options())
            XCTAssertEqual(report.rowsLoaded, 1100, load.rawValue)
            XCTAssertEqual(report.skipped.map(\.reason.description), ["a quoted field opening here swallows following lines that look like rows (a stray quote?)"], load.rawValue)
            XCTAssertEqual(report.skipped.map(\.count), [6], load.rawValue)
            XCTAssertEqual(report.skipped.map(\.firstLines), [[1002]], load.rawValue)
        }
    }

    /// A stray quote in a number column skips the rows it swallows but does not turn the column into text.
    func testStrayQuoteInANumberColumnKeepsItsType() throws {
        let numbers = { (range: Range<Int>) in range.map { "u\($0),2022-09-14 10:00:00,visit,\($0)\n" }.joined() }
        // Past the sampled head and tail, so the plan judges qty an integer column.
        let text = "customer_id,ts,event,qty\n" + numbers(0..<20_000) + "u1,2022-09-14,visit,\"5\n" + numbers(20_000..<20_003)
            + "u2,2022-09-14,visit,7\"\n" + numbers(30_000..<50_000)
        XCTAssertGreaterThan(text.utf8.count, 2 * CSVSniffer.sampleBytes)
        let (_, report) = try loadFresh(.events, text)
        XCTAssertEqual(report.columns.map(\.type).last, .int)
        XCTAssertEqual(report.passes, 1)
        XCTAssertEqual(report.skipped.map(\.count), [4])
    }

    /// Multi-line values whose inner lines do not look like rows still load.
    func testMultiLineValuesStillLoad() throws {
        let text = header + rows(10) + "u1,2022-09-14,visit,\"Jalan Sudirman 1\nJakarta\nIndonesia\"\n" + rows(10, from: 10)
        let (store, report) = try loadFresh(.events, text)
        XCTAssertEqual(report.rowsLoaded, 21)
        XCTAssertEqual(report.skipped, [])
        XCTAssertEqual(store.eventExtraText("note")?.contains("Jalan Sudirman 1\nJakarta\nIndonesia"), true)
    }

    /// `\n` line endings, then `\r` alone from line 102 on: before, 200 rows became one skipped row.
    func testLineEndingsSwitchingToCarriageReturnsAreAnError() {
        let text = header + rows(100) + rows(200, from: 100, end: "\r")
        let files = TestFiles()
        let path = files.write("e.csv", text)
        for load in LoadPath.allCases {
            var store = Store()
            let error = loadError { try store.load(.events, path: path, options: load.options()) }
            XCTAssertEqual(error?.line, 102, load.rawValue)
            XCTAssertEqual(error?.column, "u100,2022-09-14 10:00:00,visit,n100".utf8.count + 1, load.rawValue)
            XCTAssertEqual(error?.message, "from this line on, lines end in a carriage return alone (an old Mac format), which the loader does not read", load.rawValue)
            XCTAssertEqual(error?.hint?.hasPrefix("convert the line breaks first, e.g. tr '\\r' '\\n' < e.csv > fixed.csv"), true, load.rawValue)
        }
    }
}
