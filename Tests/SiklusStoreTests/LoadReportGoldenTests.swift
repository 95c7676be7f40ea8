import Foundation
import SiklusTestSupport
import XCTest
@testable import SiklusStore

/// The load reports of `datasets/demo`, compared with `Golden/demo-load-report.txt`.
/// Re-record with `SIKLUS_RECORD=1 swift test --filter LoadReportGoldenTests` and review the diff.
final class LoadReportGoldenTests: XCTestCase {
    private static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let demo = repoRoot.appendingPathComponent("datasets/demo")
    private static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/demo-load-report.txt")

    /// The single-path load, shared by the tests that only read it (the demo takes a moment in debug builds).
    nonisolated(unsafe) private static var singleLoad: Result<(Store, [LoadReport]), Error>?

    private func loadDemo(_ path: LoadPath) throws -> (Store, [LoadReport]) {
        if path == .single {
            if Self.singleLoad == nil { Self.singleLoad = Result { try Self.load(path) } }
            return try Self.singleLoad!.get()
        }
        return try Self.load(path)
    }

    private static func load(_ path: LoadPath) throws -> (Store, [LoadReport]) {
        var store = Store()
        var reports: [LoadReport] = []
        for table in [TableKind.customers, .events, .spend] {
            reports.append(try store.load(table, path: Self.demo.appendingPathComponent("\(table.rawValue).csv").path, options: path.options()))
        }
        return (store, reports)
    }

    func testDemoLoadReportMatchesGolden() throws {
        let (_, reports) = try loadDemo(.single)
        let text = reports.map { $0.render(includeTiming: false) }.joined(separator: "\n\n") + "\n"
        GoldenFile.assertMatches(text, at: Self.golden)
    }

    func testDemoNumbers() throws {
        let (store, reports) = try loadDemo(.single)
        XCTAssertEqual(reports.map(\.rowsLoaded), [5000, 19579, 4380])
        XCTAssertEqual(reports.map(\.rowsSkipped), [0, 0, 0])
        XCTAssertEqual(reports.map(\.distinctCustomers), [5000, 5000, 0])
        XCTAssertEqual(store.customerIDs.count, 5000, "every event customer is in customers.csv")
        XCTAssertEqual(store.customers.rowCount, 5000)
        XCTAssertEqual(store.events.count, 19579)
        XCTAssertEqual(store.spend.count, 4380)
        XCTAssertEqual(store.events.offsets.count, 5001)
        XCTAssertFalse((0..<5000).contains { store.events.rows(of: Int32($0)).isEmpty }, "every customer has an event")
        // All values fall between 2022-01-01 and 2023-12-31.
        for report in reports {
            guard let span = report.timeSpan else { XCTFail("\(report.table) has no time span"); continue }
            XCTAssertGreaterThanOrEqual(span.lowerBound, utc(2022, 1, 1), "\(report.table)")
            XCTAssertLessThan(span.upperBound, utc(2024, 1, 1), "\(report.table)")
        }
        // Purchases have amounts, other events not.
        let purchase = store.strings.code(of: "purchase")
        for i in 0..<store.events.count where (store.events.event[i] == purchase) != store.events.hasAmount(i) {
            return XCTFail("row \(i): amount present \(store.events.hasAmount(i)) for \(store.strings[store.events.event[i]])")
        }
    }

    func testDemoLoadsTheSameOnBothPaths() throws {
        let (single, singleReports) = try loadDemo(.single)
        let (parallel, parallelReports) = try loadDemo(.parallel)
        XCTAssertEqual(singleReports.map { $0.render(includeTiming: false) }, parallelReports.map { $0.render(includeTiming: false) })
        XCTAssertEqual(StoreSnapshot(single), StoreSnapshot(parallel))
    }
}
