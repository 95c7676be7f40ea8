import XCTest
import SiklusTestSupport
@testable import SiklusStore

/// Files the loader must refuse or partly skip, with locations, and without touching the store.
final class BadInputTests: XCTestCase {
    /// A store with all three tables loaded, to check failed loads against.
    private func populatedStore(_ files: TestFiles) throws -> Store {
        var store = Store()
        try store.load(.customers, path: files.write("c.csv", "customer_id,signup_date,channel,country\nu1,2022-01-01,search,ID\nu2,2022-01-02,social,US\nu9,2022-01-03,email,SG\n"))
        try store.load(.events, path: files.write("e.csv", "customer_id,ts,event,amount,channel,page\nu1,2022-09-14 10:00:00,visit,,search,home\nu2,2022-09-14 11:00:00,purchase,9.5,social,cart\nu3,2022-09-15,visit,,,\n"))
        try store.load(.spend, path: files.write("s.csv", "date,channel,spend,impressions,clicks\n2022-01-01,search,1.5,100,3\n"))
        return store
    }

    /// Loads `text` as `table` into a populated store, expecting a `LoadError`, and checks the store did not change.
    private func failingLoad(_ table: TableKind, _ text: String? = nil, bytes: [UInt8]? = nil, path: String? = nil, options: LoadOptions = LoadOptions(),
                             file: StaticString = #filePath, line: UInt = #line) -> LoadError? {
        let files = TestFiles()
        guard var store = try? populatedStore(files) else { XCTFail("setup", file: file, line: line); return nil }
        let before = StoreSnapshot(store)
        let target = path ?? (bytes.map { files.write("bad.csv", bytes: $0) } ?? files.write("bad.csv", text ?? ""))
        let error = loadError({ try store.load(table, path: target, options: options) }, file: file, line: line)
        XCTAssertEqual(StoreSnapshot(store), before, "a failed load changed the store", file: file, line: line)
        // The dictionaries still answer as before, and the store still loads.
        XCTAssertEqual(store.customerIDs.code(of: "u9"), 2, file: file, line: line)
        XCTAssertEqual(store.strings.code(of: "search"), before.strings.firstIndex(of: "search").map(Int32.init), file: file, line: line)
        XCTAssertNoThrow(try store.load(.events, path: files.write("ok.csv", "customer_id,ts\nu9,2022-09-16\n")), file: file, line: line)
        XCTAssertEqual(store.events.rows(of: 2).count, 1, file: file, line: line)
        return error
    }

    func testMissingFile() {
        let error = failingLoad(.events, path: "/no/such/dir/events.csv")
        XCTAssertEqual(error?.path, "/no/such/dir/events.csv")
        XCTAssertEqual(error?.message, "cannot open file: no such file")
        XCTAssertEqual(error?.hint, "check the path; a relative path starts at the working directory, or in a script file at the script's folder")
        XCTAssertEqual(error?.description, "/no/such/dir/events.csv: error: cannot open file: no such file\n  help: check the path; a relative path starts at the working directory, or in a script file at the script's folder")
    }

    func testDirectoryIsNotAFile() {
        let files = TestFiles()
        let error = failingLoad(.events, path: files.directory.path)
        XCTAssertEqual(error?.message, "is a directory, not a file")
    }

    func testEmptyFiles() {
        for (name, bytes) in [("zero bytes", [UInt8]()), ("newlines", Array("\n\r\n\n".utf8)), ("spaces", Array("   \n  ".utf8)), ("BOM only", [0xEF, 0xBB, 0xBF])] {
            for table in TableKind.allCases {
                let error = failingLoad(table, bytes: bytes)
                XCTAssertEqual(error?.message, "the file is empty", "\(name) \(table)")
                XCTAssertEqual(error?.line, nil, "\(name) \(table)")
                XCTAssertEqual(error?.hint?.contains("header row"), true, "\(name) \(table)")
            }
        }
    }

    func testHeaderOnlyFilesLoadNoRowsWithANote() throws {
        let headers: [(TableKind, String)] = [(.events, "customer_id,ts,event,amount,channel,page"),
                                              (.customers, "customer_id,signup_date,channel,country"),
                                              (.spend, "date,channel,spend,impressions,clicks")]
        for (table, header) in headers {
            for ending in ["", "\n", "\r\n", "\n\n"] {
                for path in LoadPath.allCases {
                    let files = TestFiles()
                    var store = try populatedStore(files)
                    let before = StoreSnapshot(store)
                    let report: LoadReport
                    do {
                        report = try store.load(table, path: files.write("h.csv", header + ending), options: path.options())
                    } catch {
                        XCTFail("[\(path)] \(table) \(ending.debugDescription): \(error)")
                        continue
                    }
                    XCTAssertEqual(report.rowsLoaded, 0, "\(table)")
                    XCTAssertEqual(report.skipped, [], "\(table)")
                    XCTAssertEqual(report.distinctCustomers, 0, "\(table)")
                    XCTAssertNil(report.timeSpan, "\(table)")
                    XCTAssertTrue(report.notes.map(\.description).contains("the file has a header but no data rows"), "\(table): \(report.notes)")
                    XCTAssertEqual(store.events.count, before.eventTs.count, "\(table)")
                    XCTAssertEqual(store.spend.count, 1, "\(table)")
                    XCTAssertEqual(store.customers.rowCount, 3, "\(table)")
                    XCTAssertEqual(store.customerIDs.count, before.customerIDs.count, "\(table)")
                    XCTAssertEqual(store.events.offsets, before.offsets, "\(table)")
                    XCTAssertEqual(store.loads.count, 4, "\(table)")
                }
            }
        }
        // Into a fresh store too.
        let (store, report) = try loadFresh(.events, "customer_id,ts\n")
        XCTAssertEqual(report.rowsLoaded, 0)
        XCTAssertEqual(store.events.offsets, [0])
        XCTAssertEqual(report.render(includeTiming: false), """
        loaded events from file.csv: 0 rows, 0 customers
          delimiter: comma
          column customer_id  string    role customer
          column ts           datetime  role ts
          note: no event column: this is a transaction log, so every row is a purchase
          note: the file has a header but no data rows
        """)
    }

    func testFewRaggedRowsAreSkippedWithLines() {
        var text = eventsHeader + fillerRows(250)  // lines 2…251
        text += "u1,2022-09-14,visit\n"  // line 252: short
        text += fillerRows(30, prefix: "g")  // lines 253…282
        text += "u2,2022-09-14,visit,1,extra\n"  // line 283: long
        forEachPath { path in
            let (store, report) = try loadFresh(.events, text, options: path.options())
            XCTAssertEqual(report.rowsLoaded, 280, "[\(path)]")
            XCTAssertEqual(report.skipped, [.init(reason: .fieldCount(expected: 4, found: 3), count: 1, firstLines: [252]),
                                            .init(reason: .fieldCount(expected: 4, found: 5), count: 1, firstLines: [283])], "[\(path)]")
            XCTAssertEqual(store.events.count, 280, "[\(path)]")
        }
    }

    func testSkippedRowsAddNoCustomersOrStrings() {
        var text = eventsHeader + fillerRows(300)
        text += "ghost1,2022-09-14,ghost_event1\n"  // ragged
        text += "ghost2,2022-09-14,ghost_event2,abc\n"  // bad amount
        text += "ghost3,,ghost_event3,1\n"  // no ts
        text += ",2022-09-14,ghost_event4,1\n"  // no customer
        forEachPath { path in
            let (store, report) = try loadFresh(.events, text, options: path.options())
            XCTAssertEqual(report.rowsSkipped, 4, "[\(path)]")
            XCTAssertEqual(store.customerIDs.count, 50, "[\(path)] \(store.customerIDs.strings.suffix(3))")
            XCTAssertEqual(report.distinctCustomers, 50, "[\(path)]")
            XCTAssertEqual(store.events.offsets.count, 51, "[\(path)]")
            XCTAssertEqual(store.strings.strings.filter { $0.hasPrefix("ghost") }, [], "[\(path)]")
        }
    }

    func testManyRaggedRowsFailTheLoad() {
        var text = eventsHeader + fillerRows(20)
        text += "u1,2022-09-14\n"  // line 22
        text += fillerRows(5) + "u2,2022-09-14\n"
        let error = failingLoad(.events, text)
        XCTAssertEqual(error?.line, 22)
        XCTAssertEqual(error?.column, 1)
        XCTAssertEqual(error?.message, "expected 4 fields, found 2")
        XCTAssertEqual(error?.hint, "2 of 27 rows are bad (more than 1%, so nothing was loaded); fix the file, or map the columns differently")
        XCTAssertEqual(error?.description.hasSuffix("bad.csv:22:1: error: expected 4 fields, found 2\n  help: 2 of 27 rows are bad (more than 1%, so nothing was loaded); fix the file, or map the columns differently"), true)
        // The same on the parallel path, with the first bad row in the second chunk.
        var late = eventsHeader + fillerRows(200)
        let firstBad = late.utf8.count
        late += "u1,2022-09-14\nu2,2022-09-14\nu3,2022-09-14,visit,1,2\n"  // lines 202…204
        XCTAssertNotNil(loadError { _ = try loadFresh(.events, late, options: LoadPath.single.options()) })
        assertSplit(in: dataStart(of: late)..<firstBad, of: late, dataStart: dataStart(of: late))
        let parallel = failingLoad(.events, late, options: LoadPath.parallel.options())
        XCTAssertEqual(parallel?.line, 202)
        XCTAssertEqual(parallel?.column, 1)
    }

    func testExactlyOnePercentBadIsStillLoaded() throws {
        let text = eventsHeader + fillerRows(99) + "u1,2022-09-14\n"
        let (store, report) = try loadFresh(.events, text)
        XCTAssertEqual(store.events.count, 99)
        XCTAssertEqual(report.rowsSkipped, 1)
        XCTAssertNotNil(loadError { _ = try loadFresh(.events, eventsHeader + fillerRows(98) + "u1,2022-09-14\n") })
    }

    func testBadValueInTypedColumn() {
        // Few: skipped with the reason and line.
        var text = eventsHeader + fillerRows(150)
        text += "u1,2022-09-14,visit,abc\n"  // line 152
        forEachPath { path in
            let (store, report) = try loadFresh(.events, text, options: path.options())
            XCTAssertEqual(report.skipped, [.init(reason: .unexpected(column: "amount", expected: .number), count: 1, firstLines: [152])], "[\(path)]")
            XCTAssertEqual(store.events.count, 150, "[\(path)]")
        }
        // Many: the load fails at the line and column of the first bad value.
        let many = eventsHeader + "u1,2022-09-14,visit,1\nu2,2022-09-14 10:00:00,visit,abc\nu3,2022-09-14,visit,2\n"
        for path in LoadPath.allCases {
            let error = failingLoad(.events, many, options: path.options())
            XCTAssertEqual(error?.line, 3, "[\(path)]")
            XCTAssertEqual(error?.column, 30, "[\(path)]")
            XCTAssertEqual(error?.message, "amount: expected a number", "[\(path)]")
        }
        // In a quoted field, the column is that of the opening quote.
        let quoted = eventsHeader + "u1,2022-09-14,visit,1\nu2,2022-09-14,\"visit\",\"1,5\"\n"
        XCTAssertEqual(failingLoad(.events, quoted)?.column, 23)
    }

    func testBadValueAfterAMultiLineFieldIsLocatedAtTheValue() {
        let text = "customer_id,ts,note,amount\nu1,2022-09-14,ok,1\nu2,2022-09-14,\"two\nlines\",abc\nu3,2022-09-14,x,2\n"
        let error = failingLoad(.events, text)
        XCTAssertEqual(error?.line, 4)
        XCTAssertEqual(error?.column, 8)
        let quote = failingLoad(.events, "customer_id,ts,note\nu1,2022-09-14,\"two\nlines\"x\n")
        XCTAssertEqual(quote?.message, "text after a closing quote")
        XCTAssertEqual(quote?.line, 3)
        XCTAssertEqual(quote?.column, 7)
    }

    func testBadValueLineAndColumnInTheSecondChunk() {
        var text = eventsHeader + fillerRows(300)
        let firstBad = text.utf8.count + 22
        text += "u1,2022-09-14,visit,1\nu1,2022-09-14,visit,x1\nu1,2022-09-14,visit,x2\nu1,2022-09-14,visit,x3\nu1,2022-09-14,visit,x4\n"  // bad from 303
        assertSplit(in: dataStart(of: text)..<firstBad, of: text, dataStart: dataStart(of: text))
        for path in LoadPath.allCases {
            let error = failingLoad(.events, text, options: path.options())
            XCTAssertEqual(error?.line, 303, "[\(path)]")
            XCTAssertEqual(error?.column, 21, "[\(path)]")
            XCTAssertEqual(error?.hint?.hasPrefix("4 of 305 rows are bad"), true, "[\(path)] \(error?.hint ?? "")")
        }
    }

    func testUnterminatedQuote() {
        let text = eventsHeader + "u1,2022-09-14,visit,1\nu2,2022-09-14,\"visit,2\nu3,2022-09-14,visit,3\n"
        for path in LoadPath.allCases {
            let error = failingLoad(.events, text, options: path.options())
            XCTAssertEqual(error?.line, 3, "[\(path)]")
            XCTAssertEqual(error?.column, 15, "[\(path)]")
            XCTAssertEqual(error?.message, "unterminated quoted field: the quote opened here never closes", "[\(path)]")
            XCTAssertEqual(error?.hint, "close the quote, or double a quote inside a quoted field (\"\")", "[\(path)]")
        }
    }

    func testUnterminatedQuoteInTheFirstRecord() {
        // The sniffer cannot read past it; the error must still be about the quote.
        let text = eventsHeader + "u1,2022-09-14,\"visit,1\nu3,2022-09-14,visit,3\n"
        let error = failingLoad(.events, text)
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.column, 15)
        XCTAssertEqual(error?.message, "unterminated quoted field: the quote opened here never closes")
    }

    func testUnterminatedQuoteInTheSecondChunk() {
        var text = eventsHeader + fillerRows(300)
        let quoteLine = 302
        text += "u1,2022-09-14,visit,1\n"
        let quoteOffset = text.utf8.count + 14
        text += "u2,2022-09-14,\"visit,2\n" + fillerRows(3)
        assertSplit(in: dataStart(of: text)..<quoteOffset, of: text, dataStart: dataStart(of: text))
        for path in LoadPath.allCases {
            let error = failingLoad(.events, text, options: path.options())
            XCTAssertEqual(error?.line, quoteLine + 1, "[\(path)]")
            XCTAssertEqual(error?.column, 15, "[\(path)]")
            XCTAssertEqual(error?.message, "unterminated quoted field: the quote opened here never closes", "[\(path)]")
        }
    }

    func testUnterminatedQuoteAfterAMultiLineField() {
        // The record starts on line 3; the quote that never closes opens on line 4, column 8.
        let text = "customer_id,ts,note,event\nu1,2022-09-14,ok,visit\nu2,2022-09-14,\"two\nlines\",\"visit\nu3,2022-09-14,x,visit\n"
        for path in LoadPath.allCases {
            let error = failingLoad(.events, text, options: path.options())
            XCTAssertEqual(error?.line, 4, "[\(path)]")
            XCTAssertEqual(error?.column, 8, "[\(path)]")
        }
        // The same in the second chunk of a parallel load.
        var late = "customer_id,ts,note,event\n" + String(repeating: "u1,2022-09-14,ok,visit\n", count: 300)  // lines 2…301
        let record = late.utf8.count
        late += "u2,2022-09-14,\"two\nlines\",\"visit\nu3,2022-09-14,x,visit\n"
        assertSplit(in: dataStart(of: late)..<record, of: late, dataStart: dataStart(of: late))
        for path in LoadPath.allCases {
            let error = failingLoad(.events, late, options: path.options())
            XCTAssertEqual(error?.line, 303, "[\(path)]")
            XCTAssertEqual(error?.column, 8, "[\(path)]")
        }
    }

    func testUnterminatedQuoteInTheHeader() {
        let error = failingLoad(.events, "customer_id,\"ts,event\nu1,2022-09-14,visit\n")
        XCTAssertEqual(error?.line, 1)
        XCTAssertEqual(error?.column, 13)
        XCTAssertEqual(error?.message, "unterminated quoted field in the header")
    }

    func testTextAfterAClosingQuote() {
        var text = eventsHeader + fillerRows(150)
        text += "u1,2022-09-14,\"visit\"x,1\n"  // line 152
        forEachPath { path in
            let (_, report) = try loadFresh(.events, text, options: path.options())
            XCTAssertEqual(report.skipped, [.init(reason: .textAfterQuote, count: 1, firstLines: [152])], "[\(path)]")
        }
        XCTAssertEqual(failingLoad(.events, eventsHeader + "u1,2022-09-14,\"visit\"x,1\n")?.column, 22)
        XCTAssertEqual(failingLoad(.events, "customer_id,\"ts\"x\nu1,2022-09-14\n")?.message, "text after a closing quote in the header")
    }

    func testBinaryGarbage() {
        var rng = SplitMix64(seed: 7)
        for size in [1, 10, 1000, 70_000] {
            var bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &rng) }
            bytes[size / 2] = 0
            for table in TableKind.allCases {
                let error = failingLoad(table, bytes: bytes)
                XCTAssertEqual(error?.message.contains("binary"), true, "\(size) \(table): \(error?.message ?? "")")
                XCTAssertEqual(error?.hint?.contains("UTF-8 text"), true, "\(size) \(table)")
            }
        }
        // Control bytes without a NUL.
        let controls = (0..<2000).map { UInt8($0 % 31 + 1) }
        XCTAssertEqual(failingLoad(.events, bytes: controls)?.message.contains("binary"), true)
        // A NUL after a valid header is located.
        let located = failingLoad(.events, bytes: Array("customer_id,ts\nu1,2022-09-14\nu2,20".utf8) + [0] + Array("22\n".utf8))
        XCTAssertEqual(located?.line, 3)
        XCTAssertEqual(located?.column, 6)
    }

    func testRandomBytesNeverCrash() {
        // Printable junk with quotes, delimiters and line breaks: any outcome but a crash is fine.
        var rng = SplitMix64(seed: 99)
        let alphabet = Array("ab,;|\t\"\n\r 0123456789-:.".utf8)
        for _ in 0..<200 {
            let body = (0..<Int.random(in: 0...300, using: &rng)).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }
            let bytes = Array("customer_id,ts,event\n".utf8) + body
            for path in LoadPath.allCases {
                let files = TestFiles()
                var store = Store()
                let before = StoreSnapshot(store)
                do {
                    try store.load(.events, path: files.write("r.csv", bytes: bytes), options: path.options())
                    XCTAssertEqual(store.events.offsets.count, store.customerIDs.count + 1)
                } catch is LoadError {
                    XCTAssertEqual(StoreSnapshot(store), before)
                } catch {
                    XCTFail("unexpected error \(error)")
                }
            }
        }
    }

    func testFailedLoadsOfEveryKindLeaveTheStoreUnchanged() {
        let cases: [(TableKind, String)] = [
            (.events, "customer_id,ts,event\n" + "u1,2022-09-14\n"),
            (.events, "customer_id,ts,page\nu7,2022-09-14,1\n"),  // page is text in the store, int here
            (.events, "customer_id,event\nu7,visit\n"),
            (.customers, "customer_id,channel\nu7,search,extra\n"),
            (.customers, "customer_id,signup_date\nu7,14/09/2022\n"),
            (.spend, "date,channel,spend\n2022-01-01,search,1,2\n"),
            (.spend, "date,channel,spend\n2022-01-01,search,\"1\n"),
        ]
        for (table, text) in cases {
            XCTAssertNotNil(failingLoad(table, text), "\(table): \(text)")
        }
    }
}

/// A dropped row's new customer id is removed from the dictionary; the parser's "same as the previous
/// row" shortcut must not hand that removed code to the next row with the same id.
final class DroppedRowCacheTests: XCTestCase {
    func testIdOfADroppedRowIsNotReusedThroughThePreviousRowShortcut() throws {
        var lines = ["customer_id,ts,event,amount"]
        for i in 0..<200 { lines.append("good\(i),2022-01-01 00:00:00,purchase,1.5") }
        lines.append("b,2022-01-02 00:00:00,purchase,abc")  // bad amount: dropped after `b` was seen
        lines.append("b,2022-01-03 00:00:00,visit,")        // same id as the dropped row, next row
        lines.append("c,2022-01-04 00:00:00,visit,")        // a new id that would take the freed code
        let files = TestFiles()
        let path = files.write("events.csv", lines.joined(separator: "\n") + "\n")
        var store = Store()
        try store.load(.events, path: path, options: LoadOptions(singleThreaded: true))
        let ids = store.eventCustomerIDs
        XCTAssertEqual(ids.filter { $0 == "b" }.count, 1)
        XCTAssertEqual(ids.filter { $0 == "c" }.count, 1)
        XCTAssertEqual(Set(ids).count, 202, "every kept row's customer is distinct and correctly named")
    }
}
