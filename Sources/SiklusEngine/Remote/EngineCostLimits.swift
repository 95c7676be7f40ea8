import SiklusLanguage
import SiklusPlan

/// The in-memory engine's cost limits (docs/LANGUAGE.md, "Cost"), applied to a pipeline before it is
/// sent to an engine, where the logical plan alone decides them: a query the in-memory engine refuses
/// must not run for minutes on a cluster first. Limits that depend on the data (groups, retention width,
/// transitions' span) cannot be known before the query runs; there the result read back is bounded
/// instead (each connection's cell limit, 10,000,000 cells; the retention pivot's 10,001 columns and
/// 10,000,000 cells).
enum EngineCostLimits {
    /// Throws the in-memory engine's error, at the same step, for a plan past a data-free limit.
    /// - Complexity: O(steps of the plan).
    static func check(_ query: LogicalQuery) throws(Diagnostic) {
        if case .funnel(let funnel) = query.analysis, funnel.steps.count > FunnelPlan.maxSteps {
            throw Diagnostic("a funnel has at most \(FunnelPlan.maxSteps) steps; this one has \(funnel.steps.count)", at: funnel.span)
        }
    }
}
