import Foundation
import SiklusTestSupport
import XCTest
@testable import SiklusStore

/// A gzip file of many blocks (~120 at 5M customers): each is a chunk with its own dictionaries, merged
/// one after another, and a chunk of rows the index gathers from.
extension GzipLoadTests {
    /// Customers interleaved in time order (as analytics exports are): every block sees most of them again.
    private func timeOrderedEvents(rows: Int, customers: Int) -> String {
        var text = "customer_id,ts,event,amount,channel\n"
        for i in 0..<rows {
            let day = 1 + i * 28 / rows
            text += "c\((i * 7_919) % customers),2022-02-\(day < 10 ? "0" : "")\(day) 10:00:00,\(i % 5 == 0 ? "purchase" : "visit"),"
            text += "\(i % 5 == 0 ? "9.5" : ""),\(["web", "app", "store"][i % 3])\n"
        }
        return text
    }

    func testATimeOrderedFileOfManyBlocksLoadsAsThePlainFileDoes() throws {
        let text = timeOrderedEvents(rows: 6000, customers: 1500)
        let files = TestFiles()
        // A store with customers already: the blocks look them up first; new ones follow in file order.
        let first = files.write("a.csv", "customer_id,ts,event\nc5,2022-01-01 00:00:00,visit\nzz,2022-01-02 00:00:00,visit\n")
        var plain = Store()
        _ = try plain.load(.events, path: first)
        _ = try plain.load(.events, path: files.write("time.csv", text))
        let path = files.write("time.csv.gz", bytes: try gzip(Array(text.utf8)))
        for single in [false, true] {
            var options = options(blockBytes: 1024)
            options.singleThreaded = single
            var store = Store()
            _ = try store.load(.events, path: first)
            XCTAssertEqual(try store.load(.events, path: path, options: options).rowsLoaded, 6000)
            XCTAssertEqual(StoreSnapshot(store), StoreSnapshot(plain), "single-threaded: \(single)")
            // Sized from an estimate of the blocks' distinct ids, the table is no larger than growing makes it
            // (a power of two at most five eighths full: 1.6 to 3.2 slots per id).
            XCTAssertLessThanOrEqual(store.customerIDs.slots.capacity, 4 * store.customerIDs.count)
        }
        XCTAssertEqual(plain.customerIDs.code(of: "zz"), 1)
    }

    func testTheDistinctIdsOfManyBlocksAreEstimatedWithinAFewPercent() {
        // Blocks of a time-ordered log: each holds a window of ids that overlaps its neighbours'.
        for (total, perBlock) in [(900, 60), (40_000, 3_000), (300_000, 20_000)] {
            let blocks = (0..<30).map { k -> StringDictionary in
                var block = StringDictionary()
                let first = k * (total - perBlock) / 29
                for i in first..<(first + perBlock) { block.intern("u\(i)") }
                return block
            }
            let estimate = DistinctStringEstimate(blocks).count
            XCTAssertLessThan(abs(Double(estimate - total)) / Double(total), 0.05, "\(total) ids estimated as \(estimate)")
        }
    }

    func testMergingBlockAfterBlockGrowsTheDictionaryGeometrically() {
        // 300 blocks' dictionaries merged in turn: reserving each merge's exact need reallocated (copied)
        // the final dictionary's arrays at every merge; growing them at least twofold, a dozen times in all.
        var merged = StringDictionary()
        var reallocations = (arena: 0, starts: 0)
        for k in 0..<300 {
            var block = StringDictionary()
            // Half the ids were in earlier blocks.
            for i in 0..<500 { block.intern("c\(i % 2 == 0 ? k * 250 + i / 2 : i / 2)") }
            let before = (merged.arena.capacity, merged.starts.capacity)
            let remap = merged.mergeConcurrently(block)
            XCTAssertEqual(remap.map { merged[$0] }, block.strings, "block \(k)")
            if merged.arena.capacity != before.0 { reallocations.arena += 1 }
            if merged.starts.capacity != before.1 { reallocations.starts += 1 }
        }
        XCTAssertEqual(merged.count, 300 * 250)
        XCTAssertLessThanOrEqual(max(reallocations.arena, reallocations.starts), 16, "\(reallocations)")
    }

    func testEachRowsChunkIsFoundInAStepOrTwo() {
        // ~120 chunks (one per gzip block), some empty, after old rows: every new row's chunk is the one
        // holding it, found from its bucket's first chunk in at most a step per chunk starting in the bucket.
        let counts = (0..<120).map { k in k % 17 == 5 ? 0 : 5_000 + (k * 7_919) % 9_000 }
        let segments = RowSegments(oldCount: 1_234, counts: counts)
        var row = 1_234
        var longest = 0, wrong = 0
        for (k, count) in counts.enumerated() {
            for r in row..<(row + count) {
                if segments.part(of: r) != k { wrong += 1 }
                longest = max(longest, k - segments.bucketPart(of: r))
            }
            row += count
        }
        XCTAssertEqual(wrong, 0, "rows found in the wrong chunk")
        // A 4,096-row bucket meets at most two non-empty chunks of 5,000 rows or more, and an empty one between.
        XCTAssertLessThanOrEqual(longest, 2, "a lookup walked \(longest) chunks")
    }
}
