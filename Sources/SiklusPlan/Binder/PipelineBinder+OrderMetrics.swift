import SiklusLanguage

/// What the metrics of issue 15 (`cpc`, `median_order`, …) need from the loaded tables beyond
/// `metrics(_:span:)`'s general checks, refused at the metric's name rather than answered as an empty 0.
extension PipelineBinder {
    func checkOrderMetricInputs(_ metric: Metric, at span: SourceSpan) throws(Diagnostic) {
        switch metric {
        case .cpc where catalog.spend.isLoaded && catalog.spend.index(ofRole: "clicks") == nil:
            let columns = catalog.spend.columns.map(\.name).joined(separator: ", ")
            throw Diagnostic(MessageCatalog.text("bind.cpc_clicks", ["columns": columns]), at: span,
                             hints: [MessageCatalog.text("bind.cpc_clicks_hint"), MessageCatalog.text("bind.cpc_clicks_cpa")])
        case .open_rate where catalog.spend.isLoaded && (catalog.spend.index(ofRole: "opens") == nil || catalog.spend.index(ofRole: "delivered") == nil):
            let missing = ["opens", "delivered"].filter { catalog.spend.index(ofRole: $0) == nil }
            let columns = catalog.spend.columns.map(\.name).joined(separator: ", ")
            throw Diagnostic(MessageCatalog.text(missing.count == 1 ? "bind.open_rate_role" : "bind.open_rate_roles", ["roles": missing.joined(separator: " " + MessageCatalog.text("parse.word.and") + " "), "columns": columns]),
                             at: span, hints: [MessageCatalog.text("bind.open_rate_hint", ["map": missing.map { "\($0)=<" + MessageCatalog.text("bind.column") + ">" }.joined(separator: " ")])])
        case .median_order where catalog.orderColumn != nil:
            throw Diagnostic(MessageCatalog.text("bind.median_order_lines", ["column": catalog.orderColumn ?? ""]), at: span, hints: [MessageCatalog.text("bind.median_order_lines_hint")])
        default:
            return
        }
    }
}

extension PipelineBinder {
    /// Binds a `metric` step's options: `percent` belongs to `transitions` alone, `within` to `churn_rate`.
    func metricOptions(_ options: MetricStepOptions, for analysis: LogicalQuery.Analysis) throws(Diagnostic) -> LogicalMetricOptions {
        var bound = LogicalMetricOptions()
        guard case .metrics(let metrics, _) = analysis else { return bound }
        if let percent = options.percent {
            guard metrics == [.transitions] else {
                let others = metrics.filter { $0 != .transitions }.map(\.rawValue).joined(separator: ", ")
                throw Diagnostic(MessageCatalog.text("metric_option.percent_not_transitions", ["metrics": others]),
                                 at: percent, hints: [MessageCatalog.text("metric_option.percent_hint")])
            }
            bound.transitionsPercent = true
        }
        if let within = options.within {
            guard metrics.contains(.churn_rate) else {
                throw Diagnostic(MessageCatalog.text("metric_option.within_not_churn"), at: within.span,
                                 hints: [MessageCatalog.text("metric_option.within_churn_hint"), MessageCatalog.text("metric_option.within_funnel_hint")])
            }
            // Engines add the window to timestamps: a window beyond any history would overflow there, and in
            // memory it leaves every buyer out of the base.
            guard let seconds = within.value.approximateSeconds, seconds <= LogicalQuery.Funnel.longestWindow else {
                throw Diagnostic(MessageCatalog.text("metric_option.within_too_long", ["window": "\(within.value)"]), at: within.span,
                                 hints: [MessageCatalog.text("metric_option.within_too_long_hint")])
            }
            bound.churnWindow = seconds
            bound.churnWindowText = within.value.description
        }
        return bound
    }

    /// Options written after the metrics of `rfm | metric …`, where none applies.
    func rejectMetricOptions(_ options: MetricStepOptions, after analysis: String) throws(Diagnostic) {
        guard let span = options.percent ?? options.within?.span else { return }
        throw Diagnostic(MessageCatalog.text("metric_option.none_apply", ["analysis": analysis]), at: span,
                         hints: [MessageCatalog.text("metric_option.drop_it")])
    }
}

extension PipelineBinder {
    /// `by order_number` (when no column has that name): each purchase's place among the customer's purchases.
    /// Refused on line items, where one order is several rows.
    func orderNumberDimension(_ name: QualifiedName) throws(Diagnostic) -> DimensionSpec? {
        guard name.parts.count == 1, name.name.lowercased == "order_number",
              (try? Attribute.resolve(name, in: catalog, preferEvents: false)) == nil else { return nil }
        if let column = catalog.orderColumn {
            throw Diagnostic(MessageCatalog.text("bind.order_number_lines", ["column": column]), at: name.span, hints: [MessageCatalog.text("bind.order_number_lines_hint")])
        }
        return DimensionSpec(.orderNumber, name: "order_number", span: name.span)
    }
}
