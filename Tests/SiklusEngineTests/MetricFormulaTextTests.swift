import SiklusLanguage
import XCTest
@testable import SiklusEngine

/// The metric catalog is the one definition of every formula: the message catalogs word it per
/// language, and their English copy must be the definition itself, for every metric.
final class MetricFormulaTextTests: XCTestCase {
    func testEveryMetricHasItsFormulaInBothLanguagesAndTheEnglishIsTheDefinition() {
        for metric in Metric.allCases {
            XCTAssertEqual(MessageCatalog.templates(.en)["formula." + metric.rawValue], metric.formula, "\(metric)")
            XCTAssertNotNil(MessageCatalog.templates(.id)["formula." + metric.rawValue], "\(metric) has no Indonesian formula")
            XCTAssertEqual(MessageCatalog.templates(.en)["formula_order." + metric.rawValue], metric.orderFormula, "\(metric) with line items")
            XCTAssertEqual(MessageCatalog.templates(.id)["formula_order." + metric.rawValue] != nil, metric.orderFormula != nil, "\(metric) with line items")
            XCTAssertEqual(metric.localizedFormula(orderLevel: false, in: .en), metric.formula)
            XCTAssertEqual(metric.localizedFormula(orderLevel: true, in: .en), metric.formula(orderLevel: true))
        }
        // No formula key names a metric that does not exist.
        let names = Set(Metric.allCases.map(\.rawValue))
        for key in MessageCatalog.templates(.en).keys where key.hasPrefix("formula.") || key.hasPrefix("formula_order.") {
            XCTAssertTrue(names.contains(String(key.split(separator: ".")[1])), key)
        }
        XCTAssertEqual(MessageCatalog.text("formula_option.transitions_percent", in: .en), LogicalMetricOptions.transitionsPercentFormula)
        XCTAssertEqual(MessageCatalog.text("formula_option.churn_within", in: .en), LogicalMetricOptions.churnWithinFormula)
    }

    /// The Indonesian wording keeps the formula's symbols: every operator and every code name (`as_of`,
    /// `spend.clicks`, `churn_after`) of the definition appears as often in the translation, so the two
    /// cannot say different arithmetic.
    func testIndonesianFormulasKeepTheDefinitionsSymbols() {
        func symbols(_ text: String) -> [String] {
            text.split { " (),;`:".contains($0) }.map(String.init)
                .filter { ["/", ">=", "+", "-", "%", "*"].contains($0) || (($0.contains("_") || $0.contains(".")) && $0.first?.isLetter == true) }
                .sorted()
        }
        for metric in Metric.allCases {
            for (english, key) in [(metric.formula, "formula."), (metric.orderFormula, "formula_order.")] {
                guard let english, let indonesian = MessageCatalog.templates(.id)[key + metric.rawValue] else { continue }
                XCTAssertEqual(symbols(indonesian), symbols(english), "\(key)\(metric.rawValue)\n\(english)\n\(indonesian)")
            }
        }
    }

    /// explain's words for a split funnel are the logical plan's own in English.
    func testFunnelSplitWordsAreTheLogicalPlansInEnglish() {
        let splits: [LogicalQuery.Funnel.Split] = [.trends, .breakdown(.first), .breakdown(.last), .breakdown(.step(2))]
        for split in splits {
            XCTAssertEqual(Language.$current.withValue(.en) { ExplainWords.funnelSplit(split) }, LogicalPlanPrinter.funnelSplit(split))
            XCTAssertNotEqual(Language.$current.withValue(.id) { ExplainWords.funnelSplit(split) }, LogicalPlanPrinter.funnelSplit(split))
        }
    }
}
