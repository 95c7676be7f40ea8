import Foundation
import SiklusTestSupport
import XCTest
@testable import SiklusStore

/// Issue 16: ids of up to 8 bytes live in their dictionary slot (`SlotTable`), longer ones by hash; text
/// values of up to 16 bytes take their code from a per-column cache (`TextCodeCache`).
final class SlotTableAndTextCacheTests: XCTestCase {
    func testIdsOfEightAndNineBytesTakeShortAndLongSlotsUnderAnyKey() {
        // 8-byte ids and the same ids with one more byte: one word each, or a hash and the arena.
        let eight = (0..<300).map { String(format: "u%07d", $0) }
        let nine = eight.map { $0 + "0" }
        let values = zip(eight, nine).flatMap { [$0, $1] } + ["", "a\u{0}", "abcdefg\u{0}"]
        for key in [DictionaryHashKey(seed: 5), DictionaryHashKey(seed: 6, degenerate: true)] {
            var dictionary = StringDictionary(hashKey: key)
            let codes = values.map { dictionary.intern($0) }
            XCTAssertEqual(codes, (0..<Int32(values.count)).map { $0 })
            // Counted: 300 short slots; the 9-byte ids, the empty string and those holding a NUL are long.
            let (short, long) = (dictionary.occupiedSlots.short, dictionary.occupiedSlots.long)
            XCTAssertEqual(short, 300)
            XCTAssertEqual(long, 303)
            if key.isDegenerate { XCTAssertGreaterThan(dictionary.probes.rekeys, 0, "every id in one run: rekeyed") }
            for (code, value) in values.enumerated() { XCTAssertEqual(dictionary.code(of: value), Int32(code), value) }
            XCTAssertNil(dictionary.code(of: "u0000000 "))
            XCTAssertNil(dictionary.code(of: "u000000"))
            // Growth and a new key move slots without reading short ids' bytes; every code stays.
            dictionary.reserveCapacity(10_000)
            dictionary.rekey()
            for (code, value) in values.enumerated() { XCTAssertEqual(dictionary.code(of: value), Int32(code), value) }
        }
    }

    func testTextCacheWordsHoldAValueExactly() {
        // Values a word comparison could confuse: lengths 1–16 around the word boundary, NUL bytes, padding.
        var values: [[UInt8]] = []
        for n in 1...16 { values.append(Array(repeating: 0x61, count: n)); values.append(Array(repeating: 0x61, count: n - 1) + [0]) }
        values += [[0, 0], Array("abcdefgh\u{0}".utf8), Array("abcdefgh".utf8), Array("1234567890123456".utf8), Array("123456789012345".utf8)]
        var seen: [String: [UInt8]] = [:]
        for value in values {
            let (low, high) = value.withUnsafeBytes { TextCodeCache.words($0) }
            let key = "\(low):\(high):\(value.count)"
            XCTAssertNil(seen[key], "\(value) and \(seen[key] ?? []) share words")
            seen[key] = value
        }
    }

    func testTextCacheWordsReadInWholeWordsEqualTheExactOnes() {
        // With 16 bytes readable, a value is read in two loads and masked: whatever follows it (here 0xFF,
        // delimiters, the next value), the words are those read byte-exactly; too near the end, the exact path.
        var rng = SplitMix64(seed: 16)
        for n in 1...16 {
            for filler: UInt8 in [0xFF, UInt8(ascii: ","), 0] {
                let value = (0..<n).map { _ in UInt8(rng.int(1...255)) }
                let bytes = value + Array(repeating: filler, count: 16)
                bytes.withUnsafeBytes { all in
                    let f = UnsafeRawBufferPointer(rebasing: all[0..<n])
                    let exact = TextCodeCache.words(f)
                    let loaded = TextCodeCache.words(f, readableTo: all.baseAddress! + all.count)
                    XCTAssertEqual(exact.0, loaded.0, "\(n) bytes, then \(filler)")
                    XCTAssertEqual(exact.1, loaded.1, "\(n) bytes, then \(filler)")
                    let near = TextCodeCache.words(f, readableTo: all.baseAddress! + n + 15)
                    XCTAssertEqual(exact.0, near.0)
                    XCTAssertEqual(exact.1, near.1)
                }
            }
        }
    }

    func testTextCacheInternsEachValueAboutOnce() {
        // 40 event names over 20,000 rows: the cache misses about once per value (counted), never gives a
        // wrong code, and values past 16 bytes are not its business.
        let names = (0..<40).map { "event_\($0)" } + ["a_value_of_16_by", "a_value_of_17_byt"]
        var rng = SplitMix64(seed: 1_616)
        let cache = TextCodeCache(used: true)
        defer { cache.deallocate() }
        var dictionary = StringDictionary()
        var misses = 0
        for _ in 0..<20_000 {
            var name = names[rng.int(0...(names.count - 1))]
            let code: Int32 = name.withUTF8 { raw in
                let f = UnsafeRawBufferPointer(raw)
                guard f.count <= TextCodeCache.maxLength else { return dictionary.intern(f) }
                return cache.code(of: f) { misses += 1; return dictionary.intern(f) }
            }
            XCTAssertEqual(dictionary[code], name)
        }
        XCTAssertEqual(dictionary.count, names.count)
        // 41 cached values in 256 sets of two: each is interned once, never evicted by another.
        XCTAssertEqual(misses, 41, "one intern per cached value")
        cache.clear()
        var again = false
        _ = "event_1".utf8CString.withUnsafeBytes { cache.code(of: UnsafeRawBufferPointer(rebasing: $0.dropLast())) { again = true; return 0 } }
        XCTAssertTrue(again, "cleared: interned again")
    }

    func testTextValuesLoadExactlyThroughTheCacheWithEvictionsEscapesAndDrops() throws {
        // 600 distinct event values (more than the cache's slots), lengths 1–24, some quoted with "" escapes, and
        // rows dropped for a bad amount after interning a new value: each row must read back its own text.
        var rng = SplitMix64(seed: 909)
        var lines = ["customer_id,ts,event,amount"], kept: [(String, String)] = []
        for r in 0..<6_000 {
            let value = String(repeating: "e", count: rng.int(0...8)) + "\(rng.int(0...599))" + String(repeating: "x", count: rng.int(0...12))
            let quoted = rng.chance(0.1)
            let field = quoted ? "\"\(value)\"\"q\"" : value
            let text = quoted ? value + "\"q" : value
            let id = "c\(rng.int(0...999))"
            if rng.chance(0.005) {
                lines.append("\(id),2024-01-01 00:00:\(String(format: "%02d", r % 60)),\(value)-dropped,not-a-number")
                continue
            }
            lines.append("\(id),2024-01-01 00:00:\(String(format: "%02d", r % 60)),\(field),\(rng.int(1...9))")
            kept.append((id, text))
        }
        for path in LoadPath.allCases {
            let (store, report) = try loadFresh(.events, lines.joined(separator: "\n") + "\n", options: path.options(LoadOptions(parallelThreshold: 0)))
            XCTAssertEqual(store.events.count, kept.count, "[\(path)]")
            XCTAssertGreaterThan(report.skipped.reduce(0) { $0 + $1.count }, 0, "[\(path)] rows were dropped")
            XCTAssertEqual(report.distinctCustomers, Set(kept.map(\.0)).count, "[\(path)]")
            // Per customer, the multiset of event texts (rows are reordered by customer and time).
            var expected: [String: [String]] = [:], loaded: [String: [String]] = [:]
            for (id, text) in kept { expected[id, default: []].append(text) }
            for c in 0..<Int32(store.customerIDs.count) {
                loaded[store.customerIDs[c]] = store.events.rows(of: c).map { store.strings[store.events.event[$0]] }
            }
            XCTAssertEqual(loaded.mapValues { $0.sorted() }, expected.mapValues { $0.sorted() }, "[\(path)]")
            XCTAssertFalse(store.strings.strings.contains { $0.hasSuffix("-dropped") }, "[\(path)] a dropped row leaves no string")
        }
    }
}
