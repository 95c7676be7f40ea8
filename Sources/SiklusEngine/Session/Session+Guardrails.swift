import SiklusLanguage

extension Session {
    /// `compile`, with the guardrails of issue 15 in between: the bound query is checked against the
    /// store's values and the plan (`PlanWarnings.review`), case-only value mismatches are rewritten to the
    /// data's spelling, and the warnings come back for the result.
    /// - Complexity: `compile`'s, plus `ValueCheck`'s (a dictionary lookup per written value; a pass over
    ///   a column only for a value no text column holds).
    func compileReviewed(_ pipeline: Pipeline) throws(Diagnostic) -> (ColumnarPlan, [Diagnostic]) {
        let context = context()
        let bound = try Binder(catalog: context.catalog).bind(pipeline)
        let (query, warnings) = PlanWarnings.review(bound, data: StoreValues.of(context), catalog: context.catalog)
        return (try ColumnarCompiler.compile(query, context), warnings)
    }
}
