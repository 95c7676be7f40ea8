import XCTest
import SiklusTestSupport
@testable import SiklusStore

/// Events sorted by (customer code, ts, file row) with a CSR offset index per customer.
final class CustomerIndexTests: XCTestCase {
    func testEventsSortByCustomerThenTimeThenFileRow() {
        let text = """
        customer_id,ts,seq
        u2,2022-09-14 10:00:00,1
        u1,2022-09-15 00:00:00,2
        u2,2022-09-13 09:00:00,3
        u1,2022-09-14 00:00:00,4
        u2,2022-09-14 10:00:00,5
        u3,2022-09-14 10:00:00,6
        u2,2022-09-14 10:00:00,7
        u1,2022-09-14,8

        """
        forEachPath { path in
            let (store, _) = try loadFresh(.events, text, options: path.options())
            XCTAssertEqual(store.customerIDs.strings, ["u2", "u1", "u3"], "[\(path)] codes in first-seen order")
            XCTAssertEqual(store.events.extra("seq")?.int64Values, [3, 1, 5, 7, 4, 8, 2, 6], "[\(path)]")
            XCTAssertEqual(store.events.customer, [0, 0, 0, 0, 1, 1, 1, 2], "[\(path)]")
            XCTAssertEqual(store.events.offsets, [0, 4, 7, 8], "[\(path)]")
            XCTAssertEqual(store.events.rows(of: 1), 4..<7, "[\(path)]")
        }
    }

    func testOffsetsCoverCustomersWithoutEvents() throws {
        let files = TestFiles()
        var store = Store()
        try store.load(.customers, path: files.write("c.csv", "customer_id,channel\nc1,search\nc2,social\nc3,email\nc4,search\n"))
        XCTAssertEqual(store.events.offsets, [0, 0, 0, 0, 0])
        XCTAssertEqual(store.events.customerCount, 4)
        try store.load(.events, path: files.write("e.csv", "customer_id,ts\nc4,2022-09-14\nc2,2022-09-14\nc4,2022-09-13\nx9,2022-09-15\n"))
        XCTAssertEqual(store.events.offsets, [0, 0, 1, 1, 3, 4])
        XCTAssertEqual(store.events.rows(of: 0), 0..<0)
        XCTAssertEqual(store.events.rows(of: 2), 1..<1)
        XCTAssertEqual(store.events.rows(of: 3), 1..<3)
        XCTAssertEqual(store.events.ts[1...2], [utc(2022, 9, 13), utc(2022, 9, 14)])
        // A later customers file adds customers without events: the index grows with empty ranges.
        try store.load(.customers, path: files.write("c2.csv", "customer_id,channel\nc5,search\nc1,email\nc6,social\n"))
        XCTAssertEqual(store.customerIDs.count, 7)
        XCTAssertEqual(store.events.offsets.count, store.customerIDs.count + 1)
        XCTAssertEqual(store.events.offsets, [0, 0, 1, 1, 3, 4, 4, 4])
        XCTAssertEqual(store.events.rows(of: 6), 4..<4)
        XCTAssertEqual(store.events.rows(of: 99), 0..<0, "an unknown code has no rows")
        XCTAssertEqual(store.customers.hasRow, [true, true, true, true, false, true, true])
        assertIndexConsistent(store)
    }

    func testEventsFirstThenCustomers() throws {
        let files = TestFiles()
        var store = Store()
        try store.load(.events, path: files.write("e.csv", "customer_id,ts\nb,2022-09-14\na,2022-09-14\nb,2022-09-12\n"))
        XCTAssertEqual(store.customers.hasRow, [false, false])
        try store.load(.customers, path: files.write("c.csv", "customer_id,channel\na,search\nz,email\n"))
        XCTAssertEqual(store.customerIDs.strings, ["b", "a", "z"])
        XCTAssertEqual(store.events.offsets, [0, 2, 3, 3])
        XCTAssertEqual(store.customers.hasRow, [false, true, true])
        XCTAssertEqual(store.customerText("channel", of: "b"), "")
        XCTAssertEqual(store.customerText("channel", of: "a"), "search")
        assertIndexConsistent(store)
    }

    func testRandomRowsMatchAReferenceSort() throws {
        for seed: UInt64 in [1, 2, 3] {
            var rng = SplitMix64(seed: seed)
            let rows = RandomEvents.make(count: 3000, customers: 250, using: &rng)
            let text = RandomEvents.csv(rows, using: &rng)
            var stores: [Store] = []
            for path in LoadPath.allCases {
                let (store, report) = try loadFresh(.events, text, options: path.options())
                XCTAssertEqual(report.rowsLoaded, rows.count, "seed \(seed) [\(path)]")
                RandomEvents.assertMatchesReference(store, [rows], "seed \(seed) [\(path)]")
                assertIndexConsistent(store)
                stores.append(store)
            }
            XCTAssertEqual(StoreSnapshot(stores[0]), StoreSnapshot(stores[1]), "seed \(seed): both paths store the same")
        }
    }

    func testRandomRowsAcrossTwoFilesMatchAReferenceSort() throws {
        var rng = SplitMix64(seed: 42)
        let first = RandomEvents.make(count: 1500, customers: 120, using: &rng)
        let second = RandomEvents.make(count: 1500, customers: 160, seqStart: 10_000, using: &rng)
        let files = TestFiles()
        let a = files.write("a.csv", RandomEvents.csv(first, using: &rng))
        let b = files.write("b.csv", RandomEvents.csv(second, using: &rng))
        for path in LoadPath.allCases {
            var store = Store()
            try store.load(.events, path: a, options: path.options())
            try store.load(.events, path: b, options: path.options())
            RandomEvents.assertMatchesReference(store, [first, second], "[\(path)]")
            assertIndexConsistent(store)
        }
    }

    func testRandomRowsWithCustomersLoadedFirst() throws {
        var rng = SplitMix64(seed: 5)
        let rows = RandomEvents.make(count: 2000, customers: 200, using: &rng)
        var ids = (0..<260).map { "c\($0)" }
        ids.shuffle(using: &rng)
        let files = TestFiles()
        let customers = files.write("c.csv", "customer_id,channel\n" + ids.map { "\($0),search\n" }.joined())
        let events = files.write("e.csv", RandomEvents.csv(rows, using: &rng))
        for path in LoadPath.allCases {
            var store = Store()
            try store.load(.customers, path: customers, options: path.options())
            try store.load(.events, path: events, options: path.options())
            XCTAssertEqual(Array(store.customerIDs.strings.prefix(260)), ids, "[\(path)] customers keep their codes")
            RandomEvents.assertMatchesReference(store, [rows], "[\(path)]")
            assertIndexConsistent(store)
        }
    }

    /// Offsets are a CSR index: start at 0, never decrease, end at the row count, one range per code,
    /// and every row of a range belongs to that customer, in time order.
    private func assertIndexConsistent(_ store: Store, file: StaticString = #filePath, line: UInt = #line) {
        let events = store.events
        XCTAssertEqual(events.offsets.count, store.customerIDs.count + 1, file: file, line: line)
        XCTAssertEqual(events.offsets.first, 0, file: file, line: line)
        XCTAssertEqual(events.offsets.last, events.count, file: file, line: line)
        XCTAssertEqual(store.customers.hasRow.count, store.customerIDs.count, file: file, line: line)
        var expected = 0
        for c in 0..<Int32(store.customerIDs.count) {
            let range = events.rows(of: c)
            XCTAssertEqual(range.lowerBound, expected, "ranges are contiguous", file: file, line: line)
            expected = range.upperBound
            for i in range {
                if events.customer[i] != c { XCTFail("row \(i) is not customer \(c)", file: file, line: line); return }
                if i > range.lowerBound, events.ts[i] < events.ts[i - 1] { XCTFail("row \(i) out of time order", file: file, line: line); return }
            }
        }
        XCTAssertEqual(expected, events.count, file: file, line: line)
        XCTAssertEqual([events.ts.count, events.event.count, events.amount.count, events.channel.count, events.amountNulls?.count ?? events.count],
                       Array(repeating: events.count, count: 5), file: file, line: line)
        for extra in events.extras { XCTAssertEqual(extra.count, events.count, extra.name, file: file, line: line) }
        for column in store.customers.columns { XCTAssertEqual(column.count, store.customerIDs.count, column.name, file: file, line: line) }
    }
}

/// Random event rows with many equal timestamps, and a reference of how they must be stored.
enum RandomEvents {
    struct Row {
        var id: String
        var ts: Int64
        var seq: Int
    }

    static func make(count: Int, customers: Int, seqStart: Int = 0, using rng: inout SplitMix64) -> [Row] {
        let base = utc(2022, 9, 14)
        return (0..<count).map { i in
            // Few distinct times per customer, so ties are common.
            Row(id: "c\(Int.random(in: 0..<customers, using: &rng))", ts: base + Int64.random(in: 0..<12, using: &rng) * 3600, seq: seqStart + i)
        }
    }

    /// CSV text of `rows`, with quoted notes (delimiters, doubled quotes, line breaks) sprinkled in.
    static func csv(_ rows: [Row], using rng: inout SplitMix64) -> String {
        var text = "customer_id,ts,seq,note\n"
        for row in rows {
            let note: String
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: note = "\"multi\nline, \"\"quoted\"\"\""
            case 1: note = "\"a,b\""
            case 2: note = ""
            default: note = "n\(row.seq % 7)"
            }
            let id = Int.random(in: 0..<20, using: &rng) == 0 ? "\"\(row.id)\"" : row.id
            text += "\(id),\(CivilTime.formatDateTime(row.ts).replacingOccurrences(of: " ", with: "T")),\(row.seq),\(note)\n"
        }
        return text
    }

    /// The store's rows are the files' rows sorted by (customer code, ts, position in the files).
    static func assertMatchesReference(_ store: Store, _ files: [[Row]], _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        let all = files.flatMap { $0 }
        let keyed = all.enumerated().map { (code: store.customerIDs.code(of: $0.element.id) ?? -1, ts: $0.element.ts, row: $0.offset, seq: $0.element.seq) }
        XCTAssertFalse(keyed.contains { $0.code < 0 }, "every id is in the dictionary \(message)", file: file, line: line)
        let sorted = keyed.sorted { ($0.code, $0.ts, $0.row) < ($1.code, $1.ts, $1.row) }
        XCTAssertEqual(store.events.extra("seq")?.int64Values, sorted.map { Int64($0.seq) }, message, file: file, line: line)
        XCTAssertEqual(store.events.customer, sorted.map(\.code), message, file: file, line: line)
        XCTAssertEqual(store.events.ts, sorted.map(\.ts), message, file: file, line: line)
        var counts = [Int](repeating: 0, count: store.customerIDs.count)
        for row in keyed { counts[Int(row.code)] += 1 }
        XCTAssertEqual((0..<store.customerIDs.count).map { store.events.rows(of: Int32($0)).count }, counts, message, file: file, line: line)
    }
}
