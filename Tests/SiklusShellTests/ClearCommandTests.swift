import Foundation
import SiklusEngine
import SiklusStore
import XCTest
@testable import SiklusShell

/// `.clear`: every table emptied, what was removed confirmed (on stderr) in the interactive shell only.
final class ClearCommandTests: XCTestCase {
    func testClearEmptiesEveryTable() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let events = directory.appendingPathComponent("events.csv").path
        let spend = directory.appendingPathComponent("spend.csv").path
        try "customer_id,ts,event\nu1,2022-09-14,visit\nu2,2022-09-15,visit\n".write(toFile: events, atomically: true, encoding: .utf8)
        try "date,channel,spend\n2022-09-01,social,100\n".write(toFile: spend, atomically: true, encoding: .utf8)
        for interactive in [true, false] {
            let h = ShellHarness(interactive: interactive)
            _ = try h.shell.session.load(.events, path: events)
            _ = try h.shell.session.load(.spend, path: spend)
            XCTAssertEqual(h.run(".clear"), 0)
            for table in TableKind.allCases { XCTAssertFalse(h.shell.session.store.isLoaded(table), "\(table)") }
            XCTAssertEqual(h.shell.session.store.customerIDs.count, 0)
            // A confirmation, not a result: on stderr, and only at the prompt.
            XCTAssertEqual(h.err.text, interactive
                           ? "unloaded events: 2 rows; 2 customer ids with no rows left in any table dropped\nunloaded spend: 1 row\n" : "",
                           "scripts stay quiet")
            XCTAssertEqual(h.out.text, "")
            XCTAssertEqual(h.run(".clear"), 0, "clearing empty tables is no error")
            // The same file loads again after `.clear`: it is no longer "already loaded".
            XCTAssertEqual(try h.shell.session.load(.events, path: events).rowsLoaded, 2)
        }
    }

    func testClearTakesNoArgument() {
        let h = ShellHarness()
        XCTAssertEqual(h.run(".clear events"), 1)
        XCTAssertTrue(h.err.text.contains("error:"), h.err.text)
    }
}
