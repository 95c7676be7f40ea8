import SiklusLanguage

/// A metric's formula in the current language. `Metric.formula` (the metric catalog) is the one
/// definition; the message catalogs hold its wording per language under `formula.<metric>` (and
/// `formula_order.<metric>` for line-item data), the English copy equal to the definition
/// (MetricFormulaTextTests), so a translation can never define a second formula.
extension Metric {
    /// `formula(orderLevel:)` in `language`; the definition's own English when a catalog lacks the key.
    func localizedFormula(orderLevel: Bool, in language: Language = .current) -> String {
        if orderLevel, orderFormula != nil, let text = MessageCatalog.templates(language)["formula_order." + rawValue] { return text }
        if orderLevel, orderFormula != nil { return formula(orderLevel: true) }
        return MessageCatalog.templates(language)["formula." + rawValue] ?? formula
    }

    /// `orderFormula` in `language`, nil for the metrics whose formula holds either way.
    func localizedOrderFormula(in language: Language = .current) -> String? {
        guard orderFormula != nil else { return nil }
        return localizedFormula(orderLevel: true, in: language)
    }
}

extension LogicalMetricOptions {
    /// `formulas` in the current language (`formula_option.` keys; the English equal to the plan's own).
    var localizedFormulas: [String] {
        var lines: [String] = []
        if transitionsPercent { lines.append(MessageCatalog.text("formula_option.transitions_percent")) }
        if let churnWindowText {
            lines.append("churn_rate within \(churnWindowText) = " + MessageCatalog.text("formula_option.churn_within"))
        }
        return lines
    }
}
