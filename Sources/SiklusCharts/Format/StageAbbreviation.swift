/// Short forms of the lifecycle stage names, for column headers where the full names do not fit
/// (a transitions table or heatmap on an 80-column terminal): each is a clear prefix of its stage.
public enum StageAbbreviation {
    static let short = ["awareness": "aware", "education": "educ", "consideration": "consid", "purchase": "purch",
                        "retention": "retain", "advocacy": "advoc", "churn": "churn", "lapsed": "lapsed"]

    /// The short form of a lifecycle stage name (any case), or `name` unchanged for any other name.
    public static func of(_ name: String) -> String {
        short[name.lowercased()] ?? name
    }
}
