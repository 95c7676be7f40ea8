import Foundation
import SiklusLanguage
import SiklusSQL

/// On an engine that evaluates a CTE at every reference (Spark), the CTEs a query would evaluate more
/// than once are computed once, as cached session-temporary views (`SQLLoweredQuery.materializedRun`),
/// and dropped after the query, whether it succeeded or not.
extension RemoteRun {
    /// The prefix of the cached views' names (the CTE's name follows), unlike any table Siklus writes.
    static let materializedViewPrefix = "siklus_cte_"

    /// Whether CTEs read more than once are cached (`SIKLUS_CACHE_CTES=0` runs the one query instead, to
    /// compare the two on an engine).
    static let cachesCTEs = ProcessInfo.processInfo.environment["SIKLUS_CACHE_CTES"] != "0"

    /// The rows of `compiled`: its one query, or the cached views, the query over them, and their drop.
    /// - Complexity: one engine statement pair per cached CTE, then the query.
    func run(_ compiled: Compiled, at span: SourceSpan) throws(Diagnostic) -> SQLRows {
        let materialized: SQLMaterializedRun?
        do {
            materialized = Self.cachesCTEs ? try compiled.lowered.materializedRun(engine.dialect, viewPrefix: Self.materializedViewPrefix) : nil
        } catch {
            throw Self.notExpressible(error, dialect: engine.dialect, at: span)
        }
        guard let materialized else { return try query(compiled.sql, at: span) }
        defer {
            // Best effort: a view left behind is replaced by the next query's and ends with the session.
            for statement in materialized.tearDown { try? engine.execute(statement) }
        }
        for statement in materialized.setUp { _ = try query(statement, at: span) }
        return try query(materialized.query, at: span)
    }
}
