import XCTest
@testable import SiklusStore

/// The parallel path splits files at line breaks; these files put awkward bytes right at the split.
final class ParallelSplitTests: XCTestCase {
    /// Loads `text` on both paths and checks the stores are identical; returns the parallel one.
    @discardableResult
    private func loadBothAndCompare(_ text: String, _ label: String, file: StaticString = #filePath, line: UInt = #line) throws -> (Store, LoadReport) {
        let (single, singleReport) = try loadFresh(.events, text, options: LoadPath.single.options())
        let (parallel, parallelReport) = try loadFresh(.events, text, options: LoadPath.parallel.options())
        XCTAssertEqual(StoreSnapshot(single), StoreSnapshot(parallel), label, file: file, line: line)
        XCTAssertEqual(singleReport.render(includeTiming: false), parallelReport.render(includeTiming: false), label, file: file, line: line)
        return (parallel, parallelReport)
    }

    func testQuotedNewlinesAcrossTheSplit() throws {
        // The quoted note holds line breaks and a line that looks like a whole record; the padding moves
        // the split point across it byte by byte.
        let note = "\"first line\nu9,2022-01-01 00:00:00,phantom,\"\"x\"\"\n\nlast, line\""
        var splitInside = 0
        for padding in stride(from: 0, to: 240, by: 3) {
            var text = "customer_id,ts,event,note\n"
            text += "u0,2022-09-14 00:00:00,visit,\(String(repeating: "p", count: padding))\n"
            text += (0..<8).map { "u\($0 % 3),2022-09-14 0\($0):00:00,visit,n\($0)\n" }.joined()
            let open = text.utf8.count + "u1,2022-09-15 00:00:00,quoted,".utf8.count
            text += "u1,2022-09-15 00:00:00,quoted,\(note)\n"
            let close = text.utf8.count - 2
            text += (0..<8).map { "u\($0 % 3),2022-09-16 0\($0):00:00,visit,m\($0)\n" }.joined()
            if chunkStarts(of: Array(text.utf8), dataStart: dataStart(of: text)).contains(where: { (open + 1)...close ~= $0 }) { splitInside += 1 }

            let (store, report) = try loadBothAndCompare(text, "padding \(padding)")
            XCTAssertEqual(report.rowsLoaded, 18, "padding \(padding)")
            XCTAssertEqual(report.skipped, [], "padding \(padding)")
            XCTAssertNil(store.customerIDs.code(of: "u9"), "padding \(padding): a line inside quotes became a record")
            XCTAssertEqual(store.eventExtraText("note")?.filter { $0.hasPrefix("first line") },
                           ["first line\nu9,2022-01-01 00:00:00,phantom,\"x\"\n\nlast, line"], "padding \(padding)")
        }
        if Parallel.width > 1 { XCTAssertGreaterThan(splitInside, 5, "the padding should move the split into the quoted field") }
    }

    func testSplitAtBlankLinesCRLFAndBOM() throws {
        for padding in 0..<40 {
            var text = "\u{FEFF}customer_id,ts,event\r\n"
            text += "u0,2022-09-14,\(String(repeating: "v", count: padding + 1))\r\n"
            for i in 0..<6 { text += "u\(i % 2),2022-09-1\(i),visit\r\n\r\n" }
            text += "\r\n\n\nu5,2022-09-20,last\r\n"
            let (store, report) = try loadBothAndCompare(text, "padding \(padding)")
            XCTAssertEqual(report.rowsLoaded, 8, "padding \(padding)")
            XCTAssertEqual(store.eventNames.last, "last", "padding \(padding)")
            XCTAssertFalse(store.eventNames.contains { $0.contains("\r") }, "padding \(padding)")
        }
    }

    func testLineNumbersOfSkipsAroundTheSplit() throws {
        // Bad rows only in the second half: each is reported at its own line on both paths.
        var text = "customer_id,ts,event,amount\n"
        let bad = { (i: Int) in i >= 600 && i % 50 == 0 }
        for i in 0..<1000 { text += bad(i) ? "u\(i % 5),2022-09-14,visit,bad\(i)\n" : "u\(i % 5),2022-09-14,visit,\(i)\n" }
        assertSplit(in: dataStart(of: text)..<(text.utf8.count * 6 / 10), of: text, dataStart: dataStart(of: text))
        let (_, report) = try loadBothAndCompare(text, "bad rows in the second half")
        let expected = (0..<1000).filter(bad).map { $0 + 2 }
        XCTAssertEqual(report.skipped.first?.count, expected.count)
        XCTAssertEqual(report.skipped.first?.firstLines, Array(expected.prefix(5)))
    }

    func testChunkOfOnlySkippedRows() throws {
        // The second half has no loadable row: only empty ids.
        var text = "customer_id,ts,event\n"
        text += (0..<50).map { "u\($0),2022-09-14,visit\n" }.joined()
        text += (0..<50).map { _ in ",2022-09-14,visit\n" }.joined()
        let (store, report) = try loadBothAndCompare(text, "empty second half")
        XCTAssertEqual(store.events.count, 50)
        XCTAssertEqual(report.skipped.first?.count, 50)
        XCTAssertEqual(report.skipped.first?.firstLines, [52, 53, 54, 55, 56])
    }

    func testTinyFilesOnTheParallelPath() throws {
        for text in ["customer_id,ts\nu1,2022-09-14", "customer_id,ts\nu1,2022-09-14\n", "customer_id,ts\n\n", "customer_id,ts\nu1,2022-09-14\nu2,2022-09-15\n"] {
            try loadBothAndCompare(text, text.debugDescription)
        }
    }
}
