import XCTest
@testable import SiklusEngine

/// `sort … desc` and `top` keep missing values last, as `sort … asc` does and as the SQL's `NULLS LAST`.
final class SortNullsTests: XCTestCase {
    private func table(_ values: [Double?]) -> ResultTable {
        ResultTable(columns: [
            ResultColumn(name: "customer", unit: .text, values: .text(values.indices.map { "c\($0)" })),
            ResultColumn(name: "avg_order", unit: .money, values: .number(values)),
        ])
    }

    private func order(_ table: ResultTable, descending: Bool) -> [String?] {
        guard case .text(let labels) = ResultOperations.reorder(table, by: [(1, descending)]).columns[0].values else { return [] }
        return labels
    }

    func testMissingValuesComeLastInBothDirections() {
        let t = table([2, nil, 5, nil, 1])
        XCTAssertEqual(order(t, descending: false), ["c4", "c0", "c2", "c1", "c3"])
        XCTAssertEqual(order(t, descending: true), ["c2", "c0", "c4", "c1", "c3"])
    }

    func testTopNeverPicksAMissingValue() throws {
        let top = try ResultOperations.apply(.top(2, span: .init(start: 0, end: 0)), to: table([nil, 3, nil, 4]))
        XCTAssertEqual(top.columns[1].values, .number([4, 3]))
    }
}
