import XCTest
@testable import SiklusPlan

/// The retention table shared by the in-memory engine and the SQL pivot: columns, empty cells, bases,
/// percentages and the mean rows, on hand-made sums.
final class RetentionTableBuilderTests: XCTestCase {
    private func spec(percent: Bool, value: LogicalQuery.Retention.Value = .customers, detail: Bool = false) -> LogicalQuery.Retention {
        var spec = LogicalQuery.Retention(period: .month, percent: percent, activity: .purchase, unbounded: false, horizon: nil,
                                          anchorsOnFirstPurchase: false, span: nil)
        spec.kind.value = value
        spec.kind.detail = detail
        return spec
    }

    func testBracketColumnsAreNamedAndFound() {
        let columns = RetentionColumns(maxAge: 99, horizon: 3, brackets: [1, 6, 23])
        XCTAssertEqual((0..<columns.count).map(columns.name), ["0", "1", "2-7", "8-30"])
        XCTAssertEqual([0, 1, 2, 7, 8, 30, 31].map(columns.column(of:)), [0, 1, 2, 2, 3, 3, nil])
        XCTAssertEqual([-1, 0, 5, 40].map { columns.reachedColumn(age: $0) }, [nil, 0, 2, 3])
        XCTAssertEqual(RetentionColumns(maxAge: 99, horizon: 3, brackets: nil).count, 4, "the horizon caps the width")
        XCTAssertEqual(RetentionColumns(maxAge: nil, horizon: nil, brackets: nil).count, 1, "no anchor: period 0 only")
    }

    func testPercentOfTheBaseAndMeanRows() {
        var a = RetentionTableBuilder.Row(label: "a", size: 10, columns: 2)
        a.reached = [10, 10]; a.base = [10, 10]; a.cells = [10, 5]
        var b = RetentionTableBuilder.Row(label: "b", size: 30, columns: 2)
        b.reached = [30, 0]; b.base = [30, 0]; b.cells = [15, 0]
        let table = RetentionTableBuilder(spec: spec(percent: true, detail: true), columns: RetentionColumns(maxAge: 1, horizon: nil, brackets: nil))
            .table([a, b])
        XCTAssertEqual(table.columns.map(\.name), ["cohort", "customers", "0", "1", "base_0", "base_1"])
        XCTAssertEqual(table.columns[2].values, .number([100, 50]))
        XCTAssertEqual(table.columns[3].values, .number([50, nil]), "nobody of b reached period 1: empty")
        XCTAssertEqual(table.columns[5].values, .integer([10, nil]))
        // Column 0: simple (100 + 50) / 2 = 75; weighted (10 + 15) / (10 + 30) = 62.5. Column 1: a alone.
        XCTAssertEqual(table.footer.map(\.label), ["mean", "weighted mean"])
        XCTAssertEqual(table.footer[0].values, [nil, nil, 75, 50, nil, nil])
        XCTAssertEqual(table.footer[1].values, [nil, nil, 62.5, 50, nil, nil])
    }

    func testRevenueCellsAreMoneyAndAZeroBaseHasNoPercent() {
        var a = RetentionTableBuilder.Row(label: "a", size: 2, columns: 2)
        a.reached = [2, 2]; a.base = [0, 0]; a.cells = [0, 12.5]
        let columns = RetentionColumns(maxAge: 1, horizon: nil, brackets: nil)
        let money = RetentionTableBuilder(spec: spec(percent: false, value: .revenue), columns: columns).table([a])
        XCTAssertEqual(money.columns[3].unit, .money)
        XCTAssertEqual(money.columns[3].values, .number([12.5]))
        let share = RetentionTableBuilder(spec: spec(percent: true, value: .revenue), columns: columns).table([a])
        XCTAssertEqual(share.columns[3].values, .number([nil]), "no period-0 revenue: no net dollar retention")
        XCTAssertEqual(share.footer[0].values, [nil, nil, nil, nil])
    }
}
