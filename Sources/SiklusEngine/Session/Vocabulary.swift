/// Names the shell offers for tab completion and `help`, taken from the live session.
public struct Vocabulary: Sendable {
    /// Statement keywords valid at the start of a line (`cohort`, `events`, `load`, `let`, `set`, …).
    public var statements: [String]
    /// Step keywords valid after `|`.
    public var steps: [String]
    /// Metric names (`avg_order`, `repeat_rate`, …).
    public var metrics: [String]
    /// Stage names, English then Indonesian aliases.
    public var stages: [String]
    /// Table names for `load`.
    public var tables: [String]
    /// Columns usable after `by` and `where` (event, customer and extra columns, plus time dimensions).
    public var columns: [String]
    /// `set` option names.
    public var options: [String]
    /// `let` variable names defined so far.
    public var variables: [String]
}

extension Session {
    /// The current completion vocabulary.
    public var vocabulary: Vocabulary {
        Vocabulary(statements: ["cohort", "events", "load", "let", "set", "stages", "stage", "explain", "help"],
                   steps: ["stage", "where", "by", "metric", "retention", "funnel", "sort", "top", "limit", "plot", "export"],
                   metrics: [], stages: ["awareness", "education", "consideration", "purchase", "retention", "advocacy", "churn"],
                   tables: TableKindNames.all, columns: [], options: ["churn_after", "as_of", "period", "week_start"], variables: [])
    }

    /// Known values of a column (`channel` → `social`, `search`, …), for completion after `channel=`.
    public func knownValues(of column: String) -> [String] { [] }

    /// Help text for `help` (no topic) or `help <statement|step|metric|stage>`; nil for an unknown topic.
    public func help(_ topic: String?) -> String? { nil }
}

enum TableKindNames {
    static let all = ["events", "customers", "spend"]
}
