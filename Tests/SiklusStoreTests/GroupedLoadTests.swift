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
