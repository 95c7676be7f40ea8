import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage

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

    /// Every statement keyword has its own section and its production in the grammar, so a new statement
    /// (such as `connect`) cannot ship undocumented.
    func testEveryStatementHasASectionAndAGrammarRule() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/LANGUAGE.md"), encoding: .utf8)
        let sections = doc.split(separator: "\n").filter { $0.hasPrefix("### ") }.map { $0.dropFirst(4).split(separator: " ").first.map(String.init) ?? "" }
        for keyword in Keywords.statements {
            XCTAssertTrue(sections.contains(keyword), "no section for \(keyword)")
            XCTAssertTrue(doc.contains("\"\(keyword)\""), "the grammar has no rule with \"\(keyword)\"")
        }
        XCTAssertTrue(doc.contains("load_table      = \"load\" table \"table\" STRING"))
    }
}
