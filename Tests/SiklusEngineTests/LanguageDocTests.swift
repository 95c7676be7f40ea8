import Foundation
import XCTest
@testable import SiklusEngine

/// docs/LANGUAGE.md must quote every metric's formula exactly as the engine computes it, so the page
/// cannot drift from the code.
final class LanguageDocTests: XCTestCase {
    func testEveryMetricFormulaIsQuotedInTheLanguageDoc() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/LANGUAGE.md"), encoding: .utf8)
        for metric in Metric.allCases {
            XCTAssertTrue(doc.contains("### \(metric.rawValue)\n"), "no section for \(metric.rawValue)")
            XCTAssertTrue(doc.contains("- formula: \(metric.formula)\n"), "formula of \(metric.rawValue) differs from the engine's")
            if let orderFormula = metric.orderFormula {
                XCTAssertTrue(doc.contains("- formula: \(metric.formula)\n- with an order column: \(orderFormula)\n"),
                              "order-level formula of \(metric.rawValue) differs from the engine's")
            }
        }
    }
}
