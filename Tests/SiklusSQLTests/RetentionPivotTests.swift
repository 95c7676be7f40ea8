import XCTest
import SiklusPlan
@testable import SiklusSQL

/// The retention pivot on hand-written long-form rows: widths, empty cells, horizons, unbounded counts.
final class RetentionPivotTests: XCTestCase {
    /// Rows `(kind, cohort, period, value)`.
    private func rows(_ cells: [(Int64, String, Int64?, Int64)]) -> SQLRows {
        SQLRows(columns: [SQLColumn(name: "kind", values: .integer(cells.map { $0.0 })), SQLColumn(name: "cohort", values: .text(cells.map { $0.1 })),
                          SQLColumn(name: "period", values: .integer(cells.map { $0.2 })), SQLColumn(name: "value", values: .integer(cells.map { $0.3 }))])
    }

    private let cells: [(Int64, String, Int64?, Int64)] = [
        (1, "2023-01", nil, 3), (1, "2023-02", nil, 2),
        // Ages: two January customers 2 periods old, one 0; February customers 1 period old.
        (2, "2023-01", 2, 2), (2, "2023-01", 0, 1), (2, "2023-02", 1, 2),
        // Active: January 3 in period 0, 1 in period 2; February 1 in period 0, 1 in period 1.
        (3, "2023-01", 0, 3), (3, "2023-01", 2, 1), (3, "2023-02", 0, 1), (3, "2023-02", 1, 1),
    ]

    func testCountsWidthAndEmptyCells() throws {
        let pivot = SQLRetentionPivot(percent: false, unbounded: false, horizon: nil, title: .stickiness(period: .day))
        let table = try pivot.table(rows(cells))
        XCTAssertEqual(table.columns.map(\.name), ["cohort", "customers", "0", "1", "2"])
        XCTAssertEqual(table.columns[1].values, .integer([3, 2]))
        XCTAssertEqual(table.columns[2].values, .integer([3, 1]))
        XCTAssertEqual(table.columns[3].values, .integer([0, 1]))
        // Nobody of February has reached period 2: empty, not 0.
        XCTAssertEqual(table.columns[4].values, .integer([1, nil]))
        XCTAssertEqual(table.shape, .retention)
    }

    func testPercentOfThoseWhoReachedThePeriod() throws {
        let table = try SQLRetentionPivot(percent: true, unbounded: false, horizon: nil, title: .stickiness(period: .day)).table(rows(cells))
        // January: 3 reached period 0 (all), 2 reached periods 1 and 2.
        XCTAssertEqual(table.columns[2].values, .number([100, 50]))
        XCTAssertEqual(table.columns[3].values, .number([0, 50]))
        XCTAssertEqual(table.columns[4].values, .number([50, nil]))
    }

    func testUnboundedCountsLaterActivityAndTheHorizonCutsColumnsOnly() throws {
        // Unbounded rows give each customer's latest active period.
        let latest: [(Int64, String, Int64?, Int64)] = Array(cells.prefix(5)) + [(3, "2023-01", 2, 1), (3, "2023-01", 0, 2), (3, "2023-02", 1, 1)]
        let table = try SQLRetentionPivot(percent: false, unbounded: true, horizon: 1, title: .stickiness(period: .day)).table(rows(latest))
        XCTAssertEqual(table.columns.map(\.name), ["cohort", "customers", "0", "1"])
        XCTAssertEqual(table.columns[2].values, .integer([3, 1]))
        // The January customer active in period 2 counts in period 1, the last column.
        XCTAssertEqual(table.columns[3].values, .integer([1, 1]))
    }

    /// As `RetentionMatrix`: at most 10,000,000 cells. 1,001 cohorts aged 9,999 periods ask for 10,010,000
    /// cells from 3,003 rows (the engine's cell limit alone would let them through).
    func testTheTableIsBoundedInCellsNotOnlyInColumns() throws {
        let cohorts = (0...1000).map { String(format: "c%04d", $0) }
        let big = cohorts.map { (Int64(1), $0, Int64?.none, Int64(1)) } + cohorts.map { (Int64(2), $0, Int64?(9_999), Int64(1)) }
        XCTAssertThrowsError(try SQLRetentionPivot(percent: false, unbounded: false, horizon: nil, title: .stickiness(period: .day)).table(rows(big))) { error in
            XCTAssertEqual((error as? SQLResultError)?.message, "the retention table would have 1001 cohorts × 10000 periods; at most 10000000 cells")
        }
        // Cut by the horizon, the same rows fit.
        XCTAssertEqual(try SQLRetentionPivot(percent: false, unbounded: false, horizon: 9, title: .stickiness(period: .day)).table(rows(big)).columns.count, 12)
    }

    func testNoAnchorsGiveOneEmptyColumn() throws {
        let table = try SQLRetentionPivot(percent: false, unbounded: false, horizon: nil, title: .stickiness(period: .day)).table(rows([]))
        XCTAssertEqual(table.columns.map(\.name), ["cohort", "customers", "0"])
        XCTAssertEqual(table.rowCount, 0)
    }

    func testMalformedRowsAreAnError() {
        let bad = SQLRows(columns: [SQLColumn(name: "kind", values: .text(["1"]))])
        XCTAssertThrowsError(try SQLRetentionPivot(percent: false, unbounded: false, horizon: nil, title: .stickiness(period: .day)).table(bad))
    }
}
