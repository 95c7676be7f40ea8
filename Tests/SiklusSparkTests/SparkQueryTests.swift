import SiklusTestSupport
import XCTest
import SiklusSQL
@testable import SiklusConnect

/// Queries on the shared session: types as Siklus reads them, UTC, errors with class and position.
final class SparkQueryTests: XCTestCase {
    func testSparkTypesMapToSiklusTypes() throws {
        let spark = try SharedSpark.connection()
        let rows = try spark.query("""
            SELECT 1 AS i, CAST(2 AS BIGINT) AS b, CAST(3 AS SMALLINT) AS s, 1.25BD AS d, CAST(7 AS DECIMAL(10,0)) AS whole,
                   CAST(0.5 AS FLOAT) AS f, 'x' AS t, true AS flag, DATE'1970-01-02' AS day,
                   TIMESTAMP_NTZ'1970-01-01 00:01:00' AS ntz, array(1, 2) AS list, CAST(NULL AS STRING) AS nothing
            """, isCancelled: { false })
        XCTAssertEqual(rows.columns.map(\.values), [
            .integer([1]), .integer([2]), .integer([3]), .number([1.25]), .integer([7]), .number([0.5]), .text(["x"]),
            .boolean([true]), .timestamp([86_400]), .timestamp([60]), .text(["[1, 2]"]), .text([nil]),
        ])
    }

    func testTheSessionRunsInUTCWhateverTheMachineZone() throws {
        let spark = try SharedSpark.connection()
        let rows = try spark.query("""
            SELECT current_timezone() AS zone, java_method('java.util.TimeZone', 'getDefault') AS machine, TIMESTAMP'2021-03-28 01:30:00' AS t, hour(timestamp_seconds(0)) AS h,
                   CAST(timestamp_seconds(1616895000) AS STRING) AS shown
            """, isCancelled: { false })
        XCTAssertEqual(rows.columns.map(\.values), [.text(["UTC"]), rows.columns[1].values, .timestamp([1_616_895_000]), .integer([0]), .text(["2021-03-28 01:30:00"])])
        guard case .text(let machine) = rows.columns[1].values else { return XCTFail("machine zone") }
        XCTAssertTrue(machine[0]?.contains("Pacific/Chatham") == true, "the JVM runs in the test's non-UTC zone: \(String(describing: machine[0]))")
    }

    func testASyntaxErrorHasItsClassAndPosition() throws {
        let spark = try SharedSpark.connection()
        let error = try XCTUnwrap(Self.error { _ = try spark.query("SELECT (1\n  FROM x", isCancelled: { false }) })
        XCTAssertEqual(error.sqlState, "PARSE_SYNTAX_ERROR")
        XCTAssertTrue(error.message.contains("Syntax error"), error.message)
        XCTAssertEqual(error.position, 13, "line 2, pos 2 (0-based) → 1-based offset 13 (\(error))")
        XCTAssertFalse(error.isCancellation)
    }

    func testAnUnknownColumnPointsAtItsName() throws {
        let spark = try SharedSpark.connection()
        let sql = "SELECT id,\n  no_such_column FROM range(3)"
        let error = try XCTUnwrap(Self.error { _ = try spark.query(sql, isCancelled: { false }) })
        XCTAssertEqual(error.sqlState?.hasPrefix("UNRESOLVED_COLUMN"), true, "\(error)")
        let offset = try XCTUnwrap(sql.range(of: "no_such_column")).lowerBound.utf16Offset(in: sql) + 1
        XCTAssertEqual(error.position, offset)
    }

    func testAMissingTableIsAnErrorNamingIt() throws {
        let spark = try SharedSpark.connection()
        let asColumns = try XCTUnwrap(Self.error { _ = try spark.columns(ofTable: "siklus_missing_table") })
        XCTAssertEqual(asColumns.sqlState, "TABLE_OR_VIEW_NOT_FOUND")
        XCTAssertTrue(asColumns.message.contains("siklus_missing_table"), asColumns.message)
        let asQuery = try XCTUnwrap(Self.error { _ = try spark.query("SELECT * FROM siklus_missing_table", isCancelled: { false }) })
        XCTAssertEqual(asQuery.sqlState, "TABLE_OR_VIEW_NOT_FOUND")
        XCTAssertEqual(asQuery.position, 15)
        // The session is still usable after errors.
        XCTAssertEqual(try spark.query("SELECT 2 AS two", isCancelled: { false }).columns[0].values, .integer([2]))
    }

    func testARuntimeErrorComesBackWithItsClass() throws {
        let spark = try SharedSpark.connection()
        let error = try XCTUnwrap(Self.error { _ = try spark.query("SELECT CAST('a' AS INT) AS n", isCancelled: { false }) })
        XCTAssertEqual(error.sqlState, "CAST_INVALID_INPUT")
        XCTAssertEqual(error.position, 8)
    }

    func testExecuteRunsStatementsAndColumnsReadsTheirTables() throws {
        let spark = try SharedSpark.connection()
        try spark.execute("CREATE OR REPLACE TEMPORARY VIEW executed AS SELECT id, CAST(id AS DOUBLE) AS half FROM range(4)")
        XCTAssertEqual(try spark.columns(ofTable: "executed"), [SQLTableColumn(name: "id", type: .integer), SQLTableColumn(name: "half", type: .number)])
        XCTAssertEqual(try spark.query("SELECT count(*) AS n FROM executed", isCancelled: { false }).columns[0].values, .integer([4]))
    }

    /// The result read back is bounded as PostgreSQL's is (the bridge collected every row): past the cell
    /// limit the query is an error, and at the limit the rows come back in order.
    func testAResultPastTheCellLimitIsAnError() throws {
        let spark = try SharedSpark.connection()
        defer { spark.resultCellLimit = SparkConnection.defaultResultCellLimit }
        spark.resultCellLimit = 20
        let error = Self.error { _ = try spark.query("SELECT id, id * 2 AS twice FROM range(11) ORDER BY id DESC", isCancelled: { false }) }
        XCTAssertEqual(error?.message.contains("the result has more than 20 cells (10 rows of 2 columns)"), true, "\(String(describing: error))")
        let rows = try spark.query("SELECT id, id * 2 AS twice FROM range(10) ORDER BY id DESC", isCancelled: { false })
        XCTAssertEqual(rows.columns.first?.values, .integer((0..<10).reversed().map { Int64($0) }))
    }

    static func error(_ body: () throws -> Void) -> SQLEngineError? {
        do {
            try body()
            return nil
        } catch {
            return error as? SQLEngineError
        }
    }
}
