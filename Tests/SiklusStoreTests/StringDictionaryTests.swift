import XCTest
import SiklusTestSupport
@testable import SiklusStore

/// `StringDictionary` on its own, and dictionary encoding across tables.
final class StringDictionaryTests: XCTestCase {
    func testInternAndLookup() {
        var dictionary = StringDictionary()
        XCTAssertEqual(dictionary.count, 0)
        XCTAssertNil(dictionary.code(of: "a"))
        XCTAssertEqual(dictionary.intern("a"), 0)
        XCTAssertEqual(dictionary.intern("b"), 1)
        XCTAssertEqual(dictionary.intern("a"), 0)
        XCTAssertEqual(dictionary.count, 2)
        XCTAssertEqual(dictionary.code(of: "b"), 1)
        XCTAssertNil(dictionary.code(of: "c"))
        XCTAssertEqual(dictionary[1], "b")
        XCTAssertEqual(dictionary.strings, ["a", "b"])
        XCTAssertEqual(StringDictionary.null, -1)
    }

    func testEmptyStringIsAValue() {
        var dictionary = StringDictionary()
        XCTAssertNil(dictionary.code(of: ""))
        XCTAssertEqual(dictionary.intern("x"), 0)
        XCTAssertEqual(dictionary.intern(""), 1)
        XCTAssertEqual(dictionary.intern(""), 1)
        XCTAssertEqual(dictionary.code(of: ""), 1)
        XCTAssertEqual(dictionary[1], "")
        XCTAssertEqual(dictionary.withBytes(of: 1) { $0.count }, 0)
        XCTAssertEqual(dictionary.count, 2)
    }

    func testNonASCIIUTF8() {
        var dictionary = StringDictionary()
        let values = ["Zürich", "東京", "😀 emoji", "e\u{301}", "é", "Ελλάδα", "\u{0}", "a\u{0}b", "a"]
        let codes = values.map { dictionary.intern($0) }
        XCTAssertEqual(codes, (0..<Int32(values.count)).map { $0 })
        for (value, code) in zip(values, codes) {
            XCTAssertEqual(dictionary[code], value)
            XCTAssertEqual(dictionary.code(of: value), code)
            XCTAssertEqual(dictionary.withBytes(of: code) { Array($0) }, Array(value.utf8))
        }
        // Canonically equivalent but byte-different strings are different values.
        XCTAssertNotEqual(dictionary.code(of: "e\u{301}"), dictionary.code(of: "é"))
    }

    func testByteAndStringInterningAgree() {
        var dictionary = StringDictionary()
        let code = Array("customer-17".utf8).withUnsafeBytes { dictionary.intern($0) }
        XCTAssertEqual(dictionary.code(of: "customer-17"), code)
        XCTAssertEqual(Array("customer-17".utf8).withUnsafeBytes { dictionary.code(of: $0) }, code)
        XCTAssertEqual(dictionary.intern("customer-17"), code)
    }

    func testLengthsAroundWordBoundaries() {
        // The hash reads 8-byte words: strings that differ only in the tail, or only in length, stay distinct.
        var dictionary = StringDictionary()
        var values: [String] = []
        for length in 0...33 {
            values.append(String(repeating: "a", count: length))
            if length > 0 { values.append(String(repeating: "a", count: length - 1) + "b") }
            values.append(String(repeating: "a", count: length) + "\u{0}")
        }
        let codes = values.map { dictionary.intern($0) }
        XCTAssertEqual(Set(codes).count, Set(values).count)
        for (value, code) in zip(values, codes) { XCTAssertEqual(dictionary[code], value) }
    }

    func testGrowthWithManyStrings() {
        var dictionary = StringDictionary()
        let n = 100_000
        for i in 0..<n where dictionary.intern("id-\(i)") != Int32(i) { return XCTFail("intern of id-\(i)") }
        XCTAssertEqual(dictionary.count, n)
        var rng = SplitMix64(seed: 11)
        for _ in 0..<20_000 {
            let i = Int.random(in: 0..<n, using: &rng)
            if dictionary.code(of: "id-\(i)") != Int32(i) { return XCTFail("lookup of id-\(i)") }
            if dictionary[Int32(i)] != "id-\(i)" { return XCTFail("string of \(i)") }
        }
        XCTAssertNil(dictionary.code(of: "id-\(n)"))
        XCTAssertNil(dictionary.code(of: "id-"))
        XCTAssertEqual(dictionary.intern("id-99999"), 99_999, "interning again after growth finds the old code")
        XCTAssertEqual(dictionary.count, n)
    }

    func testTruncateUndoesTheNewestInterns() {
        var dictionary = StringDictionary()
        var rng = SplitMix64(seed: 21)
        var expected: [String] = []
        for round in 0..<300 {
            let mark = dictionary.count
            let added = (0..<Int.random(in: 1...40, using: &rng)).map { "r\(round)-\($0)" }
            for value in added { dictionary.intern(value) }
            if Bool.random(using: &rng) {
                dictionary.truncate(to: mark)
                for value in added where dictionary.code(of: value) != nil { return XCTFail("\(value) survived truncation") }
            } else {
                expected += added
            }
            XCTAssertEqual(dictionary.count, expected.count)
        }
        // Every kept string still has its code, across the table growths in between.
        XCTAssertEqual(dictionary.strings, expected)
        for (code, value) in expected.enumerated() where dictionary.code(of: value) != Int32(code) { return XCTFail("lost \(value)") }
        XCTAssertEqual(dictionary.intern("new"), Int32(expected.count))
        dictionary.truncate(to: 0)
        XCTAssertEqual(dictionary.count, 0)
        XCTAssertNil(dictionary.code(of: expected.first ?? "r0-0"))
        XCTAssertEqual(dictionary.intern("again"), 0)
        XCTAssertEqual(dictionary[0], "again")
    }

    func testTruncateInsideOneLongRunKeepsTheRestFindable() {
        // Every string has the same home slot (a degenerate hash, under the probe limit): each truncate empties a
        // slot in the middle of one run of short and long strings, and the later entries must move back into it.
        var dictionary = StringDictionary(hashKey: DictionaryHashKey(seed: 3, degenerate: true))
        let values = (0..<100).map { $0 % 3 == 0 ? "long-id-number-\($0)" : "s\($0)" }
        for (round, cut) in [90, 60, 61, 30, 0].enumerated() {
            for value in values { dictionary.intern(value) }
            XCTAssertEqual(dictionary.probes.rekeys, 0, "round \(round): 100 strings stay under the probe limit")
            dictionary.truncate(to: cut)
            XCTAssertEqual(dictionary.occupiedSlots.short + dictionary.occupiedSlots.long, cut)
            for (code, value) in values.enumerated() {
                XCTAssertEqual(dictionary.code(of: value), code < cut ? Int32(code) : nil, "round \(round): \(value)")
            }
        }
    }

    func testValueSemantics() {
        var original = StringDictionary()
        original.intern("a")
        var copy = original
        copy.intern("b")
        XCTAssertEqual(original.count, 1)
        XCTAssertNil(original.code(of: "b"))
        XCTAssertEqual(copy.code(of: "b"), 1)
    }

    func testSameCustomerIdGetsOneCodeAcrossTables() throws {
        for customersFirst in [true, false] {
            for path in LoadPath.allCases {
                let files = TestFiles()
                var store = Store()
                let customers = files.write("c.csv", "customer_id,channel\nu3,search\nu1,social\n")
                let events = files.write("e.csv", "customer_id,ts,channel\nu1,2022-09-14,social\nu2,2022-09-14,email\nu3,2022-09-15,search\n")
                if customersFirst {
                    try store.load(.customers, path: customers, options: path.options())
                    try store.load(.events, path: events, options: path.options())
                    XCTAssertEqual(store.customerIDs.strings, ["u3", "u1", "u2"], "[\(path)]")
                } else {
                    try store.load(.events, path: events, options: path.options())
                    try store.load(.customers, path: customers, options: path.options())
                    XCTAssertEqual(store.customerIDs.strings, ["u1", "u2", "u3"], "[\(path)]")
                }
                for id in ["u1", "u2", "u3"] {
                    let code = store.customerIDs.code(of: id)!
                    XCTAssertEqual(store.events.rows(of: code).map { store.events.customer[$0] }, [code], "[\(path)] \(id)")
                }
                // Customer attributes are indexed by the same code; channels share one string code.
                let u1 = Int(store.customerIDs.code(of: "u1")!)
                guard case .code(let channels)? = store.customers.column(for: .channel)?.data else { return XCTFail("channel") }
                XCTAssertEqual(channels[u1], store.strings.code(of: "social"), "[\(path)]")
                XCTAssertEqual(store.events.channel[store.events.rows(of: Int32(u1)).lowerBound], store.strings.code(of: "social"), "[\(path)]")
                XCTAssertEqual(store.strings.strings.filter { ["search", "social", "email"].contains($0) }.count, 3, "[\(path)]")
            }
        }
    }

    func testCodesAreStableAcrossChunksForManyIds() throws {
        // Many ids, each appearing in both halves of the file, on both paths: same dictionary, same codes.
        var rng = SplitMix64(seed: 3)
        var text = "customer_id,ts,event\n"
        for i in 0..<4000 { text += "id\(Int.random(in: 0..<1500, using: &rng)),2022-09-14,e\(i % 37)\n" }
        let single = try loadFresh(.events, text, options: LoadPath.single.options()).0
        let parallel = try loadFresh(.events, text, options: LoadPath.parallel.options()).0
        XCTAssertEqual(single.customerIDs.strings, parallel.customerIDs.strings)
        XCTAssertEqual(single.strings.strings, parallel.strings.strings)
        XCTAssertEqual(single.eventCustomerIDs, parallel.eventCustomerIDs)
        XCTAssertEqual(single.eventNames, parallel.eventNames)
        XCTAssertEqual(Set(single.customerIDs.strings).count, single.customerIDs.count, "no duplicates")
    }

    func testConcurrentMergeMatchesTheSerialMerge() {
        // Large enough for the per-core path; a third of the chunk's strings are already known, and
        // their order is shuffled, so found, new and region-crossing probes all occur.
        var rng = SplitMix64(seed: 77)
        for (known, chunk) in [(0, 70_000), (90_000, 80_000), (5, 200_000)] {
            var base = StringDictionary()
            for i in 0..<known { base.intern("k\(i)") }
            var other = StringDictionary()
            for i in 0..<chunk { other.intern(rng.chance(0.33) && known > 0 ? "k\(rng.int(0..<known))" : "n\(i)-\(rng.next() % 1000)") }
            var serial = base, concurrent = base
            let serialRemap = serial.merge(other)
            let concurrentRemap = concurrent.mergeConcurrently(other)
            XCTAssertEqual(concurrentRemap, serialRemap, "known \(known)")
            XCTAssertEqual(concurrent.count, serial.count)
            XCTAssertEqual(concurrent.strings, serial.strings)
            // The merged table finds every string, and still interns new ones after them.
            for code in stride(from: 0, to: concurrent.count, by: 7) {
                XCTAssertEqual(concurrent.code(of: concurrent[Int32(code)]), Int32(code))
            }
            XCTAssertNil(concurrent.code(of: "absent"))
            XCTAssertEqual(concurrent.intern("absent"), Int32(serial.count))
        }
    }
}
