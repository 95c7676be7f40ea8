import XCTest
@testable import SiklusSQL

/// What the paths lowering must say in every dialect, beyond equal tables on the fixture.
final class PathsLoweringTests: XCTestCase {
    /// `top` ranks by the result's last numeric column, `customers`, as the in-memory `top` does (the
    /// fixture's counts and customers rank alike, so the engine tests alone would not notice `count`).
    func testTopRanksPathsByCustomers() throws {
        let (_, query) = try LoweringFixture(seed: 12).expectation("events | paths | top 3")
        for dialect in [SQLDialect.duckdb, .postgres, .spark] {
            let sql = try query.sql(dialect)
            XCTAssertTrue(sql.contains("row_number() OVER (ORDER BY customers DESC NULLS LAST"), "\(dialect): \(sql.suffix(600))")
        }
    }

    /// The edge cut orders byte-wise, missing names last, after count and step.
    func testTheEdgeCutOrdersByCountStepAndBytes() throws {
        let (_, query) = try LoweringFixture(seed: 12).expectation("events | paths edges 7")
        let sql = try query.sql(.postgres)
        XCTAssertTrue(sql.contains(#"ORDER BY count DESC NULLS LAST, step ASC NULLS LAST, "from" COLLATE "C" ASC NULLS LAST, "to" COLLATE "C" ASC NULLS LAST"#), sql)
        XCTAssertTrue(sql.contains("LIMIT 7"), sql)
    }
}
