import SiklusLanguage

/// The names analysts type for the metrics (issue 15): `aov` is `avg_order`, `churn` is `churn_rate`.
/// Edit distance cannot find these (`aov` is three edits from anything), so an unknown metric is looked
/// up here first; names that are steps rather than metrics (`retention_rate`, `clv`) say how to ask.
public enum MetricSynonyms {
    /// The hint for an unknown metric name (lowercased), or nil when it is not a known synonym.
    public static func hint(for name: String) -> String? {
        let key = name.lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        if let metric = metrics[key] {
            return MessageCatalog.text("guard.metric_synonym", ["metric": metric.rawValue, "summary": MessageCatalog.text("metric." + metric.rawValue)])
        }
        return steps[key].map { MessageCatalog.text("guard.synonym." + $0) }
    }

    /// Synonyms of metrics that exist.
    static let metrics: [String: Metric] = [
        "aov": .avg_order, "average_order": .avg_order, "average_order_value": .avg_order, "avg_order_value": .avg_order,
        "order_value": .avg_order, "avg_basket": .avg_order, "basket_size": .avg_order, "avgorder": .avg_order,
        "churn": .churn_rate, "churned": .churn_rate, "attrition": .churn_rate, "attrition_rate": .churn_rate,
        "conversion": .conversion_rate, "conversions": .conversion_rate, "conv_rate": .conversion_rate, "cvr": .conversion_rate,
        "frequency": .orders_per_customer, "purchase_frequency": .orders_per_customer, "order_frequency": .orders_per_customer,
        "repeat": .repeat_rate, "repeat_purchase_rate": .repeat_rate, "repurchase_rate": .repeat_rate,
        "arpu": .ltv, "arpc": .ltv, "revenue_per_customer": .ltv,
        "cac": .cpa, "cost_per_acquisition": .cpa,
        "ttp": .time_to_purchase, "time_to_convert": .time_to_purchase, "time_to_conversion": .time_to_purchase,
        "sales": .revenue, "gmv": .revenue, "purchases": .orders, "transactions": .orders,
        "stickiness_ratio": .dau_mau,
    ]

    /// Names of questions that a step answers, to the catalog key (`guard.synonym.<key>`) of how to ask.
    static let steps: [String: String] = [
        "retention_rate": "retention_rate", "retention": "retention",
        "clv": "clv", "cltv": "clv", "customer_lifetime_value": "clv", "lifetime_value": "lifetime_value",
        "rfm": "rfm", "funnel": "funnel", "stickiness": "stickiness",
    ]
}
