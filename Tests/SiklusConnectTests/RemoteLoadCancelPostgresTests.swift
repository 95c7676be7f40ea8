import Foundation
import SiklusEngine
import SiklusLanguage
import SiklusTestSupport
import XCTest

/// Ctrl-C during `load events "file"` while connected: the load says it was cancelled, and the engine's
/// events table and the session's bindings are as they were.
extension RemoteRunPostgresTests {
    func testACancelledLoadLeavesTheEngineTablesAsTheyWere() throws {
        let dir = TestFiles()
        let first = dir.write("first.csv", "customer_id,ts,event,amount\na,2024-01-01 10:00:00,purchase,10\n")
        let big = dir.write("big.csv", "customer_id,ts,event,amount\n" + (0..<50_000).map { "c\($0),2024-02-01 10:00:00,purchase,1\n" }.joined())
        let remote = try connectedSession("load events \"\(first)\"")
        defer { remote.disconnect() }
        let before = try remote.query("events | metric customers, revenue")
        let flag = CancelFlag()
        flag.set()
        remote.isCancelled = { flag.value }
        XCTAssertThrowsError(try run("load events \"\(big)\"", in: remote)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "cancelled: events was not written to PostgreSQL; its tables are as they were", "\(error)")
        }
        flag.reset()
        XCTAssertEqual(try remote.query("events | metric customers, revenue"), before)
        XCTAssertEqual(remote.engineStatus.bindings.first?.rowCount, 1, "the binding still describes the first file")
    }
}
