import XCTest
@testable import SiklusEngine
import SiklusLanguage

/// `help` syntax lines are generated from the grammar's enums, so every choice the parser accepts is listed.
final class HelpSyntaxTests: XCTestCase {
    private func syntax(_ topic: String) throws -> String {
        let text = try XCTUnwrap(HelpCatalog.text(topic, stageMap: StageMap()), topic)
        return try XCTUnwrap(text.split(separator: "\n").first { $0.contains("syntax:") }.map(String.init), text)
    }

    func testEveryPeriodUnitIsListed() throws {
        for topic in ["cohort", "step retention"] {
            let line = try syntax(topic)
            for unit in PeriodUnit.allCases { XCTAssertTrue(line.contains(unit.rawValue), "\(topic) lacks \(unit.rawValue): \(line)") }
        }
        let by = try XCTUnwrap(HelpCatalog.text("by", stageMap: StageMap()))
        for unit in PeriodUnit.allCases { XCTAssertTrue(by.contains(unit.rawValue), "by lacks \(unit.rawValue)") }
    }

    func testEveryFunnelOrderSortDirectionAndTableIsListed() throws {
        let funnel = try syntax("funnel")
        for order in FunnelOrder.allCases { XCTAssertTrue(funnel.contains(order.rawValue), "funnel lacks \(order.rawValue): \(funnel)") }
        let sort = try syntax("sort")
        for direction in SortDirection.allCases { XCTAssertTrue(sort.contains(direction.rawValue), sort) }
        let load = try syntax("load")
        for table in LoadTable.allCases { XCTAssertTrue(load.contains(table.rawValue), load) }
    }
}
