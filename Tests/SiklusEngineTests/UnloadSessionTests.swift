import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage
import SiklusStore

/// `unload <table>` and `Session.clear()` (the shell's `.clear`): tables emptied, customer ids left with
/// no rows dropped as `load … replace` drops them, everything else kept.
final class UnloadSessionTests: XCTestCase {
    /// Runs `text`, returning the text outputs; fails the test on an error.
    @discardableResult
    private func run(_ session: Session, _ text: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        var texts: [String] = []
        session.run(SourceFile(name: "<test>", text: text)) { outcome in
            switch outcome {
            case .output(.text(let text), _): texts.append(text)
            case .failure(let d): XCTFail("`\(text)` failed: \(d.message)", file: file, line: line)
            default: break
            }
            return true
        }
        return texts
    }

    private func failure(_ session: Session, _ text: String) -> Diagnostic? {
        var found: Diagnostic?
        session.run(SourceFile(name: "<test>", text: text)) { outcome in
            if case .failure(let d) = outcome { found = d }
            return true
        }
        return found
    }

    /// Events for u1, u2, u3; customers rows for u1 and u4 (u4 has no events); one spend row.
    private func loadedSession() throws -> (Session, URL) {
        let dir = try TestPaths.temporaryDirectory("unload")
        try "customer_id,ts,event,amount\nu1,2022-09-14,purchase,10\nu2,2022-09-15,purchase,20\nu3,2022-09-16,visit,\n"
            .write(to: dir.appendingPathComponent("events.csv"), atomically: true, encoding: .utf8)
        try "customer_id,signup,channel\nu1,2022-09-01,social\nu4,2022-09-02,search\n"
            .write(to: dir.appendingPathComponent("customers.csv"), atomically: true, encoding: .utf8)
        try "date,channel,spend\n2022-09-01,social,100\n"
            .write(to: dir.appendingPathComponent("spend.csv"), atomically: true, encoding: .utf8)
        let session = Session()
        for table in ["customers", "events", "spend"] { run(session, "load \(table) \"\(dir.path)/\(table).csv\"") }
        return (session, dir)
    }

    func testUnloadEventsDropsCustomersWithNoRowsLeft() throws {
        let (session, dir) = try loadedSession()
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(session.store.customerIDs.count, 4)
        let texts = run(session, "let buyers = events | where event = \"purchase\"; set churn_after = 60d; unload events")
        XCTAssertEqual(texts.last, "unloaded events: 3 rows; 2 customer ids with no rows left in any table dropped")
        XCTAssertFalse(session.store.isLoaded(.events))
        // u1 and u4 keep their customers rows; u2 and u3 had only events.
        XCTAssertEqual(session.store.customerIDs.strings.sorted(), ["u1", "u4"])
        XCTAssertTrue(session.store.isLoaded(.customers))
        XCTAssertTrue(session.store.isLoaded(.spend))
        XCTAssertEqual(session.store.loads.map(\.table), [.customers, .spend], "the events load is forgotten")
        XCTAssertEqual(session.vocabulary.variables, ["buyers"], "variables stay")
        XCTAssertEqual(session.settings.churnAfter, 60 * 86_400, "options stay")
        // The same file loads again (it is no longer "already loaded") and counts from scratch.
        run(session, "load events \"\(dir.path)/events.csv\"")
        XCTAssertEqual(try session.query("events | metric events, customers").numbers("events"), [3])
    }

    func testUnloadCustomersKeepsIdsThatHaveEvents() throws {
        let (session, dir) = try loadedSession()
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(run(session, "unload customers"), ["unloaded customers: 2 rows; 1 customer id with no rows left in any table dropped"])
        XCTAssertEqual(session.store.customerIDs.strings.sorted(), ["u1", "u2", "u3"])
        XCTAssertEqual(try session.query("events | metric customers").numbers("customers"), [3])
        XCTAssertEqual(try session.query("events | metric revenue").numbers("revenue"), [30])
    }

    func testUnloadSpendAndAnEmptyTable() throws {
        let (session, dir) = try loadedSession()
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(run(session, "unload spend; unload spend"), ["unloaded spend: 1 row", "unloaded spend: 0 rows"])
        XCTAssertFalse(session.store.isLoaded(.spend))
        XCTAssertEqual(session.store.customerIDs.count, 4)
    }

    func testClearEmptiesEveryTableAndKeepsVariables() throws {
        let (session, dir) = try loadedSession()
        defer { try? FileManager.default.removeItem(at: dir) }
        run(session, "let buyers = events | where event = \"purchase\"")
        let summaries = session.clear()
        XCTAssertEqual(summaries.map(\.table), [.events, .customers, .spend])
        XCTAssertEqual(summaries.map(\.rowsRemoved), [3, 2, 1])
        for table in TableKind.allCases { XCTAssertFalse(session.store.isLoaded(table)) }
        XCTAssertEqual(session.store.customerIDs.count, 0)
        XCTAssertTrue(session.store.loads.isEmpty)
        XCTAssertEqual(session.vocabulary.variables, ["buyers"])
        run(session, "load events \"\(dir.path)/events.csv\"")
        XCTAssertEqual(try session.query("buyers | metric customers").numbers("customers"), [2])
    }

    /// When every customer has a customers row, `unload events` drops no id: the emptied events table must
    /// still index them all (a query over customers crashed reading its offsets before).
    func testUnloadEventsWhenEveryCustomerHasARowKeepsQueriesWorking() throws {
        let (session, dir) = try loadedSession()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "customer_id,signup\nu2,2022-09-03\nu3,2022-09-04\n".write(to: dir.appendingPathComponent("more.csv"), atomically: true, encoding: .utf8)
        run(session, "load customers \"\(dir.path)/more.csv\"")
        XCTAssertEqual(run(session, "unload events"), ["unloaded events: 3 rows"])
        XCTAssertEqual(session.store.events.customerCount, session.store.customerIDs.count)
        XCTAssertEqual(try session.query("cohort | metric customers").numbers("customers"), [4])
        XCTAssertEqual(try session.query("cohort by signup | metric customers, ltv").numbers("ltv"), [0])
        XCTAssertNoThrow(try session.query("cohort by signup | by month | metric ltv"), "the query the fuzz test crashed on")
        XCTAssertEqual(try session.query("cohort by channel | metric customers, revenue").rowCount, 3)
    }

    func testUnloadErrors() {
        let session = Session()
        XCTAssertEqual(failure(session, "unload")?.message, "expected a table (`events`, `customers` or `spend`) after `unload`, found end of input")
        XCTAssertEqual(failure(session, "unload evnts")?.hints.first, "did you mean `events`?")
        XCTAssertNotNil(failure(session, "unload events spend"))
        XCTAssertNotNil(failure(session, "let unload = events"), "`unload` is a statement keyword")
    }
}
