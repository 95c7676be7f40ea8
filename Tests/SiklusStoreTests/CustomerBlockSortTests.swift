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
            _ = starts.withUnsafeMutableBufferPointer { starts in
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

/// With `spread`, the sort keeps its two steps apart and `BlockedGather` moves columns through them
/// (issue 16): the result must be the plain gather's, value for value, for every kind of part.
final class BlockedGatherTests: XCTestCase {
    func testSpreadPlacesComposeToTheStableOrder() {
        var rng = SplitMix64(seed: 2_411)
        for round in 0..<20 {
            let customerCount = rng.int(1...300), shift = rng.int(0...5)
            let parts: [[Int32]] = (0..<rng.int(1...4)).map { _ in (0..<rng.int(0...2_000)).map { _ in Int32(rng.int(0...customerCount - 1)) } }
            let codes = parts.flatMap { $0 }
            let expected = codes.indices.sorted { (codes[$0], $0) < (codes[$1], $1) }
            let sorted = Self.sort(parts, customerCount: customerCount, shift: shift)
            for (position, row) in expected.enumerated() {
                XCTAssertEqual(Int(sorted.spread[row]), Int(sorted.local[position]), "round \(round): row \(row) at \(position)")
                // The place after the spread is in the same block as the final position.
                let block = sorted.blockStarts.lastIndex { $0 <= position }!
                XCTAssertTrue((sorted.blockStarts[block]..<sorted.blockStarts[block + 1]).contains(Int(sorted.local[position])))
            }
            XCTAssertEqual(sorted.blockStarts.last, codes.count)
        }
    }

    func testBlockedGatherGivesThePlainGathersColumns() {
        var rng = SplitMix64(seed: 77)
        for round in 0..<12 {
            let customerCount = rng.int(1...200)
            // Part 0 is the table's old rows; chunks follow, one of them possibly empty.
            let parts: [[Int32]] = (0..<rng.int(2...4)).map { _ in (0..<rng.int(0...1_500)).map { _ in Int32(rng.int(0...customerCount - 1)) } }
            let counts = parts.map(\.count), n = counts.reduce(0, +)
            let sorted = Self.sort(parts, customerCount: customerCount, shift: rng.int(0...4))
            let codes = parts.flatMap { $0 }
            let order = codes.indices.sorted { (codes[$0], $0) < (codes[$1], $1) }
            let values = (0..<n).map { _ in Int64(rng.int(-1_000...1_000)) }
            var partStarts: [Int] = [], at = 0
            for c in counts { partStarts.append(at); at += c }
            let old = Array(values[0..<counts[0]])
            let chunks = (1..<counts.count).map { k -> UnsafeMutablePointer<Int64> in
                let p = UnsafeMutablePointer<Int64>.allocate(capacity: max(1, counts[k]))
                p.initialize(from: Array(values[partStarts[k]..<partStarts[k] + counts[k]]), count: counts[k])
                return p
            }
            let spread = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(1, n))
            _ = spread.initialize(from: sorted.spread)
            let gather = BlockedGather(spread: spread, partStarts: partStarts, blockStarts: sorted.blockStarts, count: n)
            defer { gather.deallocate() }
            var released = false
            let column = gather.gather(old: old, parts: chunks.map { Optional($0) }, missing: nil, local: sorted.local) {
                released = true
                chunks.forEach { $0.deallocate() }
            }
            XCTAssertTrue(released)
            XCTAssertEqual(column, order.map { values[$0] }, "round \(round)")
            // Chunks without a buffer read as the missing value; old rows keep theirs.
            let flags = gather.gather(old: old.map { $0 > 0 }, parts: Array(repeating: nil, count: chunks.count), missing: true,
                                      local: sorted.local, release: {})
            XCTAssertEqual(flags, order.map { $0 < counts[0] ? values[$0] > 0 : true }, "round \(round)")
        }
    }

    private static func sort(_ parts: [[Int32]], customerCount: Int, shift: Int) -> (spread: [Int32], local: [Int32], blockStarts: [Int]) {
        let n = parts.reduce(0) { $0 + $1.count }
        let buffers = parts.map { part -> UnsafeMutablePointer<Int32> in
            let p = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, part.count))
            p.initialize(from: part, count: part.count)
            return p
        }
        defer { buffers.forEach { $0.deallocate() } }
        var starts = [Int](repeating: -7, count: customerCount + 1)
        var local = [Int32](repeating: -7, count: n), spread = [Int32](repeating: -7, count: n)
        var blockStarts: [Int] = []
        starts.withUnsafeMutableBufferPointer { starts in
            local.withUnsafeMutableBufferPointer { local in
                spread.withUnsafeMutableBufferPointer { spread in
                    blockStarts = CustomerBlockSort.sort(parts.indices.map { (UnsafePointer(buffers[$0]), parts[$0].count) },
                                                         customerCount: customerCount, starts: starts, order: local, spread: spread,
                                                         blockShift: shift)
                }
            }
        }
        return (spread, local, blockStarts)
    }
}

/// `EventTable.append` through the blocks (millions of customers in a real load, forced here) builds the
/// same table as through the plain gathers: a first load of a time-ordered log, then a second load onto it,
/// with and without amounts, events and null amounts.
final class BlockedAppendTests: XCTestCase {
    func testTheBlockPathBuildsTheSameTableAsThePlainOne() {
        var rng = SplitMix64(seed: 9_001)
        for round in 0..<8 {
            let customerCount = rng.int(1...500)
            let loads = (0..<2).map { _ in Self.randomRows(&rng, customerCount: customerCount, withAmount: rng.int(0...3) > 0,
                                                          withEvent: rng.int(0...3) > 0) }
            var plain = EventTable(), blocked = EventTable()
            for load in loads {
                let a = plain.append(load.rows(), customerCount: customerCount, blocks: false)
                let b = blocked.append(load.rows(), customerCount: customerCount, blocks: true)
                XCTAssertEqual(a.distinctCustomers, b.distinctCustomers, "round \(round)")
                XCTAssertEqual(a.timeSpan, b.timeSpan, "round \(round)")
            }
            // The first differing row, not two whole columns, when they differ.
            func same<T: Equatable>(_ a: [T], _ b: [T], _ name: String) {
                XCTAssertEqual(a.count, b.count, "round \(round): \(name) rows")
                if let i = a.indices.first(where: { $0 < b.count && a[$0] != b[$0] }) {
                    XCTFail("round \(round): \(name) differs first at row \(i): \(a[i]) against \(b[i])")
                }
            }
            same(blocked.customer, plain.customer, "customer")
            same(blocked.ts, plain.ts, "ts")
            same(blocked.event, plain.event, "event")
            same(blocked.amount, plain.amount, "amount")
            XCTAssertEqual(blocked.amountNulls == nil, plain.amountNulls == nil, "round \(round)")
            same(blocked.amountNulls ?? [], plain.amountNulls ?? [], "amount nulls")
            same(blocked.channel, plain.channel, "channel")
            same(blocked.offsets, plain.offsets, "offsets")
            // And the plain path is itself right: each customer's rows in time order, ties in file order.
            for c in 0..<customerCount {
                let rows = plain.offsets[c]..<plain.offsets[c + 1]
                XCTAssertTrue(rows.allSatisfy { plain.customer[$0] == Int32(c) })
                XCTAssertTrue(zip(rows.dropFirst(), rows).allSatisfy { plain.ts[$0.0] >= plain.ts[$0.1] })
            }
        }
    }

    /// One load's chunks, as plain arrays (each `rows()` call copies them into fresh buffers, which `append` frees).
    private struct Load {
        var counts: [Int]
        var customer, event, channel: [[Int32]]
        var ts: [[Int64]]
        var amount: [[Double]]?
        var nulls: [[Bool]?]

        func rows() -> NewEventRows {
            func buffers<T>(_ parts: [[T]]) -> [UnsafeMutablePointer<T>] {
                parts.map { part in
                    let p = UnsafeMutablePointer<T>.allocate(capacity: max(1, part.count))
                    p.initialize(from: part, count: part.count)
                    return p
                }
            }
            return NewEventRows(counts: counts, customer: buffers(customer), ts: buffers(ts), event: event.isEmpty ? nil : buffers(event),
                                purchaseCode: 7, amount: amount.map(buffers), amountNulls: nulls.map { $0.map { buffers([$0])[0] } },
                                channel: buffers(channel), extras: [])
        }
    }

    private static func randomRows(_ rng: inout SplitMix64, customerCount: Int, withAmount: Bool, withEvent: Bool) -> Load {
        let counts = (0..<rng.int(1...3)).map { _ in rng.int(0...800) }
        // Time-ordered rows (customers interleaved) with some equal times and a few out of order.
        var clock = Int64(rng.int(0...1_000))
        func column<T>(_ make: () -> T) -> [[T]] { counts.map { n in (0..<n).map { _ in make() } } }
        let ts = column { () -> Int64 in clock += Int64(rng.int(0...3)); return rng.int(0...20) == 0 ? clock - 50 : clock }
        let hasNulls = withAmount && rng.int(0...1) == 1
        return Load(counts: counts, customer: column { Int32(rng.int(0...customerCount - 1)) },
                    event: withEvent ? column { Int32(rng.int(0...5)) } : [], channel: column { Int32(rng.int(-1...3)) }, ts: ts,
                    amount: withAmount ? column { Double(rng.int(0...500)) / 4 } : nil,
                    nulls: counts.map { n in hasNulls ? (0..<n).map { _ in rng.int(0...3) == 0 } : nil })
    }
}
