import Foundation
import SiklusTestSupport
import XCTest
@testable import SiklusStore

/// Customer ids are interned a few rows after they are parsed (`PendingCustomerIDs`, issue 16): the codes
/// must be exactly those of interning each id at once, whatever the ids, drops, escapes and flushes.
final class PendingCustomerIDTests: XCTestCase {
    /// An id of 1–8 bytes (a short key), 9–20 bytes, one with a NUL byte, or one of a few popular ids.
    private func randomID(_ rng: inout SplitMix64) -> [UInt8] {
        switch rng.int(0...9) {
        case 0: return Array("c\(rng.int(0...9))\u{0}x".utf8)
        case 1, 2: return Array("customer-\(rng.int(0...400))-long".utf8)
        case 3: return Array("p\(rng.int(0...3))".utf8)
        default: return Array("u\(rng.int(0...2_000))".utf8).prefix(rng.int(1...8)).map { $0 }
        }
    }

    func testQueuedIDsGetTheCodesOfInterningAtOnce() {
        var rng = SplitMix64(seed: 16_016)
        for round in 0..<24 {
            let owns = round % 2 == 0
            var global = StringDictionary()
            if !owns { for _ in 0..<rng.int(0...300) { global.intern(String(decoding: randomID(&rng), as: UTF8.self)) } }
            // Every third round, a hash under which every id collides: the dictionary must rekey mid-way.
            var customers = round % 3 == 0 ? StringDictionary(hashKey: DictionaryHashKey(seed: UInt64(round), degenerate: true)) : StringDictionary()
            var reference = customers
            let rows = rng.int(1...3_000)
            // The "file": ids back to back in memory that stays valid, as the mapped file does.
            let ids = (0..<rows).map { _ in rng.chance(0.2) ? Array("u7".utf8) : randomID(&rng) }
            let file = UnsafeMutableRawBufferPointer.allocate(byteCount: ids.reduce(0) { $0 + $1.count } + 1, alignment: 8)
            let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 64, alignment: 8)
            defer { file.deallocate(); scratch.deallocate() }
            var pending = PendingCustomerIDs()
            defer { pending.deallocate() }
            var buffer = ColumnBuffer(kind: .customer, capacity: rows)
            defer { buffer.deallocate() }
            var previous = PreviousValue()
            var expected: [Int32] = [], at = 0, row = 0, drops = 0, escapes = 0
            for id in ids {
                id.withUnsafeBytes { (file.baseAddress! + at).copyMemory(from: $0.baseAddress!, byteCount: id.count) }
                var key = UnsafeRawBufferPointer(start: file.baseAddress! + at, count: id.count)
                at += id.count
                let escaped = rng.chance(0.05)
                if escaped {
                    // Unescaped into scratch that the next quoted field overwrites: the queue must copy it.
                    scratch.copyMemory(from: key)
                    key = UnsafeRawBufferPointer(start: scratch.baseAddress, count: id.count)
                    escapes += 1
                }
                if escaped {
                    pending.stage(key, text: key, row: row, previous: nil, into: pending.staged)
                    scratch.initializeMemory(as: UInt8.self, repeating: 0x2A)
                } else {
                    pending.stage(key, text: key, row: row, previous: &previous, into: pending.staged)
                }
                if rng.chance(0.05) {
                    // A dropped row: not committed, and the previous-row cache starts afresh.
                    previous = PreviousValue()
                    drops += 1
                    continue
                }
                pending.commit(codes: &buffer, customers: &customers, global: global, ownsDictionaries: owns)
                expected.append(id.withUnsafeBytes {
                    ChunkParser.intern($0, hash: StringDictionary.hash($0), ownsDictionaries: owns, local: &reference, global: global)
                })
                row += 1
                if rng.chance(0.01) { pending.flush(codes: &buffer, customers: &customers, global: global, ownsDictionaries: owns) }
            }
            pending.flush(codes: &buffer, customers: &customers, global: global, ownsDictionaries: owns)
            XCTAssertEqual(Array(UnsafeBufferPointer(start: buffer.codes, count: row)), expected, "round \(round)")
            XCTAssertEqual(customers.strings, reference.strings, "round \(round)")
            if round % 3 == 0, customers.count > StringDictionary.initialProbeLimit + 1 {
                XCTAssertGreaterThan(customers.probes.rekeys, 0, "round \(round): colliding ids must rekey")
            }
            if rows > 1_000 { XCTAssertGreaterThan(drops * escapes, 0, "round \(round) exercises drops and escapes") }
        }
    }

    func testTimeOrderedLogWithDropsEscapesAndLongIDsLoadsInFirstSeenOrder() throws {
        var rng = SplitMix64(seed: 1_616)
        var text = "customer_id,ts,event,amount\n"
        var kept: [String] = []
        // More rows than several 4 MiB release strides, so queued ids are flushed before pages are handed back.
        var bytes = 0, i = 0
        while bytes < 9 << 20 {
            let id: String
            switch rng.int(0...9) {
            case 0: id = "customer-with-a-long-id-\(rng.int(0...50_000))"
            case 1: id = "q\"\"\(rng.int(0...50))"  // quoted with an escaped quote: the id holds a quote
            default: id = "u\(rng.int(0...99_999))"
            }
            let time = "2022-\(String(format: "%02d", 1 + i / 20_000 % 12))-01 00:00:00"
            var line: String
            switch rng.int(0...199) {
            case 0: line = "\(id),\(time),visit,notanumber\n"  // a bad value: dropped
            case 1: line = ",\(time),visit,\n"  // an empty id: skipped
            default:
                line = id.hasPrefix("q") ? "\"\(id)\",\(time),visit,1\n" : "\(id),\(time),visit,1\n"
                kept.append(id.replacingOccurrences(of: "\"\"", with: "\""))
            }
            text += line
            bytes += line.utf8.count
            i += 1
        }
        var firstSeen: [String] = [], seen = Set<String>()
        for id in kept where seen.insert(id).inserted { firstSeen.append(id) }
        var counts: [String: Int] = [:]
        for id in kept { counts[id, default: 0] += 1 }
        let files = TestFiles()
        for path in LoadPath.allCases {
            let (store, report) = try loadFresh(.events, text, options: path.options(), files: files)
            XCTAssertEqual(report.rowsLoaded, kept.count, path.rawValue)
            XCTAssertEqual(store.customerIDs.strings, firstSeen, "\(path.rawValue): codes in first-seen order")
            for id in firstSeen.prefix(500) {
                let c = Int(store.customerIDs.code(of: id)!)
                XCTAssertEqual(store.events.offsets[c + 1] - store.events.offsets[c], counts[id], "\(path.rawValue): \(id)")
            }
        }
    }

    func testCustomerCountIsEstimatedOnlyWhenIDsComeInRuns() {
        let id = { (i: Int) in Array("u\(i)".utf8) }
        // Grouped by customer, 4 rows each: 1,000 ids in 4,000 sampled rows, so a quarter of the file's rows.
        let grouped = (0..<4_000).map { id($0 / 4) }
        XCTAssertEqual(CustomerCountEstimate(sample: grouped, dataBytes: 4_000_000, bytesPerRecord: 40).expected, 26_250)
        // One row per customer (a customers file): every row a new id.
        XCTAssertEqual(CustomerCountEstimate(sample: (0..<1_000).map(id), dataBytes: 100_000, bytesPerRecord: 10).expected, 10_500)
        // Interleaved (time order): the sample's share of distinct ids says nothing of the file's.
        var rng = SplitMix64(seed: 4)
        let interleaved = (0..<4_000).map { _ in id(rng.int(0...2_500)) }
        XCTAssertEqual(CustomerCountEstimate(sample: interleaved, dataBytes: 4_000_000, bytesPerRecord: 40).expected, 0)
        XCTAssertEqual(CustomerCountEstimate(sample: [], dataBytes: 4_000_000, bytesPerRecord: 40).expected, 0)
    }

    func testTimeOrderedLoadSizesTheCustomerTableByItsIDs() throws {
        // 20,000 customers with 24 events each spread over the whole log: the sample (512 KiB at each end, ~4 %
        // of the rows) holds ~0.65 distinct ids per row, the file 1/24. The table is sized by the ids it holds
        // (at most twice the smallest table that holds them at half load), not by the sample (8× that here).
        var rng = SplitMix64(seed: 8)
        var rows: [(Int64, Int)] = []
        for c in 0..<20_000 { for _ in 0..<24 { rows.append((1_660_000_000 + Int64(rng.int(0...30_000_000)), c)) } }
        rows.sort { $0 < $1 }
        let text = "customer_id,ts,event\n" + rows.map { "u\($0.1),\(CivilTime.formatDateTime($0.0)),visit\n" }.joined()
        let (store, _) = try loadFresh(.events, text, options: LoadPath.parallel.options())
        XCTAssertEqual(store.customerIDs.count, 20_000)
        XCTAssertLessThanOrEqual(store.customerIDs.slots.capacity, 2 * 65_536)
    }
}
