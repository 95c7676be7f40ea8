import Foundation
import SiklusEngine
import SiklusTestSupport
import XCTest

/// `help stages` while connected counts the customers on the engine (the tables pipelines read), not
/// the in-memory tables, which it used to count.
extension RemoteRunPostgresTests {
    func testHelpStagesCountsTheEnginesCustomers() throws {
        let dir = TestFiles()
        let events = "customer_id,ts,event,amount\na,2024-01-01 10:00:00,visit,\nb,2024-01-02 10:00:00,purchase,5\nc,2024-01-03 10:00:00,cancel,\n"
        let remote = try connectedSession("load events \"\(dir.write("events.csv", events))\"")
        defer { remote.disconnect() }
        // The session's in-memory tables (empty here) are not what is counted: the engine holds 3 customers.
        let text = try XCTUnwrap(remote.help("stages"))
        // The sentences wrap at 80 columns; read them unwrapped.
        let prose = text.replacingOccurrences(of: "\n", with: " ")
        XCTAssertTrue(prose.contains("(the same counts as `cohort | metric stage_share`, computed on PostgreSQL's tables)"), text)
        XCTAssertTrue(prose.contains("as of the last day with an event on PostgreSQL"), text)
        let share = try remote.query("cohort | metric stage_share")
        guard case .text(let stages)? = share.column("stage")?.values, case .integer(let counts)? = share.column("customers")?.values else {
            return XCTFail("stage_share has stage and customers columns")
        }
        let lines = text.split(separator: "\n").map(String.init)
        for (stage, count) in zip(stages, counts) {
            let line = try XCTUnwrap(lines.first { $0.hasPrefix("  \(stage ?? "?") ") }, text)
            XCTAssertTrue(line.contains(" \(count ?? -1) ") || line.hasSuffix(" \(count ?? -1)"), "\(stage ?? "?"): \(line)")
        }
        XCTAssertTrue(text.contains("\n3 customers: 3 in a stage, 0 with no staged event yet"), text)
        // With no events table on the engine, no counts, and the reason.
        let empty = try connectedSession("")
        defer { empty.disconnect() }
        let bare = try XCTUnwrap(empty.help("stages"))
        XCTAssertTrue(bare.replacingOccurrences(of: "\n", with: " ").contains("customers now: not shown (load events on PostgreSQL"), bare)
    }
}
