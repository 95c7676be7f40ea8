/// The names analysts type for the metrics (issue 15): `aov` is `avg_order`, `churn` is `churn_rate`.
/// Edit distance cannot find these (`aov` is three edits from anything), so an unknown metric is looked
/// up here first; names that are steps rather than metrics (`retention_rate`, `clv`) say how to ask.
public enum MetricSynonyms {
    /// The hint for an unknown metric name (lowercased), or nil when it is not a known synonym.
    public static func hint(for name: String) -> String? {
        let key = name.lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        if let metric = metrics[key] { return "did you mean `\(metric.rawValue)`? (\(metric.summary))" }
        return steps[key]
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

    /// Names of questions that a step answers.
    static let steps: [String: String] = [
        "retention_rate": "retention is a step: `cohort by signup | retention percent` (the share of each cohort active per period); `repeat_rate` is the share of buyers who bought again",
        "retention": "retention is a step: `cohort by signup | retention percent`",
        "clv": "`clv` is a step (the predicted value per customer): `cohort | clv`; `ltv` is the revenue per customer so far",
        "cltv": "`clv` is a step (the predicted value per customer): `cohort | clv`; `ltv` is the revenue per customer so far",
        "customer_lifetime_value": "`clv` is a step (the predicted value per customer): `cohort | clv`; `ltv` is the revenue per customer so far",
        "lifetime_value": "`ltv` is the revenue per customer so far; `clv` is a step predicting it: `cohort | clv`",
        "rfm": "`rfm` is a step: `cohort | rfm`, or `cohort | rfm | by segment | metric customers, revenue`",
        "funnel": "a funnel is a step: `cohort | funnel visit -> add_to_cart -> purchase`",
        "stickiness": "`stickiness` is a step: `events | stickiness period week`; `dau_mau` is the stickiness ratio",
    ]
}
