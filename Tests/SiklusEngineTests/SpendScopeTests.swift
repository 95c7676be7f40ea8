import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage
import SiklusTestSupport

/// Spend metrics follow `where` on ts and on the event channel; other filters cannot narrow spend and say so.
final class SpendScopeTests: XCTestCase {
    private func session() throws -> Session {
        let files = TestFiles()
        addTeardownBlock { _ = files }
        let session = Session()
        _ = try session.load(.customers, path: files.write("c.csv", "customer_id,signup,country,channel\na,2023-01-01,ID,social\nb,2023-01-01,US,email\n"))
        _ = try session.load(.events, path: files.write("e.csv", """
            customer_id,ts,event,amount,channel
            a,2023-01-05 10:00:00,purchase,10,social
            b,2023-02-05 10:00:00,purchase,20,email
            """))
        _ = try session.load(.spend, path: files.write("s.csv", """
            date,channel,spend,impressions,clicks
            2023-01-10,social,100,1000,10
            2023-01-10,email,1,100,1
            2023-02-10,social,200,2000,20
            2023-02-10,email,2,200,2
            """))
        return session
    }

    func testWhereOnTimeAndChannelNarrowsSpend() throws {
        let s = try session()
        XCTAssertEqual(try s.query("events | metric spend").scalar("spend"), 303)
        XCTAssertEqual(try s.query("events | where ts >= 2023-02 | metric spend").scalar("spend"), 202)
        XCTAssertEqual(try s.query("events | where ts = 2023-01 | metric impressions").scalar("impressions"), 1100)
        XCTAssertEqual(try s.query("events | where channel = social | metric spend, clicks").scalar("clicks"), 30)
        XCTAssertEqual(try s.query("events | where channel in (social) and ts < 2023-02 | metric spend").scalar("spend"), 100)
        XCTAssertEqual(try s.query("events | where not channel = social | metric spend").scalar("spend"), 3)
        XCTAssertTrue(try s.query("events | where ts >= 2023-02 | metric spend").notes.isEmpty)
    }

    func testFiltersThatCannotNarrowSpendLeaveANote() throws {
        let s = try session()
        let table = try s.query("cohort | where country = ID | metric spend")
        XCTAssertEqual(table.scalar("spend"), 303)
        XCTAssertEqual(table.notes.count, 1)
        XCTAssertTrue(table.notes[0].contains("`where country = ID` cannot narrow it"), table.notes[0])
        let stage = try s.query("events | stage purchase | metric spend")
        XCTAssertTrue(stage.notes.first?.contains("`stage purchase`") ?? false, "\(stage.notes)")
    }

    /// An empty cohort showed the whole spend.
    func testAnEmptyCohortHasNoSpend() throws {
        let s = try session()
        let table = try s.query("cohort country = XX | metric spend, impressions, cpa")
        XCTAssertEqual(table.scalar("spend"), 0)
        XCTAssertEqual(table.scalar("impressions"), 0)
        XCTAssertNil(table.scalar("cpa"))
        XCTAssertTrue(table.notes.first?.contains("no customer is in scope") ?? false, "\(table.notes)")
    }

    func testExplainShowsTheSQLOfSpendNarrowedByWhere() throws {
        let s = try session()
        var text = ""
        s.run(SourceFile(name: "<test>", text: "explain sql events | where ts >= 2023-02 | metric spend")) { outcome in
            if case .output(.text(let t), _) = outcome { text = t }
            return true
        }
        // The compiler narrows spend rows by the condition's parts on ts and the event channel.
        XCTAssertTrue(text.contains("-- the query (the SQL compiler's"), text)
        XCTAssertTrue(text.contains("spend_groups AS"), text)
        XCTAssertFalse(text.contains("no SQL equivalent"), text)
    }
}
