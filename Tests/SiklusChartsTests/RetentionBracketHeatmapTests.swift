import XCTest
import SiklusPlan
@testable import SiklusCharts

/// `retention … brackets (…) | detail | plot`: bracket columns (`2-7`) are cells, `base_…` columns are not.
final class RetentionBracketHeatmapTests: XCTestCase {
    func testBracketsAreColumnsAndBasesAreLeftOut() throws {
        let table = ResultTable(columns: [
            ResultColumn(name: "cohort", unit: .text, values: .text(["2022-Q1"])),
            ResultColumn(name: "customers", unit: .count, values: .integer([10])),
            ResultColumn(name: "0", unit: .percent, values: .number([100])),
            ResultColumn(name: "1", unit: .percent, values: .number([40])),
            ResultColumn(name: "2-7", unit: .percent, values: .number([20])),
            ResultColumn(name: "base_0", unit: .count, values: .integer([10])),
            ResultColumn(name: "base_2-7", unit: .count, values: .integer([10])),
        ], shape: .retention)
        let model = try HeatmapModel(retention: table)
        XCTAssertEqual(model.columnLabels, ["0", "1", "2-7"])
    }
}
