import XCTest
@testable import SiklusCharts

final class PlaceholderChartsTests: XCTestCase {
    func testModuleLinks() {
        XCTAssertEqual(ChartKind.heatmap.rawValue, "heatmap")
    }
}
