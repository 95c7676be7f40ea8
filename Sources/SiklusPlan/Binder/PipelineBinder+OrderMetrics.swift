import SiklusLanguage

/// What the metrics of issue 15 (`cpc`, `median_order`, …) need from the loaded tables beyond
/// `metrics(_:span:)`'s general checks, refused at the metric's name rather than answered as an empty 0.
extension PipelineBinder {
    func checkOrderMetricInputs(_ metric: Metric, at span: SourceSpan) throws(Diagnostic) {
        switch metric {
        case .cpc where catalog.spend.isLoaded && catalog.spend.index(ofRole: "clicks") == nil:
            let columns = catalog.spend.columns.map(\.name).joined(separator: ", ")
            throw Diagnostic("cpc needs the spend table's clicks, and no spend column has the clicks role (spend has: \(columns))", at: span,
                             hints: ["load spend \"spend.csv\" replace map clicks=<column>", "or ask for cpa: spend per new paying customer"])
        case .median_order where catalog.orderColumn != nil:
            throw Diagnostic("median_order takes one amount per purchase row, and these events are line items (order column `\(catalog.orderColumn ?? "")`)",
                             at: span, hints: ["ask for avg_order (revenue / orders), which adds up each order's rows"])
        default:
            return
        }
    }
}
