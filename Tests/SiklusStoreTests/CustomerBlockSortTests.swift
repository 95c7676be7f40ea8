import Foundation
import SiklusTestSupport
import XCTest
@testable import SiklusStore

/// The counting sort by blocks of customers (`CustomerBlockSort`, issue 16) gives the plain stable sort's
/// offsets and order: rows by customer, each customer's rows in row order, across parts.
final class CustomerBlockSortTests: XCTestCase {
    func testBlocksGiveTheStableSortsOffsetsAndOrder() {
        var rng = SplitMix64(seed: 1_617)
        for round in 0..<30 {
            let customerCount = rng.int(0...400)
            let shift = rng.int(0...5)
            // Some parts empty (no old rows, an empty chunk); customers without rows; a few customers with many.
            let parts: [[Int32]] = (0..<rng.int(1...4)).map { _ in
                customerCount == 0 ? [] : (0..<rng.int(0...3_000)).map { _ in
                    Int32(rng.int(0...4) == 0 ? rng.int(0...min(3, customerCount - 1)) : rng.int(0...customerCount - 1))
                }
            }
            let codes = parts.flatMap { $0 }
            let expectedOrder = codes.indices.sorted { (codes[$0], $0) < (codes[$1], $1) }.map { Int32($0) }
            var expectedStarts = [Int](repeating: 0, count: customerCount + 1)
            for c in codes { expectedStarts[Int(c) + 1] += 1 }
            for c in 0..<customerCount { expectedStarts[c + 1] += expectedStarts[c] }

            var starts = [Int](repeating: -7, count: customerCount + 1)
            var order = [Int32](repeating: -7, count: codes.count)
            let buffers = parts.map { part -> UnsafeMutablePointer<Int32> in
                let p = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, part.count))
                p.initialize(from: part, count: part.count)
                return p
            }
            defer { buffers.forEach { $0.deallocate() } }
            starts.withUnsafeMutableBufferPointer { starts in
                order.withUnsafeMutableBufferPointer { order in
                    CustomerBlockSort.sort(parts.indices.map { (UnsafePointer(buffers[$0]), parts[$0].count) }, customerCount: customerCount,
                                           starts: starts, order: order, blockShift: shift)
                }
            }
            XCTAssertEqual(starts, expectedStarts, "round \(round): \(customerCount) customers, blocks of \(1 << shift)")
            XCTAssertEqual(order, expectedOrder, "round \(round)")
        }
    }

    func testOnlyMillionsOfCustomersTakeBlocks() {
        XCTAssertFalse(CustomerBlockSort.isWorthwhile(customerCount: 1_000_000))
        XCTAssertTrue(CustomerBlockSort.isWorthwhile(customerCount: 5_000_000))
    }
}
