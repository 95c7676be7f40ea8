import Foundation
import SiklusTestSupport
import XCTest
@testable import SiklusStore

/// Files grouped by customer take the fast path of the first load (no counting sort); its result must be
/// exactly the general order: (customer code, ts, file row), extra columns moved with their rows.
final class GroupedLoadTests: XCTestCase {
    func testGroupedFilesLoadInCustomerTimeFileOrder() throws {
        var rng = SplitMix64(seed: 20_221_124)
        for round in 0..<40 {
            // Customers appear in blocks; times inside a block are shuffled and sometimes tied.
            var rows: [(id: String, ts: Int64, note: String)] = []
            for c in 0..<rng.int(1...40) {
                for _ in 0..<rng.int(1...6) {
                    rows.append(("c\(round)-\(c)", 1_660_000_000 + Int64(rng.int(0...5)) * 3_600, "r\(rows.count)"))
                }
            }
            var lines = ["customer_id,ts,event,amount,note"]
            for row in rows { lines.append("\(row.id),\(row.ts),visit,,\(row.note)") }
            let files = TestFiles()
            let path = files.write("events.csv", lines.joined(separator: "\n") + "\n")
            for parallel in [false, true] {
                var store = Store()
                try store.load(.events, path: path, options: LoadOptions(formats: ["ts": .epochSeconds], parallelThreshold: parallel ? 0 : 1 << 30))
                // Reference: stable sort by (first appearance of the id, ts); file order breaks ties.
                var firstSeen: [String: Int] = [:]
                for row in rows where firstSeen[row.id] == nil { firstSeen[row.id] = firstSeen.count }
                let expected = rows.enumerated().sorted { a, b in
                    let (ka, kb) = (firstSeen[a.element.id]!, firstSeen[b.element.id]!)
                    if ka != kb { return ka < kb }
                    if a.element.ts != b.element.ts { return a.element.ts < b.element.ts }
                    return a.offset < b.offset
                }.map(\.element)
                XCTAssertEqual(store.eventCustomerIDs, expected.map(\.id), "round \(round), parallel \(parallel)")
                XCTAssertEqual(store.events.ts, expected.map(\.ts), "round \(round)")
                guard let note = store.events.extra("note"), case .code(let codes) = note.data else { return XCTFail("no note column") }
                XCTAssertEqual(codes.map { store.strings[$0] }, expected.map(\.note), "extra column follows its rows, round \(round)")
                for code in 0..<Int32(store.customerIDs.count) {
                    XCTAssertTrue(store.events.rows(of: code).allSatisfy { store.events.customer[$0] == code })
                }
            }
        }
    }
}

/// The per-customer time sort used by both index paths.
final class RowRunSorterTests: XCTestCase {
    func testRunsSortStablyByTimeWithEveryColumnMoved() {
        var rng = SplitMix64(seed: 5)
        var sorter = RowRunSorter()
        defer { sorter.deallocate() }
        for round in 0..<500 {
            // Short runs take the insertion sort, long ones (and a regrown buffer) the standard sort.
            let n = round % 10 == 0 ? rng.int(33...300) : rng.int(1...32)
            var ts = (0..<n).map { _ in Int64(rng.int(0...6)) }
            var rows = (0..<n).map { Int32($0) }
            var flags = (0..<n).map { $0 % 3 == 0 }
            let expected = ts.enumerated().sorted { $0.element != $1.element ? $0.element < $1.element : $0.offset < $1.offset }.map(\.offset)
            let sortedBefore = zip(ts, ts.dropFirst()).allSatisfy { $0 <= $1 }
            let moved = ts.withUnsafeMutableBufferPointer { ts in sorter.order(ts.baseAddress!, 0, n) }
            XCTAssertEqual(moved, !sortedBefore, "round \(round)")
            guard moved else { continue }
            let original = ts
            ts.withUnsafeMutableBufferPointer { sorter.apply(to: $0.baseAddress!, from: 0) }
            rows.withUnsafeMutableBufferPointer { sorter.apply(to: $0.baseAddress!, from: 0) }
            flags.withUnsafeMutableBufferPointer { sorter.apply(to: $0.baseAddress!, from: 0) }
            XCTAssertEqual(rows.map(Int.init), expected, "round \(round): stable, ties in row order")
            XCTAssertEqual(ts, expected.map { original[$0] }, "round \(round)")
            XCTAssertEqual(flags, expected.map { $0 % 3 == 0 }, "round \(round)")
        }
    }

    func testARunInsideALargerColumnOnlyTouchesItsRows() {
        var sorter = RowRunSorter()
        defer { sorter.deallocate() }
        var ts: [Int64] = [9, 9, 5, 3, 4, 1, 1]
        var ids: [Int32] = [0, 1, 2, 3, 4, 5, 6]
        XCTAssertTrue(ts.withUnsafeMutableBufferPointer { sorter.order($0.baseAddress!, 2, 5) })
        ts.withUnsafeMutableBufferPointer { sorter.apply(to: $0.baseAddress!, from: 2) }
        ids.withUnsafeMutableBufferPointer { sorter.apply(to: $0.baseAddress!, from: 2) }
        XCTAssertEqual(ts, [9, 9, 3, 4, 5, 1, 1])
        XCTAssertEqual(ids, [0, 1, 3, 4, 2, 5, 6])
    }
}
