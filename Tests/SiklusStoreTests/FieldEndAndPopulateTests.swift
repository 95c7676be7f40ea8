import XCTest
import CMemoryHints
@testable import SiklusStore

/// The parser's field-end search (16 bytes a step, then 8, then 1) against a plain byte loop, and
/// `ColumnMemory.populate`, which must fault pages in without touching what they hold.
final class FieldEndAndPopulateTests: XCTestCase {
    /// The first delimiter or newline in `bytes[start..<end]`, one byte at a time.
    private func referenceEnd(_ bytes: [UInt8], from start: Int, to end: Int, delimiter: UInt8) -> Int {
        var p = start
        while p < end, bytes[p] != delimiter, bytes[p] != UInt8(ascii: "\n") { p += 1 }
        return p
    }

    func testFieldEndMatchesAByteLoopAtEveryOffsetAndLength() {
        var generator = SystemRandomNumberGenerator()
        for delimiter in [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")] {
            let pattern = UInt64(delimiter) &* ChunkParser.ones
            for _ in 0..<300 {
                // Mostly field text, with delimiters, newlines and the other delimiters' bytes (which must not
                // match) at random places, and high bytes (UTF-8) that a signed compare could confuse.
                let count = Int.random(in: 0...80, using: &generator)
                let bytes: [UInt8] = (0..<count).map { _ in
                    switch Int.random(in: 0..<20, using: &generator) {
                    case 0: return delimiter
                    case 1: return UInt8(ascii: "\n")
                    case 2: return [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|"), 0x0D, 0xE2, 0x8A][Int.random(in: 0..<7, using: &generator)]
                    default: return UInt8.random(in: 0x20...0x7E, using: &generator)
                    }
                }
                bytes.withUnsafeBufferPointer { buffer in
                    guard let base = buffer.baseAddress else { return }
                    for start in 0...count {
                        // Every end from the start: the 16- and 8-byte steps must never read or match past it.
                        for end in start...count {
                            XCTAssertEqual(ChunkParser.fieldEnd(base, from: start, to: end, delimiter: delimiter, delimiterPattern: pattern),
                                           referenceEnd(bytes, from: start, to: end, delimiter: delimiter),
                                           "delimiter \(delimiter), start \(start), end \(end), bytes \(bytes)")
                        }
                    }
                }
            }
        }
    }

    func testMatch16SetsTheBitOfEveryMatchingByte() {
        for position in 0..<16 {
            var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 16)
            bytes[position] = UInt8(ascii: ",")
            bytes[(position + 5) % 16] = 0x8A  // a high byte that is neither
            bytes[(position + 9) % 16] = UInt8(ascii: "\n")
            let expected = UInt32(1) << UInt32(position) | UInt32(1) << UInt32((position + 9) % 16)
            XCTAssertEqual(bytes.withUnsafeBytes { siklus_match16($0.baseAddress!, UInt8(ascii: ","), UInt8(ascii: "\n")) }, expected)
        }
    }

    func testPopulateKeepsWrittenPagesAndLeavesTheOthersZeroAndWritable() {
        let page = ColumnMemory.pageSize, count = 64 * page
        let threshold = ColumnMemory.mappingThreshold
        ColumnMemory.mappingThreshold = 1
        defer { ColumnMemory.mappingThreshold = threshold }
        let buffer = ColumnMemory.allocate(UInt8.self, capacity: count)
        defer { ColumnMemory.deallocate(buffer) }
        // Some pages written before, as the parser's earlier rows are.
        for i in 0..<(5 * page + 17) { buffer[i] = UInt8(truncatingIfNeeded: i &* 13 &+ 1) }
        // An unaligned start and end, and a span under a page (nothing to do).
        ColumnMemory.populate(UnsafeMutableRawPointer(buffer + 3), bytes: count - 100, concurrently: true)
        ColumnMemory.populate(UnsafeMutableRawPointer(buffer + 10), bytes: page / 2)
        ColumnMemory.populate(UnsafeMutableBufferPointer(start: buffer, count: count))
        XCTAssertTrue((0..<(5 * page + 17)).allSatisfy { buffer[$0] == UInt8(truncatingIfNeeded: $0 &* 13 &+ 1) }, "populated pages keep their bytes")
        XCTAssertTrue(((5 * page + 17)..<count).allSatisfy { buffer[$0] == 0 }, "fresh pages read as zeros")
        for i in stride(from: 0, to: count, by: 97) { buffer[i] = 0xA5 }
        XCTAssertTrue(stride(from: 0, to: count, by: 97).allSatisfy { buffer[$0] == 0xA5 })
    }

    func testAnArrayBuiltUnzeroedWithoutRecyclingHoldsWhatItsBodyWrote() {
        // Large enough (8 MiB) for its pages to be populated on all cores first.
        let values = [Int64](unzeroedCount: 1 << 20) { out in
            for i in out.indices { out[i] = Int64(i) &* 3 }
        }
        XCTAssertEqual(values.count, 1 << 20)
        XCTAssertTrue(values.indices.allSatisfy { values[$0] == Int64($0) &* 3 })
    }
}
