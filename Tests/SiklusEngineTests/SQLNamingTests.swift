import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage

/// `explain`'s SQL must always be a valid query: unique CTE names, none hiding a source table (the
/// allocator and empty `IN` lists are checked in SiklusSQLTests: `SQLQueryBuilderTests`, `SQLPrinterTests`).
final class SQLNamingTests: XCTestCase {
    /// The CTE names of a rendered query (`name AS (` lines).
    private func cteNames(_ sql: String) -> [String] {
        sql.split(separator: "\n").compactMap { line -> String? in
            guard line.hasSuffix(" AS ("), !line.hasPrefix(" ") else { return nil }
            return String(line.dropLast(5))
        }
    }

    /// The funnel's third step and the pipeline's third step (`limit`) both asked for `step_3`; the second
    /// `add` aborted the process.
    func testFunnelStepsAndPipelineStepsGetDistinctCTENames() throws {
        let session = try XCTUnwrap(TeachingFixture.shared)
        for pipeline in ["events | funnel visit -> purchase -> login | limit 1",
                         "events | funnel visit -> product_view -> purchase -> login | sort customers | limit 2",
                         "cohort | where country = ID | funnel visit -> purchase -> login | top 1"] {
            let explain = try TeachingFixture.text("explain sql " + pipeline, in: session)
            let sql = try XCTUnwrap(TeachingFixture.sql(ofExplain: explain), "no SQL for \(pipeline)")
            let names = cteNames(sql)
            XCTAssertGreaterThan(names.count, 5, sql)
            XCTAssertEqual(names.count, Set(names).count, "duplicate CTE names in \(pipeline): \(names)")
            XCTAssertFalse(names.contains("events") || names.contains("customers") || names.contains("spend"), "a CTE hides a table: \(names)")
        }
    }
}
