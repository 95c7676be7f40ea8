import SiklusLanguage

/// The guardrails of issue 15 that the logical plan alone decides (no data read): no table loaded at all,
/// a step that removes what a metric counts, two meanings of `channel` in one query, `top` on a metric where lower is
/// better. The value check, which needs the data's values, is `ValueCheck`.
public enum PlanWarnings {
    /// Warnings and notes about `query`, in the order of the steps they point at.
    /// - Complexity: O(steps + filter nodes).
    public static func of(_ query: LogicalQuery, catalog: Catalog) -> [Diagnostic] {
        [NoDataCheck.warning(catalog: catalog), PurchaseRowsCheck.warning(query, catalog: catalog), ChannelMeaningCheck.note(query),
         RankDirectionCheck.note(query)].compactMap { $0 }
    }

    /// Everything the guardrails say about `query` against `data`, and the query with its case-only value
    /// mismatches rewritten to the data's spelling (`ValueCheck`). Both backends run the returned query.
    public static func review(_ query: LogicalQuery, data: DataValues, catalog: Catalog) -> (LogicalQuery, [Diagnostic]) {
        let (reviewed, findings) = ValueCheck.review(query, data: data, catalog: catalog)
        return (reviewed, findings + of(reviewed, catalog: catalog))
    }
}
