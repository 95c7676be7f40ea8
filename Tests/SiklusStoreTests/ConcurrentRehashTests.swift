import Foundation
import SiklusTestSupport
import XCTest
@testable import SiklusStore

/// A large slot table grows on all cores before a merge (`rehashConcurrently`, issue 16): every string
/// stays findable under its code, including runs of entries that cross from one core's region into the next.
final class ConcurrentRehashTests: XCTestCase {
    func testConcurrentGrowthKeepsEveryCodeAndPlacesRunsCrossingARegionsEnd() {
        let capacity = 1 << 18, boundary = capacity / 2
        // Ids whose home under the grown table lies just before the middle, where the second core's slots (the
        // second half of the old table's homes, 2^17 slots) end and the first core's copy starts: their run
        // crosses from one core's slots into the other's, and is placed after the cores are done.
        var crowded: [String] = []
        var i = 0
        while crowded.count < 60 {
            let id = "x\(i)"
            i += 1
            var text = id
            let home = text.withUTF8 { Int(truncatingIfNeeded: StringDictionary.hash(UnsafeRawBufferPointer($0))) } & (capacity - 1)
            if home >= boundary - 30, home < boundary { crowded.append(id) }
        }
        let ids = (0..<60_000).map { $0 % 5 == 0 ? "customer-\($0)-long" : "u\($0)" } + crowded
        var dictionary = StringDictionary()
        // The crowded ids share 30 homes at the end of the table before it grows: their run's last probes can pass
        // the usual limit, and a rekey (another key) would scatter them.
        dictionary.probeLimit = 1 << 12
        for id in ids { dictionary.intern(id) }
        XCTAssertEqual(dictionary.slots.capacity, capacity / 2)
        XCTAssertEqual(dictionary.probes.rekeys, 0, "still under the process's key, which picked the crowded ids")
        let longest = dictionary.rehashConcurrently(capacity)
        XCTAssertEqual(dictionary.slots.capacity, capacity)
        if Parallel.width > 1 { XCTAssertGreaterThanOrEqual(longest, 25, "the crowded run passes the end of a core's slots") }
        let occupied = dictionary.occupiedSlots
        XCTAssertEqual(occupied.short + occupied.long, ids.count, "one slot per string")
        XCTAssertEqual(occupied.long, ids.filter { $0.utf8.count > 8 }.count)
        for (code, id) in ids.enumerated() { XCTAssertEqual(dictionary.code(of: id), Int32(code), id) }
        XCTAssertEqual(dictionary.intern("u59999"), 59_999, "found, not added again")
        XCTAssertEqual(dictionary.intern("new-id"), Int32(ids.count))
    }

    func testMergeIntoALargeTableGivesTheSerialMergesCodes() {
        // Enough ids that the table grown for the merge passes `concurrentRehashSlots`.
        let name = { (i: Int) in i % 11 == 0 ? "customer-\(i)" : "c\(i)" }
        var concurrent = StringDictionary(), serial = StringDictionary(), other = StringDictionary()
        for i in 0..<300_000 { concurrent.intern(name(i)); serial.intern(name(i)) }
        for i in 200_000..<700_000 { other.intern(name(i)) }
        let remap = concurrent.mergeConcurrently(other)
        XCTAssertGreaterThanOrEqual(concurrent.slots.capacity, StringDictionary.concurrentRehashSlots)
        XCTAssertEqual(remap, serial.merge(other))
        XCTAssertEqual(concurrent.strings, serial.strings)
        for i in stride(from: 0, to: 700_000, by: 101) { XCTAssertEqual(concurrent.code(of: name(i)), Int32(i)) }
    }
}
