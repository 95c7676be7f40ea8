import Foundation
import SiklusTestSupport
import XCTest
@testable import SiklusStore

/// How full a dictionary's slot table may be (`SlotTable.Load`, issue 16): five eighths when steady; a merge
/// sizes the table for the union's upper bound at three quarters and grows it afterwards only if the union
/// itself passes five eighths.
final class SlotLoadTests: XCTestCase {
    func testInsertsKeepTheTableAtMostFiveEighthsFullAndNoLarger() {
        var dictionary = StringDictionary()
        var previous = dictionary.slots.capacity
        for i in 0..<50_000 {
            dictionary.intern("c\(i)")
            let capacity = dictionary.slots.capacity
            XCTAssertLessThanOrEqual(dictionary.count * 8, capacity * 5, "at most five eighths full at \(dictionary.count)")
            if capacity != previous {
                // It grew on the string that passed five eighths of the old table, not before.
                XCTAssertGreaterThan(dictionary.count * 8, previous * 5, "grew at \(dictionary.count)")
                previous = capacity
            }
        }
        XCTAssertEqual(dictionary.slots.capacity, 1 << 17, "50,000 strings: 81,920 fit in 2^17 slots, 40,960 in 2^16")
        XCTAssertEqual(SlotTable.Load.steady.capacity(for: 655_360, from: 16), 1 << 20)
        XCTAssertEqual(SlotTable.Load.steady.capacity(for: 655_361, from: 16), 1 << 21)
        XCTAssertEqual(SlotTable.Load.merging.capacity(for: 786_432, from: 16), 1 << 20)
        XCTAssertEqual(SlotTable.Load.merging.capacity(for: 786_433, from: 16), 1 << 21)
    }

    func testReservingSizesTheTableForFiveEighths() {
        var dictionary = StringDictionary()
        dictionary.reserveCapacity(655_360)
        XCTAssertEqual(dictionary.slots.capacity, 1 << 20)
        for i in 0..<655_360 { dictionary.intern("u\(i)") }
        XCTAssertEqual(dictionary.slots.capacity, 1 << 20, "no growth up to the reserved count")
    }

    /// Chunks of a time-ordered log share customers: their counts added pass five eighths of the table while
    /// their union does not. The table is not doubled for the bound, and the codes are the serial merge's.
    func testAMergeWhoseUnionFitsDoesNotGrowTheTable() {
        let name = { (i: Int) in i % 7 == 0 ? "customer-\(i)" : "c\(i)" }
        var concurrent = StringDictionary(), serial = StringDictionary(), other = StringDictionary()
        for i in 0..<400_000 { concurrent.intern(name(i)); serial.intern(name(i)) }
        for i in 350_000..<650_000 { other.intern(name(i)) }
        XCTAssertEqual(concurrent.slots.capacity, 1 << 20)
        XCTAssertGreaterThan((concurrent.count + other.count) * 8, (1 << 20) * 5, "the bound alone would need 2^21 slots")
        let remap = concurrent.mergeConcurrently(other)
        XCTAssertEqual(concurrent.count, 650_000)
        XCTAssertEqual(concurrent.slots.capacity, 1 << 20, "the union, 650,000, fits five eighths of 2^20")
        XCTAssertEqual(remap, serial.merge(other))
        XCTAssertEqual(concurrent.strings, serial.strings)
        for i in stride(from: 0, to: 650_000, by: 97) { XCTAssertEqual(concurrent.code(of: name(i)), Int32(i)) }
        XCTAssertEqual(concurrent.probes.rekeys, 0)
    }

    func testAMergeWhoseUnionPassesFiveEighthsGrowsAfterwards() {
        let name = { (i: Int) in i % 7 == 0 ? "customer-\(i)" : "c\(i)" }
        var concurrent = StringDictionary(), serial = StringDictionary(), other = StringDictionary()
        for i in 0..<400_000 { concurrent.intern(name(i)); serial.intern(name(i)) }
        for i in 400_000..<750_000 { other.intern(name(i)) }
        let remap = concurrent.mergeConcurrently(other)
        XCTAssertEqual(concurrent.slots.capacity, 1 << 21, "750,000 strings pass five eighths of 2^20")
        XCTAssertLessThanOrEqual(concurrent.count * 8, concurrent.slots.capacity * 5)
        XCTAssertEqual(remap, serial.merge(other))
        for i in stride(from: 0, to: 750_000, by: 89) { XCTAssertEqual(concurrent.code(of: name(i)), Int32(i)) }
        XCTAssertEqual(concurrent.intern("c749999"), 749_999, "found, not added again")
    }

    /// The grouped load moves each chunk's column into the table a piece at a time, handing the source's
    /// pages back as it goes (`initialize(releasingPagesOf:count:)`).
    func testACopyThatReleasesItsSourceCopiesEveryValueAndHandsThePagesBack() {
        let count = 300_000  // 2.4 MB: its own mapping under malloc, whole pages inside
        let source = UnsafeMutablePointer<Int64>.allocate(capacity: count)
        let target = UnsafeMutablePointer<Int64>.allocate(capacity: count)
        defer { source.deallocate(); target.deallocate() }
        for i in 0..<count { source[i] = Int64(i) &* 7_919 &+ 3 }
        target.initialize(releasingPagesOf: source, count: count, pieceBytes: 64 << 10)
        for i in 0..<count { XCTAssertEqual(target[i], Int64(i) &* 7_919 &+ 3, "value \(i)"); if target[i] != Int64(i) &* 7_919 &+ 3 { break } }
        // A value in the middle lies on a whole page that was handed back: it reads as zero now.
        XCTAssertEqual(source[count / 2], 0, "the source's pages were released")
        // A plain copy (the standard library's) leaves its source as it was.
        let kept = UnsafeMutablePointer<Int64>.allocate(capacity: count)
        defer { kept.deallocate() }
        kept.initialize(from: target, count: count)
        XCTAssertEqual(target[count / 2], Int64(count / 2) &* 7_919 &+ 3)
        XCTAssertEqual(kept[count - 1], Int64(count - 1) &* 7_919 &+ 3)
    }
}
