import Foundation
import SiklusConnect
import SiklusSQL
import XCTest

/// A million-row table through COPY: every row arrives. The time is printed for the record, never asserted.
final class PostgresCopyVolumeTests: PostgresTestCase {
    func testMillionRowCopy() throws {
        let connection = try connect()
        let rows = 1_000_000
        let customers = (0..<50_000).map { "customer-\($0)" }
        let events = ["visit", "purchase", "login\tweb", "refund\\x"]
        let columns = [
            SQLColumn(name: "customer_id", values: .dictionary(codes: (0..<rows).map { Int32($0 % customers.count) }, strings: customers)),
            SQLColumn(name: "ts", values: .timestamp((0..<rows).map { 1_672_531_200 + Int64($0) * 37 })),
            SQLColumn(name: "event", values: .dictionary(codes: (0..<rows).map { $0 % 10 == 9 ? -1 : Int32($0 % events.count) }, strings: events)),
            SQLColumn(name: "amount", values: .number((0..<rows).map { $0 % 3 == 0 ? Double($0) / 7 : nil })),
            SQLColumn(name: "seq", values: .integer((0..<rows).map { Int64($0) })),
        ]
        let start = Date()
        try connection.createTable("events", columns: columns)
        let copySeconds = Date().timeIntervalSince(start)
        let check = try connection.query("""
            SELECT count(*), sum(seq)::int8, count(event), count(DISTINCT customer_id), max(ts), sum(amount * 7)::int8
            FROM events
            """, isCancelled: { false })
        let thirds = stride(from: 0, to: rows, by: 3).reduce(Int64(0)) { $0 + Int64($1) }
        XCTAssertEqual(check.columns.map(\.values), [
            .integer([Int64(rows)]), .integer([Int64(rows) * Int64(rows - 1) / 2]), .integer([Int64(rows - rows / 10)]),
            .integer([Int64(customers.count)]), .timestamp([1_672_531_200 + Int64(rows - 1) * 37]), .integer([thirds]),
        ])
        let readStart = Date()
        let back = try connection.query("SELECT * FROM events", isCancelled: { false })
        let readSeconds = Date().timeIntervalSince(readStart)
        XCTAssertEqual(back.rowCount, rows)
        print(String(format: "PostgreSQL: COPY of %d rows × 5 columns in %.2f s; SELECT * back (5M cells) in %.2f s", rows, copySeconds, readSeconds))
    }
}
