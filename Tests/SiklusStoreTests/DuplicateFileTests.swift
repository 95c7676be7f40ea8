import Foundation
import SiklusTestSupport
import XCTest
@testable import SiklusStore

/// A byte-identical copy of a loaded file (another inode) is refused; `append` forces a load, `replace`
/// replaces the table.
final class DuplicateFileTests: XCTestCase {
    /// About 400 KB, so that three sampled 64 KiB blocks do not cover it.
    private func eventsText(customers: String = "u") -> String {
        "customer_id,ts,event\n" + (0..<12_000).map { "\(customers)\($0 % 50),2022-09-\(10 + $0 % 9) 10:00:00,visit\n" }.joined()
    }

    func testAByteIdenticalCopyIsRefusedWithANote() throws {
        let files = TestFiles()
        var store = Store()
        let text = eventsText()
        try store.load(.events, path: files.write("e.csv", text))
        let report = try store.load(.events, path: files.write("copy.csv", text))
        XCTAssertTrue(report.alreadyLoaded)
        XCTAssertEqual(report.copyOf?.path, files.directory.appendingPathComponent("e.csv").path)
        XCTAssertEqual(report.copyOf?.verified, true)
        XCTAssertEqual(store.events.count, 12_000)
        XCTAssertEqual(store.loads.count, 1)
        let rendered = report.render()
        XCTAssertTrue(rendered.hasPrefix("skipped copy.csv: events already hold a byte-identical copy of this file (loaded as "), rendered)
        XCTAssertTrue(rendered.hasSuffix("To load it anyway: load events \"\(files.directory.appendingPathComponent("copy.csv").path)\" append"), rendered)
        // Another table does not count: the same bytes as customers are new there.
        XCTAssertFalse(try store.load(.customers, path: files.write("c.csv", text)).alreadyLoaded)
    }

    /// Same size, same sampled blocks, one byte different outside them: the whole-file hash tells them apart.
    func testACopyDifferingOutsideTheSamplesLoads() throws {
        let files = TestFiles()
        var store = Store()
        let text = eventsText()
        try store.load(.events, path: files.write("e.csv", text))
        var bytes = Array(text.utf8)
        let offset = 100_000
        XCTAssertTrue(offset > ContentFingerprint.block && offset < bytes.count / 2 - ContentFingerprint.block / 2)
        let at = bytes[offset...].firstIndex(of: UInt8(ascii: "u"))!
        bytes[at] = UInt8(ascii: "v")
        let report = try store.load(.events, path: files.write("near.csv", bytes: bytes))
        XCTAssertFalse(report.alreadyLoaded)
        XCTAssertEqual(store.events.count, 24_000)
    }

    func testAppendForcesTheLoad() throws {
        let files = TestFiles()
        var store = Store()
        let path = files.write("e.csv", eventsText())
        try store.load(.events, path: path)
        XCTAssertTrue(try store.load(.events, path: path).alreadyLoaded)
        XCTAssertFalse(try store.load(.events, path: path, mode: .append).alreadyLoaded)
        XCTAssertFalse(try store.load(.events, path: files.write("copy.csv", eventsText()), mode: .append).alreadyLoaded)
        XCTAssertEqual(store.events.count, 36_000)
    }

    /// `replace` empties the table first; ids only the replaced file had are gone, the rest keep their data.
    func testReplaceReplacesTheTable() throws {
        let files = TestFiles()
        var store = Store()
        try store.load(.customers, path: files.write("c.csv", "customer_id,signup_date,channel\nu1,2022-01-01,search\nu9,2022-01-09,email\n"))
        try store.load(.events, path: files.write("e.csv", "customer_id,ts,event\nu2,2022-09-14,visit\nu1,2022-09-14,visit\nu3,2022-09-15,purchase\n"))
        try store.load(.events, path: files.write("e2.csv", "customer_id,ts,event\nu3,2022-09-16,visit\n"))
        let report = try store.load(.events, path: files.write("f.csv", "customer_id,ts,event\nu4,2022-10-01,visit\nu1,2022-10-02,purchase\nu4,2022-10-03,visit\n"), mode: .replace)
        XCTAssertEqual(report.rowsLoaded, 3)
        XCTAssertEqual(store.events.count, 3)
        XCTAssertEqual(store.loads.map { ($0.path as NSString).lastPathComponent }, ["c.csv", "f.csv"])
        XCTAssertEqual((0..<Int32(store.customerIDs.count)).map { store.customerIDs[$0] }.sorted(), ["u1", "u4", "u9"])
        XCTAssertEqual(store.events.offsets.count, store.customerIDs.count + 1)
        XCTAssertEqual(store.customers.hasRow.count, store.customerIDs.count)
        let u1 = try XCTUnwrap(store.customerIDs.code(of: "u1")), u4 = try XCTUnwrap(store.customerIDs.code(of: "u4")), u9 = try XCTUnwrap(store.customerIDs.code(of: "u9"))
        XCTAssertEqual(store.events.rows(of: u1).map { store.strings[store.events.event[$0]] }, ["purchase"])
        XCTAssertEqual(store.events.rows(of: u4).count, 2)
        XCTAssertEqual(store.events.rows(of: u9).count, 0)
        XCTAssertTrue(store.customers.hasRow[Int(u1)] && store.customers.hasRow[Int(u9)] && !store.customers.hasRow[Int(u4)])
        guard case .code(let channels)? = store.customers.column(for: .channel)?.data else { return XCTFail("no channel column") }
        XCTAssertEqual([u1, u9].map { store.strings[channels[Int($0)]] }, ["search", "email"])
        // A failing replace leaves the table as it was.
        XCTAssertNotNil(loadError { try store.load(.events, path: files.write("bad.csv", "nothing,here\n1,2\n"), mode: .replace) })
        XCTAssertEqual(store.events.count, 3)
    }
}
