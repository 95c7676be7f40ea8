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
        // The first half of a 6M-row log with a new customer every fourth row: 0.75M ids here, 1.5M in the file.
        let dictionary = simulate(rows: 3_000_000, idsEnd: 6_000_000 * rowBytes) { $0 / 4 }
        XCTAssertEqual(dictionary.count, 750_000)
        // Doubling alone grows 1M slots to 2M at 0.66M ids (five eighths); the file's 1.5M need 4M, which the
        // merge would otherwise grow to with the other core idle. The projection takes that step at once.
        XCTAssertEqual(dictionary.slots.capacity, 1 << 22)
        XCTAssertTrue(SlotTable.Load.steady.holds(1_500_000, in: dictionary.slots.capacity), "the merged file's ids fit")
        for i in Swift.stride(from: 0, to: 750_000, by: 997) { XCTAssertEqual(dictionary.code(of: "c\(i)"), Int32(i)) }
    }

    func testALastChunkIsSizedForItsOwnRows() {
        // The same arrivals in a chunk that ends the file: nothing beyond its rows, so doubling's size.
        let dictionary = simulate(rows: 3_000_000, idsEnd: 3_000_000 * rowBytes) { $0 / 4 }
        XCTAssertEqual(dictionary.slots.capacity, 1 << 21)
    }

    func testFallingArrivalsGrowByDoublingOnly() {
        // Customers coming back more and more (1.2M of them, drawn at random): new ids per row fall from the
        // start, so the rate of the rows so far says nothing of the rest. Projected from it, 16M rows would
        // have asked for the largest step, 8M slots.
        let customers = 1_200_000.0
        let dictionary = simulate(rows: 3_000_000, idsEnd: 16_000_000 * rowBytes) { row in
            Int(customers * (1 - exp(-Double(row) / customers)))
        }
        XCTAssertGreaterThan(dictionary.count, 1_000_000)
        XCTAssertEqual(dictionary.slots.capacity, 1 << 21, "doubling's size: 1.1M fit in 2M slots at five eighths")
    }
}
