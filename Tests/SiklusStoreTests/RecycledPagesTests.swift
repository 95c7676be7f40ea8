import XCTest
@testable import SiklusStore

/// `ColumnMemory`'s mapped buffers and `RecycledPages`: pages move into the next array with their bytes, a
/// buffer grows without losing values, and a load whose every buffer is mapped (and recycled) builds the same
/// store as one from malloc.
final class RecycledPagesTests: XCTestCase {
    /// Runs `body` with every column buffer mapped, however small.
    private func withEveryBufferMapped<T>(_ body: () throws -> T) rethrows -> T {
        let threshold = ColumnMemory.mappingThreshold
        ColumnMemory.mappingThreshold = 1
        defer { ColumnMemory.mappingThreshold = threshold }
        return try body()
    }

    func testDonatedPagesMoveIntoTheNextArrayWithTheirBytes() {
        let page = ColumnMemory.pageSize, bytes = 64 * page
        let mappedBefore = ColumnMemory.mappedCount, movedBefore = RecycledPages.movedInProcess
        let pool = RecycledPages()
        // 256 KiB is under the threshold: from malloc, and freed there, not donated.
        let small = ColumnMemory.allocate(UInt8.self, capacity: bytes)
        XCTAssertEqual(ColumnMemory.mappedCount, mappedBefore)
        ColumnMemory.deallocate(small, recycling: pool)
        withEveryBufferMapped {
            let source = ColumnMemory.allocate(UInt8.self, capacity: bytes)
            XCTAssertEqual(ColumnMemory.mappedCount, mappedBefore + 1)
            for i in 0..<bytes { source[i] = UInt8(truncatingIfNeeded: i &* 31 &+ 7) }
            ColumnMemory.deallocate(source, recycling: pool)
            XCTAssertEqual(ColumnMemory.mappedCount, mappedBefore, "a freed buffer is no longer counted")
        }
        var sawPattern = false
        let out = [UInt8](unzeroedCount: bytes + 3 * page, recycling: pool) { out in
            // The first whole page of `out` holds the source's first page: moved, not zeroed or copied.
            let first = (Int(bitPattern: out.baseAddress!) + page - 1) / page * page - Int(bitPattern: out.baseAddress!)
            sawPattern = (0..<bytes).allSatisfy { out[first + $0] == UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            for i in out.indices { out[i] = UInt8(truncatingIfNeeded: i) }
        }
        pool.drain()
        XCTAssertTrue(sawPattern, "the donated pages became the array's, bytes and all")
        XCTAssertEqual(out.count, bytes + 3 * page)
        XCTAssertTrue(out.indices.allSatisfy { out[$0] == UInt8(truncatingIfNeeded: $0) }, "the moved pages are writable")
        XCTAssertGreaterThanOrEqual(RecycledPages.movedInProcess - movedBefore, bytes)
    }

    func testAMappedBufferGrowsWithItsValues() {
        let mappedBefore = ColumnMemory.mappedCount
        var p = ColumnMemory.allocate(Int64.self, capacity: 1 << 20)  // 8 MiB: mapped
        XCTAssertEqual(ColumnMemory.mappedCount, mappedBefore + 1)
        for i in 0..<(1 << 20) { p[i] = Int64(i) * 3 }
        p = ColumnMemory.reallocate(p, count: 1 << 20, capacity: 3 << 20)
        for i in (1 << 20)..<(3 << 20) { p[i] = Int64(i) * 3 }
        XCTAssertTrue((0..<(3 << 20)).allSatisfy { p[$0] == Int64($0) * 3 })
        XCTAssertEqual(ColumnMemory.mappedCount, mappedBefore + 1, "the grown buffer replaces the old one")
        ColumnMemory.deallocate(p)
        XCTAssertEqual(ColumnMemory.mappedCount, mappedBefore)
        // A small buffer comes from malloc, and grows into a mapped one when it must.
        var q = ColumnMemory.allocate(Int32.self, capacity: 100)
        XCTAssertEqual(ColumnMemory.mappedCount, mappedBefore)
        for i in 0..<100 { q[i] = Int32(i) }
        q = ColumnMemory.reallocate(q, count: 100, capacity: 2 << 20)
        XCTAssertEqual(ColumnMemory.mappedCount, mappedBefore + 1)
        XCTAssertTrue((0..<100).allSatisfy { q[$0] == Int32($0) })
        ColumnMemory.deallocate(q)
        XCTAssertEqual(ColumnMemory.mappedCount, mappedBefore)
    }

    /// Both gathers (by rows, and through the blocks of millions of customers), on a first load and a second
    /// onto it, with every buffer mapped and recycled: the same store as with malloc's buffers, and no
    /// mapping left behind.
    func testALoadWithEveryBufferMappedBuildsTheSameStore() throws {
        let text = Self.log(rows: 6_000, customers: 700, month: 1), more = Self.log(rows: 2_000, customers: 900, month: 2)
        func load() throws -> Store {
            var store = Store()
            for (k, text) in [text, more].enumerated() {
                let path = NSTemporaryDirectory() + "recycled-\(ProcessInfo.processInfo.processIdentifier)-\(k).csv"
                try text.write(toFile: path, atomically: true, encoding: .utf8)
                defer { try? FileManager.default.removeItem(atPath: path) }
                try store.load(.events, path: path, options: LoadPath.parallel.options())
            }
            return store
        }
        let plain = try load()
        let mappedBefore = ColumnMemory.mappedCount, movedBefore = RecycledPages.movedInProcess
        let recycled = try withEveryBufferMapped { try load() }
        XCTAssertEqual(StoreSnapshot(recycled), StoreSnapshot(plain))
        XCTAssertEqual(ColumnMemory.mappedCount, mappedBefore, "every mapped buffer was freed")
        XCTAssertGreaterThan(RecycledPages.movedInProcess, movedBefore, "pages moved")

        var blocksPlain = EventTable(), blocksRecycled = EventTable()
        for (k, mapped) in [false, true].enumerated() {
            let rows = { mapped ? self.withEveryBufferMapped { Self.rows(of: plain.events) } : Self.rows(of: plain.events) }()
            let summary = k == 0 ? blocksPlain.append(rows, customerCount: plain.customerIDs.count, blocks: true)
                : blocksRecycled.append(rows, customerCount: plain.customerIDs.count, blocks: true)
            XCTAssertEqual(summary.distinctCustomers, plain.customerIDs.count)
        }
        XCTAssertEqual(blocksRecycled.customer, blocksPlain.customer)
        XCTAssertEqual(blocksRecycled.ts, blocksPlain.ts)
        XCTAssertEqual(blocksRecycled.event, blocksPlain.event)
        XCTAssertEqual(blocksRecycled.amount, blocksPlain.amount)
        XCTAssertEqual(blocksRecycled.amountNulls, blocksPlain.amountNulls)
        XCTAssertEqual(blocksRecycled.channel, blocksPlain.channel)
        XCTAssertEqual(blocksRecycled.offsets, blocksPlain.offsets)
        XCTAssertEqual(ColumnMemory.mappedCount, mappedBefore)
    }

    /// On two cores, the second chunk's customer table (over 1 MiB: a mapping of its own) is merged into the
    /// first's, and its pages become the index's first arrays: moved pages with buffers too small to be mapped,
    /// and the same store as one core builds.
    func testAMergedCustomerTableGivesItsPagesToTheIndex() throws {
        var text = "customer_id,ts,event,amount\n"
        for i in 0..<160_000 { text += "c\((i &* 7_919) % 100_000),2022-03-\(String(format: "%02d", 1 + i / 6_000)) 08:00:00,e\(i % 3),\(i % 9)\n" }
        let moved = RecycledPages.movedInProcess
        let (parallel, _) = try loadFresh(.events, text, options: LoadPath.parallel.options())
        XCTAssertGreaterThan(RecycledPages.movedInProcess, moved, "the merged table's pages moved")
        let (single, _) = try loadFresh(.events, text, options: LoadPath.single.options())
        XCTAssertEqual(StoreSnapshot(parallel), StoreSnapshot(single))
        XCTAssertEqual(parallel.customerIDs.count, 100_000)
    }

    /// Loads that fail (too many bad rows; a column read again as text, then bad rows) leave no mapped buffer behind.
    func testFailedLoadsLeaveNoMappedBuffer() throws {
        var bad = "customer_id,ts,amount\n", text = "customer_id,ts,amount,note\n"
        for i in 0..<2_000 {
            bad += "c\(i % 97),2022-01-\(String(format: "%02d", 1 + i % 28)) 00:00:00,\(i % 10 == 0 ? "lots" : "\(i)")\n"
            text += "c\(i % 97),2022-01-\(String(format: "%02d", 1 + i % 28)) 00:00:00,\(i % 10 == 0 ? "lots" : "\(i)"),\(i > 1_900 ? "x\(i)" : "\(i)")\n"
        }
        let mappedBefore = ColumnMemory.mappedCount
        for input in [bad, text] {
            for path in LoadPath.allCases {
                XCTAssertThrowsError(try withEveryBufferMapped { try loadFresh(.events, input, options: path.options()) }, "\(path)")
                XCTAssertEqual(ColumnMemory.mappedCount, mappedBefore, "\(path): every buffer was freed")
            }
        }
    }

    /// An event table's rows in reverse, as new rows in two chunks of `ColumnMemory` buffers.
    private static func rows(of events: EventTable) -> NewEventRows {
        let n = events.count, half = n / 2
        func buffers<T>(_ column: [T]) -> [UnsafeMutablePointer<T>] {
            let reversed = Array(column.reversed())
            return [0..<half, half..<n].map { range in
                let p = ColumnMemory.allocate(T.self, capacity: range.count)
                p.initialize(from: Array(reversed[range]), count: range.count)
                return p
            }
        }
        return NewEventRows(counts: [half, n - half], customer: buffers(events.customer), ts: buffers(events.ts), event: buffers(events.event),
                            purchaseCode: 0, amount: buffers(events.amount), amountNulls: events.amountNulls.map { buffers($0).map { Optional($0) } } ?? [nil, nil],
                            channel: buffers(events.channel), extras: [])
    }

    /// A time-ordered log with null amounts and a channel.
    private static func log(rows: Int, customers: Int, month: Int) -> String {
        var text = "customer_id,ts,event,amount,channel\n"
        var state: UInt64 = UInt64(month)
        for i in 0..<rows {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let customer = Int(state >> 40) % customers
            let amount = i % 5 == 0 ? "" : "\(i % 70).25"
            text += "c\(customer),2022-\(String(format: "%02d", month))-\(String(format: "%02d", 1 + i * 27 / rows)) 10:00:00,e\(i % 4),\(amount),ch\(i % 3)\n"
        }
        return text
    }
}
