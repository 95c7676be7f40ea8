import SiklusTestSupport
import XCTest
@testable import SiklusStore

/// Column type detection and time parsing: ISO variants, compact dates, patterns, epochs, nulls.
final class TypeSniffingTests: XCTestCase {
    func testExtraColumnTypes() throws {
        let text = """
        customer_id,ts,qty,weight,day,seen_at,label,mixed
        u1,2022-09-14,3,1.5,2022-09-14,2022-09-14 10:21:14,a,1
        u1,2022-09-15,-4,2,2022-09-15,2022-09-15,b,2.5
        u2,2022-09-16,0,-0.25,2022-09-16,2022-09-16T23:59:59Z,c,x

        """
        forEachPath { path in
            let (store, report) = try loadFresh(.events, text, options: path.options())
            let types = Dictionary(uniqueKeysWithValues: report.columns.map { ($0.name, $0.type) })
            XCTAssertEqual(types, ["customer_id": .string, "ts": .date, "qty": .int, "weight": .float, "day": .date,
                                   "seen_at": .datetime, "label": .string, "mixed": .string], "[\(path)]")
            XCTAssertEqual(store.events.extra("qty")?.int64Values, [3, -4, 0], "[\(path)]")
            XCTAssertEqual(store.events.extra("weight")?.doubleValues, [1.5, 2, -0.25], "[\(path)]")
            XCTAssertEqual(store.events.extra("day")?.int64Values, [utc(2022, 9, 14), utc(2022, 9, 15), utc(2022, 9, 16)], "[\(path)]")
            XCTAssertEqual(store.events.extra("seen_at")?.int64Values,
                           [utc(2022, 9, 14, 10, 21, 14), utc(2022, 9, 15), utc(2022, 9, 16, 23, 59, 59)], "[\(path)]")
            XCTAssertEqual(store.eventExtraText("mixed"), ["1", "2.5", "x"], "[\(path)]")
            XCTAssertEqual(store.events.extra("QTY")?.name, "qty", "extra lookup is case-insensitive")
        }
    }

    func testISOTimestampVariantsConvertToUTC() {
        let cases: [(String, Int64)] = [
            ("2022-09-14", utc(2022, 9, 14)),
            ("2022-09-14 10:21:14", utc(2022, 9, 14, 10, 21, 14)),
            ("2022-09-14T10:21:14Z", utc(2022, 9, 14, 10, 21, 14)),
            ("2022-09-14T10:21:14z", utc(2022, 9, 14, 10, 21, 14)),
            ("2022-09-14T17:21:14+07:00", utc(2022, 9, 14, 10, 21, 14)),
            ("2022-09-14T05:21:14-0500", utc(2022, 9, 14, 10, 21, 14)),
            ("2022-09-14T15:51:14+05:30", utc(2022, 9, 14, 10, 21, 14)),
            ("2022-09-14T03:21:14-07", utc(2022, 9, 14, 10, 21, 14)),
            ("2022-09-14T01:00:00+07:00", utc(2022, 9, 13, 18)),
            ("2022-09-14T22:00:00-05:00", utc(2022, 9, 15, 3)),
            ("2022-09-14 10:21:14.123", utc(2022, 9, 14, 10, 21, 14)),
            ("2022-09-14T10:21:14.999999Z", utc(2022, 9, 14, 10, 21, 14)),
            ("\"2022-09-14T17:21:14,5+07:00\"", utc(2022, 9, 14, 10, 21, 14)),
            ("2022-09-14 10:21", utc(2022, 9, 14, 10, 21)),
            ("2022-09-14 10:21:14 UTC", utc(2022, 9, 14, 10, 21, 14)),
            ("2024-02-29 00:00:00", utc(2024, 2, 29)),
            ("1969-12-31 23:59:59", -1),
        ]
        // One customer per value, so the stored order is the file order.
        var text = "customer_id,ts\n"
        for (i, c) in cases.enumerated() { text += "c\(i),\(c.0)\n" }
        forEachPath { path in
            let (store, report) = try loadFresh(.events, text, options: path.options())
            XCTAssertEqual(report.columns[1].type, .datetime, "[\(path)]")
            XCTAssertEqual(report.rowsLoaded, cases.count, "[\(path)]")
            for (i, c) in cases.enumerated() {
                let rows = store.events.rows(of: store.customerIDs.code(of: "c\(i)")!)
                XCTAssertEqual(store.events.ts[rows.lowerBound], c.1, "[\(path)] \(c.0)")
            }
        }
    }

    func testISOParserRejectsInvalidDates() {
        for text in ["2022-02-30", "2023-02-29", "2022-13-01", "2022-09-14 24:00:00", "2022-09-14 10:60:00", "2022-09-14T10:21:14+7:00",
                     "2022-09-14 10:21:14.", "2022-9-14", "2022/09/14", "2022-09-14x", "2022-09-14 10"] {
            let parsed = Array(text.utf8).withUnsafeBytes { FieldParsers.isoTimestamp($0) }
            XCTAssertNil(parsed, text)
        }
    }

    func testFullTimestampFastPathAgreesWithTheGeneralParser() {
        // The loader's fast path for `YYYY-MM-DD HH:MM:SS` must give the general parser's answer, or defer
        // to it (nil), for every string of that shape: valid, invalid, and outside its table of years.
        var rng = SplitMix64(seed: 19)
        func two(_ range: ClosedRange<Int>) -> String { let v = rng.int(range); return v < 10 ? "0\(v)" : "\(v)" }
        var cases = ["2024-02-29 23:59:60", "2023-02-29 00:00:00", "1900-01-01 00:00:00", "1899-12-31 23:59:59", "2199-12-31 23:59:59",
                     "2200-01-01 00:00:00", "2022-09-14T10:21:14", "2022-09-14T10:21:14Z", "2022-09-14 10:21:14z", "2022-09-14 10:21:1x",
                     "2022-09-14_10:21:14", "2022-09-14 10:21:14+07:00", "2022-09-31 10:00:00", "2022-00-10 10:00:00",
                     // Bytes just past '9' (':' to '?') in digit places.
                     "2022-09-1: 10:21:14", "2022-0;-14 10:21:14", "2022-09-14 10:21:1?", "20?2-09-14 10:21:14", "2022-09-14 1>:21:14"]
        for _ in 0..<20_000 {
            let year = rng.pick(["1899", "1900", "1970", "2000", "2022", "2024", "2100", "2199", "2200", "0000", "9999"])
            cases.append("\(year)-\(two(0...13))-\(two(0...32)) \(two(0...25)):\(two(0...61)):\(two(0...62))")
        }
        for text in cases {
            Array(text.utf8).withUnsafeBytes { bytes in
                let general = FieldParsers.isoTimestamp(bytes)?.seconds
                if let fast = FieldParsers.fullTimestamp(bytes) { XCTAssertEqual(fast, general, text) }
                // Deferring is only allowed outside the table's years.
                if general != nil, FieldParsers.fullTimestamp(bytes) == nil {
                    XCTAssertTrue(text.hasPrefix("18") || text.hasPrefix("22") || text.hasPrefix("0") || text.hasPrefix("9") || text.contains("+"), text)
                }
            }
        }
    }

    func testDateOnlyTimeColumnIsDate() throws {
        let (_, report) = try loadFresh(.events, "customer_id,ts\nu1,2022-09-14\nu3,2022-09-15\n")
        XCTAssertEqual(report.columns[1].type, .date)
        XCTAssertEqual(report.timeSpan, utc(2022, 9, 14)...utc(2022, 9, 15))
    }

    func testCompactDatesWhenEveryValueIsAValidDate() {
        let text = "customer_id,ts,day\nu1,20220914,20220101\nu2,20221231,19991231\nu3,20240229,21000101\n"
        forEachPath { path in
            let (store, report) = try loadFresh(.events, text, options: path.options())
            XCTAssertEqual(report.columns.map(\.type), [.string, .date, .date], "[\(path)]")
            XCTAssertEqual(store.events.ts, [utc(2022, 9, 14), utc(2022, 12, 31), utc(2024, 2, 29)], "[\(path)]")
            XCTAssertEqual(store.events.extra("day")?.int64Values, [utc(2022, 1, 1), utc(1999, 12, 31), utc(2100, 1, 1)], "[\(path)]")
        }
    }

    func testEightDigitIntegersThatAreNotAllDatesStayIntegers() throws {
        for bad in ["20221341", "20230229", "18991231", "22000101"] {
            let (store, report) = try loadFresh(.events, "customer_id,ts,day\nu1,2022-09-14,20220914\nu2,2022-09-15,\(bad)\n")
            XCTAssertEqual(report.columns[2].type, .int, bad)
            XCTAssertEqual(store.events.extra("day")?.int64Values, [20_220_914, Int64(bad)!], bad)
        }
        // As the time column, such values are integers, and the error suggests epoch.
        let error = loadError { _ = try loadFresh(.events, "customer_id,ts\nu1,20220914\nu2,20221341\n") }
        XCTAssertEqual(error?.message, "column ts (ts) holds integers, not dates")
        XCTAssertEqual(error?.hint, "if they are Unix times, add: format ts=epoch (or epoch_ms)")
    }

    func testDayFirstDatesNeedAPattern() throws {
        let text = "customer_id,ts,event\nu1,14/09/2022,visit\nu2,01/12/2022,visit\n"
        let error = loadError { _ = try loadFresh(.events, text) }
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.message, "column ts (ts) has values like \"14/09/2022\" that are not ISO dates")
        XCTAssertEqual(error?.hint, "tell the loader how they are written, e.g. format ts=\"%d/%m/%Y\"")

        forEachPath { path in
            let options = path.options(LoadOptions(formats: ["ts": .pattern("%d/%m/%Y")]))
            let (store, report) = try loadFresh(.events, text, options: options)
            XCTAssertEqual(report.columns[1].type, .date, "[\(path)]")
            XCTAssertEqual(store.events.ts, [utc(2022, 9, 14), utc(2022, 12, 1)], "[\(path)]")
        }
    }

    func testMonthFirstDatesWithTimesSuggestAPatternWithTime() {
        let text = "customer_id,InvoiceDate\n17850,12/13/2010 8:26\n"
        let error = loadError { _ = try loadFresh(.events, text) }
        XCTAssertEqual(error?.hint, "tell the loader how they are written, e.g. format ts=\"%m/%d/%Y %H:%M\"")
        // Ambiguous day and month (all ≤ 12): both orders are named, with the time part.
        let ambiguous = loadError { _ = try loadFresh(.events, "customer_id,InvoiceDate\n17850,12/1/2010 8:26\n") }
        XCTAssertEqual(ambiguous?.hint, "tell the loader how they are written, e.g. format ts=\"%d/%m/%Y %H:%M\""
                       + " (\"%m/%d/%Y %H:%M\" also fit these values: check which is the day)")
        let dotted = loadError { _ = try loadFresh(.events, "customer_id,ts\nu1,01.02.2022 10:11:12\n") }
        XCTAssertEqual(dotted?.hint, "tell the loader how they are written, e.g. format ts=\"%d.%m.%Y %H:%M:%S\"")
    }

    func testFormatsApplyByColumnNameOrRole() throws {
        let text = "customer_id,When,signed\nu1,14.09.2022 10:21,01/02/2021\n"
        let byName = try loadFresh(.events, text, options: LoadOptions(mapping: [.ts: "When"], formats: ["When": .pattern("%d.%m.%Y %H:%M"), "signed": .pattern("%m/%d/%Y")]))
        XCTAssertEqual(byName.0.events.ts, [utc(2022, 9, 14, 10, 21)])
        XCTAssertEqual(byName.1.columns.map(\.type), [.string, .datetime, .date])
        XCTAssertEqual(byName.0.events.extra("signed")?.int64Values, [utc(2021, 1, 2)])
        let byRole = try loadFresh(.events, text, options: LoadOptions(mapping: [.ts: "When"], formats: ["ts": .pattern("%d.%m.%Y %H:%M")]))
        XCTAssertEqual(byRole.0.events.ts, [utc(2022, 9, 14, 10, 21)])
        let lowercased = try loadFresh(.events, text, options: LoadOptions(mapping: [.ts: "When"], formats: ["when": .pattern("%d.%m.%Y %H:%M")]))
        XCTAssertEqual(lowercased.0.events.ts, [utc(2022, 9, 14, 10, 21)])
    }

    func testPatternParserOneAndTwoDigitFields() {
        func parse(_ value: String, _ pattern: String) -> Int64? {
            Array(value.utf8).withUnsafeBytes { FieldParsers.patterned($0, pattern: Array(pattern.utf8)) }
        }
        XCTAssertEqual(parse("12/1/2010 8:26", "%m/%d/%Y %H:%M"), utc(2010, 12, 1, 8, 26))
        XCTAssertEqual(parse("1/9/2011 10:05", "%m/%d/%Y %H:%M"), utc(2011, 1, 9, 10, 5))
        XCTAssertEqual(parse("01/09/2011 10:05:09", "%m/%d/%Y %H:%M:%S"), utc(2011, 1, 9, 10, 5, 9))
        XCTAssertEqual(parse("14/09/22", "%d/%m/%y"), utc(2022, 9, 14))
        XCTAssertEqual(parse("20220914", "%Y%m%d"), utc(2022, 9, 14))
        XCTAssertEqual(parse("29/02/2024", "%d/%m/%Y"), utc(2024, 2, 29))
        XCTAssertNil(parse("13/1/2010 8:26", "%m/%d/%Y %H:%M"), "month 13")
        XCTAssertNil(parse("29/02/2023", "%d/%m/%Y"), "not a leap year")
        XCTAssertNil(parse("12/1/2010 24:00", "%m/%d/%Y %H:%M"), "hour 24")
        XCTAssertNil(parse("12/1/2010", "%m/%d/%Y %H:%M"), "missing time")
        XCTAssertNil(parse("12/1/2010 8:26 extra", "%m/%d/%Y %H:%M"), "trailing text")
        XCTAssertNil(parse("12/1/10", "%m/%d/%Y"), "%Y needs four digits")
        XCTAssertNil(parse("12-1-2010", "%m/%d/%Y"), "literal separators must match")
    }

    func testPatternMismatchesAreBadRowsWithLocation() {
        var text = "customer_id,ts,event\n"
        for i in 0..<150 { text += "u\(i % 7),\(1 + i % 12)/\(1 + i % 28)/2010 \(i % 24):\(String(format: "%02d", i % 60)),visit\n" }
        text += "u1,13/01/2010 8:26,visit\n"  // line 152: month 13
        forEachPath { path in
            let options = path.options(LoadOptions(formats: ["ts": .pattern("%m/%d/%Y %H:%M")]))
            let (store, report) = try loadFresh(.events, text, options: options)
            XCTAssertEqual(report.rowsLoaded, 150, "[\(path)]")
            XCTAssertEqual(report.skipped, [.init(reason: .unexpected(column: "ts", expected: .pattern("%m/%d/%Y %H:%M")), count: 1, firstLines: [152])], "[\(path)]")
            XCTAssertEqual(store.events.count, 150, "[\(path)]")
        }
    }

    func testEpochSecondsAndMilliseconds() throws {
        let seconds = "customer_id,ts\nu1,1663150874\nu2,0\nu3,1663150875\n"
        let error = loadError { _ = try loadFresh(.events, seconds) }
        XCTAssertEqual(error?.hint?.contains("format ts=epoch"), true, error?.hint ?? "")
        forEachPath { path in
            let (store, report) = try loadFresh(.events, seconds, options: path.options(LoadOptions(formats: ["ts": .epochSeconds])))
            XCTAssertEqual(report.columns[1].type, .datetime, "[\(path)]")
            XCTAssertEqual(store.events.ts, [1_663_150_874, 0, 1_663_150_875], "[\(path)]")
            XCTAssertEqual(store.eventTimes[0], "2022-09-14 10:21:14", "[\(path)]")
        }
        let millis = "customer_id,ts\nu1,1663150874123\nu2,1663150874999\n"
        XCTAssertNotNil(loadError { _ = try loadFresh(.events, millis) })
        let (store, _) = try loadFresh(.events, millis, options: LoadOptions(formats: ["ts": .epochMilliseconds]))
        XCTAssertEqual(store.events.ts, [1_663_150_874, 1_663_150_874])
        // Before 1970 milliseconds round down too (floor), so a time never moves forward into the next second.
        let early = try loadFresh(.events, "customer_id,ts\nu1,-1500\nu2,-1000\nu3,-1\n", options: LoadOptions(formats: ["ts": .epochMilliseconds])).0
        XCTAssertEqual(early.events.ts, [-2, -1, -1])
        XCTAssertEqual(TimeFormat("epoch"), .epochSeconds)
        XCTAssertEqual(TimeFormat("EPOCH_MS"), .epochMilliseconds)
        XCTAssertEqual(TimeFormat("%d/%m/%Y"), .pattern("%d/%m/%Y"))
    }

    func testNullsInTypedColumns() {
        let text = """
        customer_id,ts,amount,qty,price,day,label
        u1,2022-09-14,1.5,1,2.5,2022-09-14,a
        u2,2022-09-14,,,,,
        u3,2022-09-14,NULL,NULL,null,NULL,NULL
        u4,2022-09-14,NA,NA,na,N/A,NA
        u5,2022-09-14,2,4,0.5,2022-09-15,b

        """
        forEachPath { path in
            let (store, report) = try loadFresh(.events, text, options: path.options())
            XCTAssertEqual(report.rowsLoaded, 5, "[\(path)]")
            XCTAssertEqual(report.columns.map(\.type), [.string, .date, .float, .int, .float, .date, .string], "[\(path)]")
            XCTAssertEqual((0..<5).map { store.events.hasAmount($0) }, [true, false, false, false, true], "[\(path)]")
            XCTAssertEqual(store.events.extra("qty")?.int64Values, [1, nil, nil, nil, 4], "[\(path)]")
            XCTAssertEqual(store.events.extra("price")?.doubleValues, [2.5, nil, nil, nil, 0.5], "[\(path)]")
            XCTAssertEqual(store.events.extra("day")?.int64Values, [utc(2022, 9, 14), nil, nil, nil, utc(2022, 9, 15)], "[\(path)]")
            // Null words are only nulls in typed columns; in text they are text.
            XCTAssertEqual(store.eventExtraText("label"), ["a", "", "NULL", "NA", "b"], "[\(path)]")
        }
    }

    func testMissingTimestampSkipsTheRow() {
        var text = "customer_id,ts,event\n"
        text += (0..<250).map { "u\($0 % 9),2022-09-\(10 + $0 % 9),visit\n" }.joined()
        text += "u1,,visit\nu2,NULL,visit\n"  // lines 252, 253
        forEachPath { path in
            let (store, report) = try loadFresh(.events, text, options: path.options())
            XCTAssertEqual(store.events.count, 250, "[\(path)]")
            XCTAssertEqual(report.skipped, [.init(reason: .unexpected(column: "ts", expected: .isoTime), count: 2, firstLines: [252, 253])], "[\(path)]")
        }
    }

    func testAFewBadTimestampsAreBadRows() {
        var text = "customer_id,ts,event\n"
        text += (0..<200).map { "u\($0 % 9),2022-09-\(10 + $0 % 9) 10:00:00,visit\n" }.joined()
        text += "u1,2022-09-31 10:00:00,visit\n"  // line 202: no such day
        forEachPath { path in
            let (store, report) = try loadFresh(.events, text, options: path.options())
            XCTAssertEqual(report.columns[1].type, .datetime, "[\(path)]")
            XCTAssertEqual(store.events.count, 200, "[\(path)]")
            XCTAssertEqual(report.skipped, [.init(reason: .unexpected(column: "ts", expected: .isoTime), count: 1, firstLines: [202])], "[\(path)]")
        }
        // Too many: the load fails at the bad value.
        let few = loadError { _ = try loadFresh(.events, "customer_id,ts\nu1,2022-09-14\nu2,2022-09-31\nu3,2022-09-15\n") }
        XCTAssertEqual(few?.line, 3)
        XCTAssertEqual(few?.column, 4)
        // Mostly not dates: the plan error quotes a value that is not a date.
        let most = loadError { _ = try loadFresh(.events, "customer_id,ts\nu1,2022-09-14\nu2,14/09/2022\nu3,15/09/2022\n") }
        XCTAssertEqual(most?.message, "column ts (ts) has values like \"14/09/2022\" that are not ISO dates")
        XCTAssertEqual(most?.hint, "tell the loader how they are written, e.g. format ts=\"%d/%m/%Y\"")
    }

    func testNumbersInFloatColumns() throws {
        let (store, report) = try loadFresh(.events, "customer_id,ts,amount\nu1,2022-09-14,1e3\nu2,2022-09-14,-.5\nu3,2022-09-14,+7\nu4,2022-09-14,12345678901234567890\n")
        XCTAssertEqual(report.columns[2].type, .float)
        XCTAssertEqual(store.events.amount, [1000, -0.5, 7, 1.2345678901234567890e19])
    }

    func testSamplingReadsTheTailOfBigFiles() throws {
        // More than 2 MiB: the sniffer reads 1 MiB from each end; an int column turning float at the end is float.
        var text = "customer_id,ts,score\n"
        let row = "customer-0000001,2022-09-14 10:21:14,12345\n"
        let rows = (2 << 20) / row.utf8.count + 2000
        text.reserveCapacity(rows * row.utf8.count + 100)
        for _ in 0..<rows { text += row }
        text += "customer-0000002,2022-09-14 10:21:14,0.5\n"
        let (store, report) = try loadFresh(.events, text, options: LoadOptions(parallelThreshold: 0))
        XCTAssertEqual(report.columns[2].type, .float)
        XCTAssertEqual(store.events.count, rows + 1)
        XCTAssertEqual(store.events.extra("score")?.doubleValues?.last, 0.5)
    }

    func testAnExtraColumnWithValuesItsSampledTypeCannotHoldIsText() throws {
        // Past the sampled head and tail: an id-like `00017` in an int column, and a word in a float column.
        // The whole events are kept and the side columns become text, keeping `00017` as written.
        var text = "customer_id,ts,event,store,ratio\n"
        let row = "customer-0000001,2022-09-14 10:21:14,visit,12345,0.5\n"
        let rows = (2 << 20) / row.utf8.count
        text.reserveCapacity(rows * row.utf8.count * 2 + 200)
        for _ in 0..<rows { text += row }
        text += "customer-0000002,2022-09-15 10:21:14,visit,00017,unknown\n"
        for _ in 0..<rows { text += row }
        forEachPath { path in
            let (store, report) = try loadFresh(.events, text, options: path.options())
            XCTAssertEqual(report.rowsLoaded, 2 * rows + 1, "[\(path)]")
            XCTAssertEqual(report.skipped, [], "[\(path)]")
            XCTAssertEqual(report.columns.map(\.type), [.string, .datetime, .string, .string, .string], "[\(path)]")
            let line = 2 + rows
            XCTAssertEqual(report.notes.map(\.description), ["column store is text: line \(line) has a value that is not an integer",
                                          "column ratio is text: line \(line) has a value that is not a number",
                                          "orders: no order column, so each purchase row is an order (map order=Column when rows are line items)"], "[\(path)]")
            XCTAssertEqual(report.passes, 2, "[\(path)]")
            let row = store.events.rows(of: store.customerIDs.code(of: "customer-0000002")!).lowerBound
            XCTAssertEqual(store.eventExtraText("store")?[row], "00017", "[\(path)]")
            XCTAssertEqual(store.eventExtraText("ratio")?[row], "unknown", "[\(path)]")
            XCTAssertEqual(store.eventExtraText("store")?[0], "12345", "[\(path)]")
        }
    }

    /// Many misjudged columns, all bad in the same row (before, each re-read found only the next one: one
    /// pass per column, 6,000 columns took minutes): one extra pass re-plans them all.
    func testManyMisjudgedColumnsCostOneExtraPass() throws {
        let extras = 60
        var text = "customer_id,ts," + (1...extras).map { "c\($0)" }.joined(separator: ",") + "\n"
        let row = "u1,2022-09-14," + String(repeating: "7,", count: extras - 1) + "7\n"
        let rows = (1 << 20) / row.utf8.count + 100
        text += String(repeating: row, count: rows)
        text += "u2,2022-09-15," + (1...extras).map { $0 % 2 == 0 ? "007" : "n/a\($0)" }.joined(separator: ",") + "\n"
        text += String(repeating: row, count: rows)
        forEachPath { path in
            let (store, report) = try loadFresh(.events, text, options: path.options())
            XCTAssertEqual(report.passes, 2, "[\(path)]")
            XCTAssertEqual(report.rowsLoaded, 2 * rows + 1, "[\(path)]")
            XCTAssertEqual(report.columns.dropFirst(2).map(\.type), Array(repeating: .string, count: extras), "[\(path)]")
            XCTAssertEqual(report.notes.filter { $0.description.contains(" is text: line \(rows + 2) ") }.count, extras, "[\(path)]")
            XCTAssertEqual(store.eventExtraText("c60")?.last, "007", "[\(path)]")
        }
        // A file without misjudged columns is read once.
        XCTAssertEqual(try loadFresh(.events, "customer_id,ts,c1\nu1,2022-09-14,7\n").1.passes, 1)
    }

    func testAnExtraColumnAlreadyLoadedWithAType() throws {
        // The table has `qty` as int already: a file with a word in it keeps it int and skips that row.
        let files = TestFiles()
        var store = Store()
        try store.load(.events, path: files.write("a.csv", "customer_id,ts,qty\nu1,2022-09-14,5\n"))
        // Past the sampled head and tail, so the plan cannot see it.
        let row = "u1,2022-09-15,7\n", rows = (1 << 20) / row.utf8.count + 100
        var text = "customer_id,ts,qty\n"
        text += String(repeating: row, count: rows) + "u9,2022-09-16,lots\n" + String(repeating: row, count: rows)
        let report = try store.load(.events, path: files.write("b.csv", text))
        XCTAssertEqual(report.rowsLoaded, 2 * rows)
        XCTAssertEqual(report.skipped.map(\.reason.description), ["qty: expected an integer"])
        XCTAssertEqual(store.events.extra("qty")?.type, .int)
    }
}
