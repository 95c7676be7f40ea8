import Foundation
import SiklusTestSupport
import XCTest
@testable import SiklusStore

/// Strings that fit a word are matched by their slot's word (`StringDictionary.shortKey`), not the arena;
/// and a log loads to the same contents whether its rows come grouped by customer or in time order (issue 16).
final class ShortKeyAndLayoutTests: XCTestCase {
    func testShortKeysTellApartStringsThatDifferOnlyInPaddingLengthOrNUL() {
        // Pairs a word comparison could confuse if the padding or NUL bytes were not handled.
        let values = ["a", "a\u{0}", "\u{0}a", "\u{0}", "", "u0480463", "u048046", "u04804630", "abcdefgh", "abcdefg\u{0}",
                      "ab", "ba", "é", "e\u{301}", "12345678", "1234567", "123456789"]
        var dictionary = StringDictionary()
        let codes = values.map { dictionary.intern($0) }
        XCTAssertEqual(codes, (0..<Int32(values.count)).map { $0 }, "each value is new")
        XCTAssertEqual(values.map { dictionary.intern($0) }, codes, "each value is found again")
        XCTAssertEqual(values.map { dictionary.code(of: $0) }, codes)
        // Only 1-8 byte strings without NUL have a key; the others are compared in the arena.
        let keyed = values.map { value -> Bool in
            var v = value
            return v.withUTF8 { StringDictionary.shortKey(UnsafeRawBufferPointer($0)) != 0 }
        }
        XCTAssertEqual(keyed, [true, false, false, false, false, true, true, false, true, false, true, true, true, true, true, true, false])
    }

    func testShortKeysSurviveTruncateMergeAndRekey() {
        var rng = SplitMix64(seed: 16)
        for round in 0..<20 {
            let ids = (0..<rng.int(1...3000)).map { _ in "c\(rng.int(0...2000))" + (rng.int(0...9) == 0 ? "-long-suffix" : "") }
            var whole = StringDictionary(), first = StringDictionary(), second = StringDictionary()
            for id in ids { whole.intern(id) }
            for id in ids.prefix(ids.count / 2) { first.intern(id) }
            for id in ids.dropFirst(ids.count / 2) { second.intern(id) }
            let remap = first.merge(second)
            XCTAssertEqual(first.strings, whole.strings, "round \(round)")
            XCTAssertEqual(remap, second.strings.map { whole.code(of: $0)! })
            let before = whole.strings, keep = rng.int(0...whole.count)
            whole.truncate(to: keep)
            let occupied = whole.occupiedSlots
            XCTAssertEqual(occupied.short + occupied.long, keep, "round \(round): one slot per string left")
            XCTAssertEqual(occupied.long, before.prefix(keep).filter { $0.utf8.count > 8 }.count)
            for (code, id) in before.enumerated() { XCTAssertEqual(whole.code(of: id), code < keep ? Int32(code) : nil, "round \(round)") }
            // The removed strings come back with their old codes; a rekey keeps every code.
            for id in before.dropFirst(keep) { whole.intern(id) }
            XCTAssertEqual(whole.strings, before)
            whole.rekey()
            for (code, id) in before.enumerated() { XCTAssertEqual(whole.code(of: id), Int32(code)) }
        }
    }

    func testConcurrentMergeCarriesShortKeys() {
        // Large enough for `mergeConcurrently`'s parallel path; half the ids are shared, some too long for a key.
        let name = { (i: Int) in i % 7 == 0 ? "customer-\(i)" : "u\(i)" }
        var merged = StringDictionary(), other = StringDictionary()
        for i in 0..<80_000 { merged.intern(name(i)) }
        for i in 40_000..<140_000 { other.intern(name(i)) }
        let remap = merged.mergeConcurrently(other)
        XCTAssertEqual(merged.count, 140_000)
        XCTAssertEqual(merged.occupiedSlots.long, (0..<140_000).filter { $0 % 7 == 0 }.count, "long ids hold their hash")
        XCTAssertEqual(merged.occupiedSlots.short, (0..<140_000).filter { $0 % 7 != 0 }.count, "short ids hold themselves")
        XCTAssertEqual(remap.prefix(3), [40_000, 40_001, 40_002])
        for i in stride(from: 0, to: 140_000, by: 97) { XCTAssertEqual(merged.code(of: name(i)), Int32(i)) }
        XCTAssertEqual(merged.intern(name(139_999)), 139_999, "found through its short key, not added again")
        XCTAssertEqual(merged.count, 140_000)
    }

    func testTimeOrderedAndGroupedLogsLoadToTheSameContents() throws {
        var rng = SplitMix64(seed: 1_616)
        // Customers with a few events each; times distinct within a customer so both layouts have one order.
        var rows: [(id: String, ts: Int64, event: String, amount: String)] = []
        for c in 0..<3_000 {
            let n = rng.int(1...6)
            var t = Int64(1_660_000_000 + rng.int(0...10_000_000))
            for _ in 0..<n {
                t += Int64(rng.int(1...500_000))
                let purchase = rng.int(0...3) == 0
                rows.append(("c\(c)", t, purchase ? "purchase" : "visit", purchase ? "\(rng.int(1...300)).5" : ""))
            }
        }
        let byTime = rows.sorted { $0.ts != $1.ts ? $0.ts < $1.ts : $0.id < $1.id }
        let files = TestFiles()
        func write(_ name: String, _ rows: [(id: String, ts: Int64, event: String, amount: String)]) -> String {
            files.write(name, (["customer_id,ts,event,amount"] + rows.map { "\($0.id),\($0.ts),\($0.event),\($0.amount)" }).joined(separator: "\n") + "\n")
        }
        let grouped = write("grouped.csv", rows), timed = write("timed.csv", byTime)
        // Every customer's events, by id, as text: codes differ between layouts (first-seen order), contents must not.
        func contents(_ path: String) throws -> [String: [String]] {
            var store = Store()
            try store.load(.events, path: path, options: LoadOptions(formats: ["ts": .epochSeconds], parallelThreshold: 0))
            var result: [String: [String]] = [:]
            for code in 0..<Int32(store.customerIDs.count) {
                result[store.customerIDs[code]] = store.events.rows(of: code).map {
                    "\(store.events.ts[$0]) \(store.strings[store.events.event[$0]]) \(store.events.amount[$0])"
                }
            }
            XCTAssertEqual(store.events.count, rows.count)
            return result
        }
        let fromGrouped = try contents(grouped)
        XCTAssertEqual(fromGrouped.count, 3_000)
        XCTAssertEqual(try contents(timed), fromGrouped)
    }
}
