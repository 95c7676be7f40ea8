import Foundation
import SiklusStore
import SiklusTestSupport
import XCTest
@testable import SiklusEngine

/// `explain … | rows` shows SQL over the files (`DuckDBFileTables` numbers both tables' rows so customers
/// come in store order), and DuckDB running it lists the rows Siklus lists: the listed columns by name
/// (times come back as Unix seconds, which Siklus turns into the ISO text shown), same order.
final class ExplainRowsSQLTests: XCTestCase {
    static let demoPipelines = ["events | rows 40", "customers | rows 40", "cohort | where event = purchase | rows 10 | sort events desc",
                                "cohort | rows 25", "events | where channel = \"email\" | rows 30 | limit 12"]

    /// The demo loads customers, then events.
    func testCustomersLoadedFirst() throws {
        try TeachingFixture.requireDuckDB()
        try check(try XCTUnwrap(TeachingFixture.shared), Self.demoPipelines)
    }

    /// Events first, then a customers file holding some of them and others: codes follow the events,
    /// then the customers file's new ids.
    func testEventsLoadedFirst() throws {
        try TeachingFixture.requireDuckDB()
        let files = TestFiles()
        let events = files.write("e.csv", "customer_id,ts,event,amount\nc3,2024-01-02 10:00:00,visit,\nc1,2024-01-01 09:00:00,purchase,5\n"
                                 + "c3,2024-01-02 10:00:00,purchase,7\nc2,2024-02-01 00:00:00,visit,\n")
        let customers = files.write("c.csv", "customer_id,signup_date,country\nc9,2023-12-01,DE\nc2,2023-12-02,FR\nc8,2023-12-03,ID\nc1,2023-12-04,DE\n")
        let session = Session()
        _ = try TeachingFixture.text("load events \"\(events)\"\nload customers \"\(customers)\"", in: session)
        try check(session, ["events | rows", "customers | rows", "cohort | rows 3"])
    }

    private func check(_ session: Session, _ pipelines: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        var queries: [String] = []
        for pipeline in pipelines {
            let explain = try TeachingFixture.text("explain sql " + pipeline, in: session)
            queries.append(try XCTUnwrap(TeachingFixture.sql(ofExplain: explain), "no SQL for \(pipeline):\n\(explain)", file: file, line: line))
        }
        for (pipeline, result) in zip(pipelines, try TeachingFixture.runInDuckDB(queries)) {
            let expected = try session.query(pipeline)
            let actual = try result.get()
            XCTAssertEqual(actual.rows.count, expected.rowCount, pipeline, file: file, line: line)
            XCTAssertGreaterThan(expected.rowCount, 0, pipeline, file: file, line: line)
            for column in expected.columns {
                guard let c = actual.columns.firstIndex(of: column.name) else { XCTFail("\(pipeline): no \(column.name)", file: file, line: line); continue }
                for r in 0..<min(expected.rowCount, actual.rows.count) where !same(column, r, actual.rows[r][c]) {
                    XCTFail("\(pipeline): row \(r) \(column.name): Siklus \(String(describing: column.values.text(r))), DuckDB \(String(describing: actual.rows[r][c]))",
                            file: file, line: line)
                    return
                }
            }
        }
    }

    /// Equal values; a time Siklus shows as ISO text is the same second (or day) as DuckDB's Unix seconds.
    private func same(_ column: ResultColumn, _ r: Int, _ value: Any?) -> Bool {
        switch column.values {
        case .text(let v):
            guard let text = v[r] else { return value == nil }
            if let string = value as? String { return string == text }
            guard let seconds = (value as? NSNumber)?.int64Value else { return false }
            let full = CivilTime.formatDateTime(seconds)
            // Midnight reads as a date alone, or with 00:00:00 when other times of the column have a time of day.
            return full == text || full + " 00:00:00" == text || (text.count == 10 && full.hasPrefix(text))
        case .integer(let v): return v[r] == nil ? value == nil : (value as? NSNumber)?.int64Value == v[r]
        case .number(let v):
            guard let x = v[r], let y = (value as? NSNumber)?.doubleValue else { return v[r] == nil && value == nil }
            return x == y || abs(x - y) <= 1e-9 * max(abs(x), abs(y))
        }
    }
}

private extension ColumnValues {
    func text(_ row: Int) -> String? {
        switch self {
        case .text(let v): v[row]
        case .integer(let v): v[row].map(String.init)
        case .number(let v): v[row].map { "\($0)" }
        }
    }
}
