import SiklusEngine
import XCTest
@testable import SiklusCharts

/// Chart errors name at most about ten of a result's columns (a daily retention table has hundreds).
final class ChartErrorListTests: XCTestCase {
    func testMissingColumnNamesAFewColumnsAndCountsTheRest() {
        let columns = ["cohort", "customers"] + (0...365).map(String.init)
        let text = ChartError.missingColumn(name: "step", shape: .funnel, available: columns).description
        XCTAssertEqual(text, "cannot chart this funnel result: it has no 'step' column (columns: cohort, customers, 0, 1, 2, 3, 4, 5, 6, 7 … and 358 more)")
    }
}
