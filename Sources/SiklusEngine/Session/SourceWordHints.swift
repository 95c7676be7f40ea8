import SiklusLanguage

/// Words analysts start a pipeline with that are tables rather than sources (issue 15): `spend | …`
/// reads like "start from the spend table", but spend has no customers, so it is reached through the
/// spend metrics of any pipeline.
enum SourceWordHints {
    /// The error for a pipeline starting with `name` (no variable of that name), or nil.
    static func diagnostic(for name: Identifier) -> Diagnostic? {
        guard name.lowercased == "spend" else { return nil }
        return Diagnostic("`spend` is a table, not a source: spend has no customers, so pipelines start from `events` or `cohort` and read spend through its metrics",
                          at: name.span,
                          hints: ["events | by month, channel | metric spend, impressions, clicks, ctr, cpa",
                                  "cohort signup=2022-09 | metric cpa   (the cohort narrows the new buyers; a note says spend is not narrowed)",
                                  "`.schema` lists the spend table's columns"])
    }
}
