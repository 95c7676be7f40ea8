import XCTest
@testable import SiklusStore

/// A chunk's customer table grows to the size its ids are heading for when they arrive at a steady rate
/// (`CustomerGrowthProjection`, issue 16), and only by doubling when the rate falls.
final class CustomerGrowthProjectionTests: XCTestCase {
    /// Bytes per row of the simulated file, and rows between checks (the parser checks every 4 MiB).
    private let rowBytes = 40, stride = 100_000

    /// Interns `newIDs(row)` new ids after each row of a chunk of `rows` rows (a repeat otherwise), calling
    /// `check` every `stride` rows as the parser does; returns the dictionary.
    private func simulate(rows: Int, idsEnd: Int, newIDs: (Int) -> Int) -> StringDictionary {
        var dictionary = StringDictionary()
        var projection = CustomerGrowthProjection(idsEnd: idsEnd, start: 0, idsAtStart: 0)
        var made = 0
        for row in 1...rows {
            let target = newIDs(row)
            while made < target { dictionary.intern("c\(made)"); made += 1 }
            if row % stride == 0 { projection.check(&dictionary, rows: row, at: row * rowBytes) }
        }
        return dictionary
    }

    func testSteadyArrivalsSizeTheFirstChunkForTheWholeFile() {
        // The first half of a 4M-row log with a new customer every fourth row: 0.5M ids here, 1M in the file.
        let dictionary = simulate(rows: 2_000_000, idsEnd: 4_000_000 * rowBytes) { $0 / 4 }
        XCTAssertEqual(dictionary.count, 500_000)
        // Doubling alone stops at 1M slots (0.5M fit at five eighths); the file's 1M need 2M, which the
        // merge would otherwise grow to with the other core idle.
        XCTAssertEqual(dictionary.slots.capacity, 1 << 21)
        XCTAssertTrue(SlotTable.Load.merging.holds(1_000_000, in: dictionary.slots.capacity), "the merge of the second half fits")
        for i in Swift.stride(from: 0, to: 500_000, by: 997) { XCTAssertEqual(dictionary.code(of: "c\(i)"), Int32(i)) }
    }

    func testALastChunkIsSizedForItsOwnRows() {
        // The same arrivals in a chunk that ends the file: nothing beyond its rows, so doubling's size.
        let dictionary = simulate(rows: 2_000_000, idsEnd: 2_000_000 * rowBytes) { $0 / 4 }
        XCTAssertEqual(dictionary.slots.capacity, 1 << 20)
    }

    func testFallingArrivalsGrowByDoublingOnly() {
        // Customers coming back more and more (600K of them, drawn at random): new ids per row fall from the
        // start, so the rate of the first rows says nothing of the rest.
        let customers = 600_000.0
        let dictionary = simulate(rows: 4_000_000, idsEnd: 8_000_000 * rowBytes) { row in
            Int(customers * (1 - exp(-Double(row) / customers)))
        }
        XCTAssertGreaterThan(dictionary.count, 590_000)
        XCTAssertEqual(dictionary.slots.capacity, 1 << 20, "doubling's size: 600K fit in 1M slots at five eighths")
    }
}
