import Foundation
import SiklusTestSupport
import XCTest
@testable import SiklusStore

/// Loading more files: events and spend append, customers update by id.
final class AppendUpdateTests: XCTestCase {
    func testSecondEventsFileAppendsInOrderWithFileOrderAsTieBreaker() {
        let first = "customer_id,ts,event,seq\nu1,2022-09-14 10:00:00,a,1\nu2,2022-09-14 10:00:00,b,2\nu1,2022-09-16,c,3\n"
        let second = "customer_id,ts,event,seq\nu1,2022-09-14 10:00:00,d,4\nu3,2022-09-10,e,5\nu1,2022-09-15,f,6\nu2,2022-09-14 09:00:00,g,7\nu1,2022-09-14 10:00:00,h,8\n"
        forEachPath { path in
            let files = TestFiles()
            var store = Store()
            try store.load(.events, path: files.write("a.csv", first), options: path.options())
            try store.load(.events, path: files.write("b.csv", second), options: path.options())
            XCTAssertEqual(store.customerIDs.strings, ["u1", "u2", "u3"], "[\(path)]")
            // u1 at 10:00: a (first file) before d and h (second file, in its order).
            XCTAssertEqual(store.eventNames, ["a", "d", "h", "f", "c", "g", "b", "e"], "[\(path)]")
            XCTAssertEqual(store.events.extra("seq")?.int64Values, [1, 4, 8, 6, 3, 7, 2, 5], "[\(path)]")
            XCTAssertEqual(store.events.offsets, [0, 5, 7, 8], "[\(path)]")
            XCTAssertEqual(store.loads.map(\.rowsLoaded), [3, 5], "[\(path)]")
        }
    }

    func testExtraColumnsInOnlyOneFileAreNullPadded() throws {
        let files = TestFiles()
        var store = Store()
        try store.load(.events, path: files.write("a.csv", "customer_id,ts,page,amount\nu1,2022-09-14,home,1.5\nu2,2022-09-14,cart,\n"))
        try store.load(.events, path: files.write("b.csv", "customer_id,ts,qty,Page,event\nu1,2022-09-13,3,shop,visit\nu2,2022-09-15,,,login\n"))
        XCTAssertEqual(store.events.extras.map(\.name), ["page", "qty"])
        // Stored order: u1 09-13 (b), u1 09-14 (a), u2 09-14 (a), u2 09-15 (b).
        XCTAssertEqual(store.eventExtraText("page"), ["shop", "home", "cart", ""])
        XCTAssertEqual(store.events.extra("qty")?.int64Values, [3, nil, nil, nil])
        XCTAssertEqual((0..<4).map { store.events.hasAmount($0) ? store.events.amount[$0] : nil }, [nil, 1.5, nil, nil])
        XCTAssertEqual(store.eventNames, ["visit", "purchase", "purchase", "login"])
    }

    func testSecondFileWithAnEmptyTypedExtraColumn() throws {
        let files = TestFiles()
        var store = Store()
        try store.load(.events, path: files.write("a.csv", "customer_id,ts,qty\nu1,2022-09-14,5\n"))
        try store.load(.events, path: files.write("b.csv", "customer_id,ts,qty\nu1,2022-09-15,\nu2,2022-09-15,NA\n"))
        XCTAssertEqual(store.events.extra("qty")?.type, .int)
        XCTAssertEqual(store.events.extra("qty")?.int64Values, [5, nil, nil])
        // A header-only file with the same typed columns appends nothing.
        try store.load(.events, path: files.write("c.csv", "customer_id,ts,qty\n"))
        XCTAssertEqual(store.events.count, 3)
        // Customers too: an empty score column keeps the scores already loaded.
        try store.load(.customers, path: files.write("d.csv", "customer_id,score,joined\nu1,4,2022-01-01\n"))
        try store.load(.customers, path: files.write("e.csv", "customer_id,score,joined\nu2,,\n"))
        XCTAssertEqual(store.customers.column(named: "score")?.type, .int)
        XCTAssertEqual(store.customers.column(named: "joined")?.type, .date)
        XCTAssertEqual(store.customerText("score", of: "u1"), "4")
        XCTAssertEqual(store.customerText("score", of: "u2"), "")
    }

    func testConflictingExtraTypesAreAnError() throws {
        let files = TestFiles()
        var store = Store()
        try store.load(.events, path: files.write("a.csv", "customer_id,ts,qty\nu1,2022-09-14,5\n"))
        let before = StoreSnapshot(store)
        let error = loadError { try store.load(.events, path: files.write("b.csv", "customer_id,ts,qty\nu1,2022-09-15,lots\n")) }
        XCTAssertEqual(error?.message, "column qty is string here but int in the events already loaded")
        XCTAssertEqual(StoreSnapshot(store), before)
    }

    func testLoadingTheSameUnchangedFileAgainIsSkipped() throws {
        let files = TestFiles()
        var store = Store()
        let path = files.write("e.csv", "customer_id,ts,event\nu1,2022-09-14,visit\nu2,2022-09-15,visit\n")
        try store.load(.events, path: path)
        let before = StoreSnapshot(store)
        // The same file under another spelling of its path: skipped, nothing changes, the report says why.
        let again = try store.load(.events, path: (path as NSString).deletingLastPathComponent + "/./e.csv")
        XCTAssertTrue(again.alreadyLoaded)
        XCTAssertEqual(again.rowsLoaded, 0)
        XCTAssertEqual(StoreSnapshot(store), before)
        XCTAssertEqual(store.loads.count, 1)
        XCTAssertEqual(again.render(), "skipped e.csv: events already hold this file, unchanged since it was loaded (loading it again would count every row twice)")
        // Into another table it is a different load; once the file changes it is new data and appends.
        XCTAssertFalse(try store.load(.customers, path: path).alreadyLoaded)
        _ = files.write("e.csv", "customer_id,ts,event\nu3,2022-09-16,visit\n")
        let changed = try store.load(.events, path: path)
        XCTAssertFalse(changed.alreadyLoaded)
        XCTAssertEqual(store.events.count, 3)
    }

    func testWholeNumbersAndDecimalsInDifferentFilesMakeAFloatColumn() throws {
        // Events: ints first, then decimals (the loaded column is widened), then ints again (read as floats).
        let files = TestFiles()
        var store = Store()
        try store.load(.events, path: files.write("a.csv", "customer_id,ts,qty\nu1,2022-09-14,5\nu2,2022-09-14,\n"))
        try store.load(.events, path: files.write("b.csv", "customer_id,ts,qty\nu1,2022-09-15,2.5\n"))
        try store.load(.events, path: files.write("c.csv", "customer_id,ts,qty\nu2,2022-09-16,7\n"))
        XCTAssertEqual(store.events.extra("qty")?.type, .float)
        XCTAssertEqual(store.eventCustomerIDs, ["u1", "u1", "u2", "u2"])
        XCTAssertEqual(store.events.extra("qty")?.doubleValues, [5, 2.5, nil, 7])
        // Customers and spend the same way.
        try store.load(.customers, path: files.write("d.csv", "customer_id,score\nu1,4\nu2,6\n"))
        try store.load(.customers, path: files.write("e.csv", "customer_id,score\nu2,6.5\n"))
        XCTAssertEqual(store.customers.column(named: "score")?.type, .float)
        XCTAssertEqual(store.customers.column(named: "score")?.doubleValues, [4, 6.5])
        try store.load(.spend, path: files.write("f.csv", "date,channel,spend,ctr\n2022-01-01,search,10,3\n"))
        try store.load(.spend, path: files.write("g.csv", "date,channel,spend,ctr\n2022-01-02,search,12,2.75\n"))
        XCTAssertEqual(store.spend.column(named: "ctr")?.type, .float)
        XCTAssertEqual(store.spend.column(named: "ctr")?.doubleValues, [3, 2.75])
    }

    func testLoadingCustomersTwiceUpdatesAndAdds() throws {
        let files = TestFiles()
        var store = Store()
        try store.load(.customers, path: files.write("a.csv", "customer_id,signup_date,channel,country,score\nu1,2022-01-01,search,ID,5\nu2,2022-01-02,social,US,7\nu3,2022-01-03,email,SG,\n"))
        try store.load(.events, path: files.write("e.csv", "customer_id,ts,channel\nu2,2022-09-14,social\nu9,2022-09-14,display\n"))
        let report = try store.load(.customers, path: files.write("b.csv", "customer_id,channel,plan,score\nu2,referral,pro,8\nu4,display,free,1\nu9,search,,\n"))
        XCTAssertEqual(report.rowsLoaded, 3)
        XCTAssertEqual(store.customerIDs.strings, ["u1", "u2", "u3", "u9", "u4"])
        XCTAssertEqual(store.customers.hasRow, [true, true, true, true, true])
        XCTAssertEqual(store.customers.rowCount, 5)
        // Updated, kept, added.
        XCTAssertEqual(store.customerText("channel", of: "u2"), "referral")
        XCTAssertEqual(store.customerText("channel", of: "u1"), "search")
        XCTAssertEqual(store.customerText("channel", of: "u4"), "display")
        XCTAssertEqual(store.customerText("country", of: "u2"), "US", "a column missing from the second file keeps its values")
        XCTAssertEqual(store.customerText("country", of: "u4"), "")
        XCTAssertEqual(store.customerText("signup_date", of: "u1"), "2022-01-01")
        XCTAssertEqual(store.customerText("plan", of: "u2"), "pro")
        XCTAssertEqual(store.customerText("plan", of: "u1"), "", "a new column is null for customers not in its file")
        XCTAssertEqual(store.customerText("score", of: "u2"), "8")
        XCTAssertEqual(store.customerText("score", of: "u1"), "5")
        // Blank cells in an update leave what is known; values replace it.
        try store.load(.customers, path: files.write("c.csv", "customer_id,channel,country,score,plan\nu2,,,,\nu1,,MY,,basic\n"))
        XCTAssertEqual(store.customerText("channel", of: "u2"), "referral")
        XCTAssertEqual(store.customerText("country", of: "u2"), "US")
        XCTAssertEqual(store.customerText("score", of: "u2"), "8")
        XCTAssertEqual(store.customerText("plan", of: "u2"), "pro")
        XCTAssertEqual(store.customerText("country", of: "u1"), "MY")
        XCTAssertEqual(store.customerText("score", of: "u1"), "5")
        XCTAssertEqual(store.customerText("plan", of: "u1"), "basic")
        XCTAssertEqual(store.customers.column(for: .channel)?.name, "channel")
        XCTAssertEqual(store.customers.column(for: .country)?.name, "country")
        XCTAssertEqual(store.customers.column(for: .signup)?.name, "signup_date")
        XCTAssertEqual(store.events.offsets.count, 6)
        for column in store.customers.columns { XCTAssertEqual(column.count, 5, column.name) }
    }

    func testCustomerDatesGainTimesFromALaterFile() throws {
        let files = TestFiles()
        var store = Store()
        try store.load(.customers, path: files.write("a.csv", "customer_id,signup\nu1,2022-01-01\n"))
        try store.load(.customers, path: files.write("b.csv", "customer_id,signup\nu2,2022-01-02 10:00:00\n"))
        XCTAssertEqual(store.customers.column(for: .signup)?.type, .datetime)
        XCTAssertEqual(store.customers.column(for: .signup)?.int64Values, [utc(2022, 1, 1), utc(2022, 1, 2, 10)])
        try store.load(.customers, path: files.write("c.csv", "customer_id,signup\nu3,2022-01-03\n"))
        XCTAssertEqual(store.customers.column(for: .signup)?.type, .datetime)
    }

    func testLaterRowsOfTheSameIdWin() throws {
        let (store, report) = try loadFresh(.customers, "customer_id,channel\nu1,search\nu2,email\nu1,social\n")
        XCTAssertEqual(report.rowsLoaded, 3)
        XCTAssertEqual(report.distinctCustomers, 2)
        XCTAssertEqual(store.customerText("channel", of: "u1"), "social")
    }

    func testCustomersWithOnlyAnIdColumn() throws {
        let (store, report) = try loadFresh(.customers, "customer_id\nu1\nu2\n")
        XCTAssertEqual(report.rowsLoaded, 2)
        XCTAssertEqual(store.customers.rowCount, 2)
        XCTAssertTrue(store.isLoaded(.customers))
        XCTAssertFalse(store.isLoaded(.events))
        XCTAssertFalse(Store().isLoaded(.customers))
        // Header-only: columns but no rows.
        let (headerOnly, _) = try loadFresh(.customers, "customer_id,channel\n")
        XCTAssertFalse(headerOnly.isLoaded(.customers))
        // Customers known only from events have no customer rows.
        let (eventsOnly, _) = try loadFresh(.events, "customer_id,ts\nu1,2022-09-14\n")
        XCTAssertFalse(eventsOnly.isLoaded(.customers))
        XCTAssertTrue(eventsOnly.isLoaded(.events))
    }

    func testSpendAppends() throws {
        let files = TestFiles()
        var store = Store()
        try store.load(.spend, path: files.write("a.csv", "date,channel,spend,impressions,clicks\n2022-01-02,search,1.5,100,3\n2022-01-01,email,0.1,50,1\n"))
        let report = try store.load(.spend, path: files.write("b.csv", "date,channel,spend,campaign\n2022-01-03,search,2,c1\n"))
        XCTAssertEqual(report.rowsLoaded, 1)
        XCTAssertEqual(store.spend.count, 3)
        XCTAssertEqual(store.spend.column(for: .date)?.int64Values, [utc(2022, 1, 2), utc(2022, 1, 1), utc(2022, 1, 3)], "load order, not sorted")
        XCTAssertEqual(store.spend.column(for: .spend)?.doubleValues, [1.5, 0.1, 2])
        XCTAssertEqual(store.spend.column(for: .impressions)?.doubleValues, [100, 50, nil])
        guard case .code(let channels)? = store.spend.column(for: .channel)?.data, case .code(let campaigns)? = store.spend.column(named: "campaign")?.data else {
            return XCTFail("text columns")
        }
        XCTAssertEqual(channels.map { store.strings[$0] }, ["search", "email", "search"])
        XCTAssertEqual(campaigns, [-1, -1, store.strings.code(of: "c1")!])
        XCTAssertEqual(store.customerIDs.count, 0, "spend has no customers")
    }

    func testSpendRowsNeedADate() throws {
        var text = "date,channel,spend\n"
        text += (0..<200).map { "2022-01-\(String(format: "%02d", 1 + $0 % 28)),search,\($0)\n" }.joined()
        text += ",search,5\nNULL,email,1\n"  // lines 202, 203
        let (store, report) = try loadFresh(.spend, text)
        XCTAssertEqual(store.spend.count, 200)
        XCTAssertEqual(report.skipped, [.init(reason: .unexpected(column: "date", expected: .isoTime), count: 2, firstLines: [202, 203])])
        // A missing channel is not a reason to skip.
        let (other, _) = try loadFresh(.spend, "date,channel,spend\n2022-01-01,,5\n")
        XCTAssertEqual(other.spend.column(for: .channel)?.data, .code([-1]))
    }

    func testSpendAppendsDatesWithAndWithoutTimes() throws {
        let files = TestFiles()
        var store = Store()
        try store.load(.spend, path: files.write("a.csv", "date,channel,spend\n2022-01-01,search,1\n"))
        try store.load(.spend, path: files.write("b.csv", "date,channel,spend\n2022-01-02 10:00:00,search,2\n"))
        XCTAssertEqual(store.spend.count, 2)
        XCTAssertEqual(store.spend.column(for: .date)?.int64Values, [utc(2022, 1, 1), utc(2022, 1, 2, 10)])
        XCTAssertEqual(store.spend.column(for: .date)?.type, .datetime)
        // A header-only file after dates leaves the column a date column.
        var dates = Store()
        try dates.load(.spend, path: files.write("d.csv", "date,channel,spend\n2022-01-01,search,1\n"))
        try dates.load(.spend, path: files.write("e.csv", "date,channel,spend\n"))
        XCTAssertEqual(dates.spend.column(for: .date)?.type, .date)
        // And the other way round.
        try store.load(.spend, path: files.write("c.csv", "date,channel,spend\n2022-01-03,search,3\n"))
        XCTAssertEqual(store.spend.column(for: .date)?.int64Values, [utc(2022, 1, 1), utc(2022, 1, 2, 10), utc(2022, 1, 3)])
        XCTAssertEqual(store.spend.column(for: .date)?.type, .datetime)
    }

    func testSpendFilesWithDifferentHeadersForTheSameRoles() throws {
        let files = TestFiles()
        var store = Store()
        try store.load(.spend, path: files.write("a.csv", "date,channel,spend\n2022-01-01,search,1\n"))
        try store.load(.spend, path: files.write("b.csv", "Day,Source,Cost,clicks\n2022-01-02,social,2,7\n"))
        XCTAssertEqual(store.spend.columns.map(\.name), ["date", "channel", "spend", "clicks"])
        XCTAssertEqual(store.spend.column(for: .date)?.int64Values, [utc(2022, 1, 1), utc(2022, 1, 2)])
        XCTAssertEqual(store.spend.column(for: .spend)?.doubleValues, [1, 2])
        XCTAssertEqual(store.spend.column(for: .clicks)?.doubleValues, [nil, 7])
        guard case .code(let channels)? = store.spend.column(for: .channel)?.data else { return XCTFail("channel") }
        XCTAssertEqual(channels.map { $0 < 0 ? "" : store.strings[$0] }, ["search", "social"])
    }

    func testCustomerFilesWithDifferentHeadersForTheSameRoles() throws {
        let files = TestFiles()
        var store = Store()
        try store.load(.customers, path: files.write("a.csv", "customer_id,channel,country\nu1,search,ID\n"))
        try store.load(.customers, path: files.write("b.csv", "user_id,source,nation\nu2,social,US\nu1,email,\n"))
        XCTAssertEqual(store.customers.columns.map(\.name), ["channel", "country"])
        XCTAssertEqual(store.customers.column(for: .channel)?.name, "channel")
        XCTAssertEqual(store.customerText("channel", of: "u1"), "email")
        XCTAssertEqual(store.customerText("channel", of: "u2"), "social")
        XCTAssertEqual(store.customerText("country", of: "u2"), "US")
    }

    func testAColumnNameThatChangesRoleBetweenFiles() throws {
        // market is an extra (int) in the first file, where nation is the country; in the second it is the country.
        let files = TestFiles()
        var store = Store()
        try store.load(.customers, path: files.write("a.csv", "customer_id,nation,market\nu1,ID,5\n"))
        try store.load(.customers, path: files.write("b.csv", "customer_id,market\nu2,US\n"))
        XCTAssertEqual(store.customerText("nation", of: "u2"), "US")
        XCTAssertEqual(store.customerText("market", of: "u1"), "5")
        try store.load(.spend, path: files.write("s1.csv", "date,channel,spend,cost\n2022-01-01,search,1,3\n"))
        try store.load(.spend, path: files.write("s2.csv", "date,channel,cost\n2022-01-02,search,2.5\n"))
        XCTAssertEqual(store.spend.column(for: .spend)?.doubleValues, [1, 2.5])
        XCTAssertEqual(store.spend.column(named: "cost")?.int64Values, [3, nil])
    }

    func testEventsAfterCustomersKeepChannelCodesShared() throws {
        let files = TestFiles()
        var store = Store()
        try store.load(.customers, path: files.write("c.csv", "customer_id,channel\nu1,search\n"))
        try store.load(.events, path: files.write("e.csv", "customer_id,ts,event,channel\nu1,2022-09-14,visit,search\nu1,2022-09-15,visit,social\n"))
        try store.load(.spend, path: files.write("s.csv", "date,channel,spend\n2022-09-14,social,1\n"))
        let search = store.strings.code(of: "search"), social = store.strings.code(of: "social")
        XCTAssertNotNil(search)
        XCTAssertEqual(store.events.channel, [search!, social!])
        XCTAssertEqual(store.customers.column(for: .channel)?.data, .code([search!]))
        XCTAssertEqual(store.spend.column(for: .channel)?.data, .code([social!]))
        XCTAssertEqual(store.strings.strings.filter { $0 == "search" || $0 == "social" }.count, 2, "one code per string")
    }
}
