/// The language's keywords, grouped by where they may appear. All are matched case-insensitively and
/// are contextual: outside their position they are ordinary names (a column may be called `stage`).
///
/// The engine and shell reuse these lists for "did you mean" hints, completion and help.
public enum Keywords {
    /// Words that start a statement. Any other word at the start of a statement is a variable source.
    public static let statements = ["cohort", "events", "load", "unload", "let", "set", "stages", "stage", "explain", "help",
                                          "connect", "disconnect"]

    /// Words that start a pipeline step (after `|`).
    public static let steps = ["derive", "stage", "where", "by", "metric", "retention", "funnel", "dropped", "histogram", "lifecycle", "stickiness", "rows", "sort", "top", "bottom", "limit", "plot", "export", "detail", "rfm", "clv",
                                     "paths"]

    /// Options of the `rfm` and `clv` steps (`clv params` and `clv check` are kinds, not options).
    public static let customerValueOptions = ["period", "horizon", "discount"]

    /// Options of a `retention` step.
    public static let retentionOptions = ["period", "percent", "on", "unbounded", "horizon", "start", "recurring", "rolling", "brackets",
                                          "min_events", "value"]

    /// What `retention … value` adds up.
    public static let retentionValues = RetentionValue.allCases.map(\.rawValue)

    /// Options of a `lifecycle` step.
    public static let lifecycleOptions = ["period", "on"]

    /// Options of a `stickiness` step.
    public static let stickinessOptions = ["period"]

    /// Options of a `funnel` step after its steps (`any` is followed by `order`).
    public static let funnelOptions = ["within", "ordered", "strict", "any", "exclude", "quantiles", "by", "attribution"]
    /// Other words inside a funnel step, for completion: a step's filter, `any order`, `exclude … between N and M`.
    public static let funnelStepWords = ["where", "order", "between"]
    /// The words after `attribution` in a funnel (`attribution first|last|step N`).
    public static let funnelAttributions = ["first", "last", "step"]

    /// Options of a `paths` step.
    public static let pathsOptions = ["from", "to", "steps", "session", "edges"]

    /// Words of a behavioural cohort filter (`did [not] <event> [>= N times] [within 30d [of signup]]`).
    public static let behaviourWords = ["did", "not", "times", "within", "of", "signup"]

    /// Options of a `load` statement after its path.
    public static let loadOptions = ["map", "delim", "format", "header", "columns", "ids", "append", "replace"]

    /// The word after `load <table>` that binds an engine table instead of reading a file.
    public static let tableSource = "table"

    /// Options of a `load <table> table "…"`: the file options do not apply to an engine table.
    public static let tableLoadOptions = ["map"]

    /// Engines after `connect`.
    public static let engines = ConnectEngine.allCases.map(\.rawValue)

    /// Words that cannot name a `let` variable, because a statement starting with them means something else.
    /// `customers` is a source (every customer), so it cannot name one either.
    public static let reservedVariableNames: Set<String> = Set(statements).union(["customers"])
}
