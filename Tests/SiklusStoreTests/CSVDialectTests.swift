import XCTest
@testable import SiklusStore

/// RFC 4180 quoting, line endings, BOM, header, blank lines and delimiters, on both load paths.
final class CSVDialectTests: XCTestCase {
    func testQuotedFieldsWithDelimitersDoubledQuotesAndNewlines() {
        let text = #"""
        customer_id,ts,event,note
        u1,2022-09-14 10:00:00,visit,"hello, world"
        u1,2022-09-14 11:00:00,visit,"she said ""hi"""
        u2,2022-09-14 12:00:00,visit,"line one
        line two"
        "u3","2022-09-14 13:00:00","sign,up",plain
        u3,2022-09-14 14:00:00,visit,""
        u3,2022-09-14 15:00:00,visit,""""

        """#
        forEachPath { path in
            let (store, report) = try loadFresh(.events, text, options: path.options())
            XCTAssertEqual(report.rowsLoaded, 6, "[\(path)]")
            XCTAssertEqual(report.skipped, [], "[\(path)]")
            XCTAssertEqual(store.eventCustomerIDs, ["u1", "u1", "u2", "u3", "u3", "u3"], "[\(path)]")
            XCTAssertEqual(store.eventExtraText("note"), ["hello, world", "she said \"hi\"", "line one\nline two", "plain", "", "\""], "[\(path)]")
            XCTAssertEqual(store.eventNames, ["visit", "visit", "visit", "sign,up", "visit", "visit"], "[\(path)]")
            XCTAssertEqual(store.events.ts[3], utc(2022, 9, 14, 13), "[\(path)] a quoted timestamp parses")
        }
    }

    func testLongQuotedFieldsWithEscapes() {
        // Longer than the parser's initial scratch buffer, several times, then short again (within the
        // 1,000 lines a quoted field may span).
        let long = String(repeating: "ab\"\"c,\n", count: 300)
        let text = "customer_id,ts,note\n\"u\"\"1\",2022-09-14,\"\(long)\"\nu2,2022-09-14,\"x\"\"y\"\nu3,2022-09-14,\"\(long)\(long)\"\n"
        forEachPath { path in
            let (store, report) = try loadFresh(.events, text, options: path.options())
            XCTAssertEqual(report.rowsLoaded, 3, "[\(path)]")
            let unescaped = String(repeating: "ab\"c,\n", count: 300)
            XCTAssertEqual(store.eventExtraText("note"), [unescaped, "x\"y", unescaped + unescaped], "[\(path)]")
            XCTAssertEqual(store.customerIDs.strings, ["u\"1", "u2", "u3"], "[\(path)]")
        }
    }

    func testLineNumbersCountNewlinesInsideQuotes() {
        // Line 1 header, line 2-4 one record with two embedded newlines, then filler from line 5.
        var text = "customer_id,ts,event,amount\nu1,2022-09-14,\"multi\nline\nevent\",3\n"
        text += fillerRows(150)
        text += "u9,2022-09-14,visit,abc\n"  // line 5 + 150 = 155
        forEachPath { path in
            let (store, report) = try loadFresh(.events, text, options: path.options())
            XCTAssertEqual(report.rowsLoaded, 151, "[\(path)]")
            XCTAssertEqual(report.skipped, [.init(reason: .unexpected(column: "amount", expected: .number), count: 1, firstLines: [155])], "[\(path)]")
            XCTAssertTrue(store.eventNames.contains("multi\nline\nevent"), "[\(path)]")
        }
    }

    func testCRLFLineEndings() {
        let text = "customer_id,ts,event,amount\r\n"
            + "u1,2022-09-14 10:00:00,visit,\r\n"
            + "u1,2022-09-14 11:00:00,purchase,12.5\r\n"
            + "u2,2022-09-14 12:00:00,\"quoted\r\nevent\",\"7\"\r\n"
            + "u2,2022-09-14 13:00:00,last,8\r\n"
        forEachPath { path in
            let (store, report) = try loadFresh(.events, text, options: path.options())
            XCTAssertEqual(report.rowsLoaded, 4, "[\(path)]")
            XCTAssertEqual(report.columns.map(\.name), ["customer_id", "ts", "event", "amount"], "[\(path)] no \\r in the last header name")
            XCTAssertEqual(report.columns.last?.role, .amount, "[\(path)]")
            XCTAssertEqual(store.eventNames, ["visit", "purchase", "quoted\r\nevent", "last"], "[\(path)]")
            XCTAssertEqual(store.events.amount.enumerated().map { store.events.hasAmount($0.offset) ? $0.element : nil }, [nil, 12.5, 7, 8], "[\(path)]")
            XCTAssertFalse(store.customerIDs.strings.contains { $0.contains("\r") }, "[\(path)]")
        }
    }

    func testCarriageReturnOnlyLineBreaksAreRejectedWithAFix() throws {
        let error = loadError { _ = try loadFresh(.events, "customer_id,ts,event\ru1,2022-09-14,visit\ru2,2022-09-15,visit\r") }
        XCTAssertEqual(error?.line, 1)
        XCTAssertEqual(error?.column, 21)
        XCTAssertEqual(error?.message.contains("carriage return alone"), true, error?.message ?? "")
        XCTAssertEqual(error?.hint?.contains("tr '\\r' '\\n'"), true, error?.hint ?? "")
        // A header-only file that ends in one carriage return is still just a header.
        XCTAssertEqual(try loadFresh(.events, "customer_id,ts,event\r").1.rowsLoaded, 0)
    }

    func testCRLFLineNumbersAndNoTrailingNewline() {
        var text = "customer_id,ts,event,amount\r\n"
        text += fillerRows(120).replacingOccurrences(of: "\n", with: "\r\n")
        text += "u1,2022-09-14,visit,zz\r\n"  // line 122
        text += "u2,2022-09-15,visit,3"  // no line break at the end
        forEachPath { path in
            let (store, report) = try loadFresh(.events, text, options: path.options())
            XCTAssertEqual(report.rowsLoaded, 121, "[\(path)]")
            XCTAssertEqual(report.skipped.first?.firstLines, [122], "[\(path)]")
            let row = store.events.rows(of: store.customerIDs.code(of: "u2")!)
            XCTAssertEqual(row.count, 1, "[\(path)]")
            XCTAssertEqual(store.events.amount[row.lowerBound], 3, "[\(path)]")
        }
    }

    func testUTF8ByteOrderMark() {
        let text = "\u{FEFF}customer_id,ts,event\nu1,2022-09-14,visit\nu2,2022-09-15,visit\n"
        XCTAssertEqual(Array(text.utf8).prefix(3), [0xEF, 0xBB, 0xBF])
        forEachPath { path in
            let (store, report) = try loadFresh(.events, text, options: path.options())
            XCTAssertEqual(report.columns.first?.name, "customer_id", "[\(path)]")
            XCTAssertEqual(report.columns.first?.role, .customer, "[\(path)]")
            XCTAssertEqual(store.eventCustomerIDs, ["u1", "u2"], "[\(path)]")
        }
        // Line numbers are not shifted by the BOM.
        let bad = "\u{FEFF}customer_id,ts,event\nu1,2022-09-14,visit\nu2,2022-09-15\n"
        let error = loadError { _ = try loadFresh(.events, bad) }
        XCTAssertEqual(error?.line, 3)
        XCTAssertEqual(error?.message, "expected 3 fields, found 2")
    }

    func testHeaderRowIsRequired() {
        let error = loadError { _ = try loadFresh(.events, "u1,2022-09-14,visit\nu2,2022-09-15,visit\n") }
        XCTAssertEqual(error?.line, 1)
        XCTAssertEqual(error?.message.hasPrefix("events need a customer column"), true, error?.message ?? "")
        XCTAssertEqual(error?.hint, "the header has: u1, 2022-09-14, visit; name the column with: map customer=ColumnName")
    }

    func testBlankLinesAreSkippedAndCounted() {
        var text = "customer_id,ts,event,amount\n\nu1,2022-09-14,visit,1\n\n\r\n"  // data on line 3; blank 2, 4, 5
        text += fillerRows(110)  // lines 6…115
        text += "\n\nu2,2022-09-14,visit,x\n\n\n"  // blank 116, 117; bad row on 118
        forEachPath { path in
            let (store, report) = try loadFresh(.events, text, options: path.options())
            XCTAssertEqual(report.rowsLoaded, 111, "[\(path)]")
            XCTAssertEqual(report.skipped, [.init(reason: .unexpected(column: "amount", expected: .number), count: 1, firstLines: [118])], "[\(path)]")
            XCTAssertEqual(store.events.count, 111, "[\(path)]")
        }
    }

    func testTrailingNewlineOrNot() throws {
        let body = "customer_id,ts,event,amount\nu1,2022-09-14,visit,1\nu2,2022-09-15,purchase,2.25"
        for ending in ["", "\n", "\r\n", "\n\n"] {
            let (store, report) = try loadFresh(.events, body + ending)
            XCTAssertEqual(report.rowsLoaded, 2, "ending \(ending.debugDescription)")
            XCTAssertEqual(store.events.amount, [1, 2.25], "ending \(ending.debugDescription)")
            XCTAssertEqual(store.eventNames, ["visit", "purchase"], "ending \(ending.debugDescription)")
        }
        // A quoted last field without a trailing newline.
        let (store, _) = try loadFresh(.events, "customer_id,ts,event\nu1,2022-09-14,\"visit\"")
        XCTAssertEqual(store.eventNames, ["visit"])
    }

    func testWhitespaceAlignedFiles() {
        let text = """
          customer_id   ts           event      amount
          u1            2022-09-14   visit      1
        u2              2022-09-15   purchase   20.5
             u3         2022-09-16   "add to cart"  3\u{20}\u{20}

        """
        forEachPath { path in
            let (store, report) = try loadFresh(.events, text, options: path.options())
            XCTAssertEqual(report.delimiter, UInt8(ascii: " "), "[\(path)]")
            XCTAssertEqual(report.columns.map(\.name), ["customer_id", "ts", "event", "amount"], "[\(path)]")
            XCTAssertEqual(report.rowsLoaded, 3, "[\(path)]")
            XCTAssertEqual(store.eventCustomerIDs, ["u1", "u2", "u3"], "[\(path)]")
            XCTAssertEqual(store.eventNames, ["visit", "purchase", "add to cart"], "[\(path)]")
            XCTAssertEqual(store.events.amount, [1, 20.5, 3], "[\(path)]")
            XCTAssertTrue(report.render(includeTiming: false).contains("delimiter: spaces"), "[\(path)]")
        }
    }

    func testWhitespaceAlignedWithCRLF() throws {
        let text = "  customer_id  ts\r\n  u1  2022-09-14  \r\n  u2  2022-09-15\r\n   \r\n"
        let (store, report) = try loadFresh(.events, text)
        XCTAssertEqual(report.delimiter, UInt8(ascii: " "))
        XCTAssertEqual(store.eventCustomerIDs, ["u1", "u2"])
        XCTAssertEqual(store.events.ts, [utc(2022, 9, 14), utc(2022, 9, 15)])
    }

    func testWhitespaceAlignedWithStrayCarriageReturnDoesNotHang() throws {
        // A lone CR (no LF after it) at the start of a record, as in a last line of "   \r", used to loop forever.
        // It is read as a one-field record, as on the comma path.
        let rows = String(repeating: "  u2  2022-09-15\n", count: 150)
        for text in ["customer_id   ts\n  u1  2022-09-14\n" + rows + "   \r",
                     "customer_id   ts\n  u1  2022-09-14\n \r\r\n" + rows] {
            forEachPath { path in
                let (store, report) = try loadFresh(.events, text, options: path.options())
                XCTAssertEqual(store.events.count, 151, "[\(path)]")
                XCTAssertEqual(report.skipped.map(\.reason.description), ["expected 2 fields, found 1"], "[\(path)]")
            }
        }
    }

    func testSniffsSemicolonTabAndPipe() {
        for (delimiter, name) in [(";", "semicolon"), ("\t", "tab"), ("|", "pipe")] {
            let text = ["customer_id", "ts", "event", "amount", "note"].joined(separator: delimiter) + "\n"
                + ["u1", "2022-09-14 10:00:00", "visit", "", "a, b, c"].joined(separator: delimiter) + "\n"
                + ["u2", "2022-09-15", "purchase", "12.5", "d,e"].joined(separator: delimiter) + "\n"
            forEachPath { path in
                let (store, report) = try loadFresh(.events, text, options: path.options())
                XCTAssertEqual(report.delimiter, UInt8(ascii: Unicode.Scalar(delimiter)!), "[\(path)] \(name)")
                XCTAssertTrue(report.render(includeTiming: false).contains("delimiter: \(name)"), "[\(path)] \(name)")
                XCTAssertEqual(report.columns.map(\.role), [.customer, .ts, .event, .amount, nil], "[\(path)] \(name)")
                XCTAssertEqual(store.eventExtraText("note"), ["a, b, c", "d,e"], "[\(path)] \(name)")
                XCTAssertEqual(store.events.amount[1], 12.5, "[\(path)] \(name)")
            }
        }
    }

    func testSemicolonFileWithDecimalCommasInTextSniffsSemicolon() throws {
        // Commas in every row would give a consistent comma split of the data, but not of the header.
        let text = "customer_id;ts;tags\nu1;2022-09-14;a,b\nu2;2022-09-15;c,d\n"
        let (_, report) = try loadFresh(.events, text)
        XCTAssertEqual(report.delimiter, UInt8(ascii: ";"))
    }

    func testExplicitDelimiterOverridesSniffing() throws {
        // Sniffing prefers the comma (4 consistent fields beats 3); the file is really semicolon-separated.
        let text = "customer_id;ts;a,b,c,d\nu1;2022-09-14;1,2,3,4\nu2;2022-09-15;5,6,7,8\n"
        let sniffed = loadError { _ = try loadFresh(.events, text) }
        XCTAssertEqual(sniffed?.message.hasPrefix("events need a customer column"), true)
        let (store, report) = try loadFresh(.events, text, options: LoadOptions(delimiter: UInt8(ascii: ";")))
        XCTAssertEqual(report.delimiter, UInt8(ascii: ";"))
        XCTAssertEqual(report.columns.map(\.name), ["customer_id", "ts", "a,b,c,d"])
        XCTAssertEqual(store.eventExtraText("a,b,c,d"), ["1,2,3,4", "5,6,7,8"])
    }

    func testExplicitSpaceDelimiterMeansRunsOfSpaces() throws {
        let text = "customer_id ts event\nu1    2022-09-14   visit\n"
        let (store, report) = try loadFresh(.events, text, options: LoadOptions(delimiter: UInt8(ascii: " ")))
        XCTAssertEqual(report.columns.map(\.name), ["customer_id", "ts", "event"])
        XCTAssertEqual(store.eventNames, ["visit"])
    }

    func testHeaderNamesAreTrimmedBlanksNamedAndDuplicatesSuffixed() throws {
        let (_, report) = try loadFresh(.events, "customer_id, ts ,,note,Note\nu1,2022-09-14,x,y,z\n")
        XCTAssertEqual(report.columns.map(\.name), ["customer_id", "ts", "column_3", "note", "Note_2"])
        XCTAssertEqual(report.columns[1].role, .ts)
    }
}
