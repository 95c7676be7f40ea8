/// The pipelines each engine refuses, committed so the list can only shrink: every refusal of the
/// matrix must be here, with the construct its error names ("the SQL compiler cannot express …"); an
/// entry that runs fails the matrix until it is taken off. Keys are pipelines as written in the golden
/// scripts, the `explain` cases and `MatrixData.randomPipelines`.
///
/// Recorded on the matrix branch with the compiler of `sql` 64e9a73 and `wire` e1e3150: the three
/// dialects refuse the same pipelines.
enum MatrixRefusals {
    static func list(_ engine: MatrixEngine) -> [String: String] {
        switch engine {
        case .postgres: postgres
        case .duckdb: duckdb
        case .spark: spark
        }
    }

    static let postgres = notLoweredYet
    static let duckdb = notLoweredYet
    static let spark = notLoweredYet

    /// Pipelines whose engine result is known to differ from memory (compiler bugs, reported to their
    /// owners), with what differs: the matrix reports them and fails when one becomes equal (take it off).
    static func wrongResults(_ engine: MatrixEngine) -> [String: String] {
        [:]
    }

    /// Pipelines past a cost limit of the in-memory engine (its error text here) that an engine may run.
    static let memoryLimits: [String: String] = [
        "events | funnel " + Array(repeating: "visit", count: 33).joined(separator: " -> "): "a funnel has at most 32 steps",
        "events | by customer, amount | metric customers": "too many groups",
        // errors.sik sets as_of = 2100-01-01 first.
        "cohort | metric transitions": "transitions would span",
    ]

    /// Constructs the SQL compiler refuses on every dialect.
    private static let notLoweredYet: [String: String] = [:]
}
