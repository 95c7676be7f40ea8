import SiklusLanguage
import SiklusPlan
import SiklusSQL

/// The SQL section of a local `explain`: the tables created from the loaded files (`DuckDBFileTables`),
/// then the DuckDB query SiklusSQL lowers from the same `LogicalQuery` the in-memory engine runs (and a
/// connected engine would run, in its dialect). Every explain's SQL comes from the SQL compiler; where
/// it refuses a construct, explain names it instead of showing SQL.
///
/// Retention's query returns long-form cells that Siklus pivots (`SQLRetentionPivot`), because its
/// period columns depend on the data. Here the data is in memory, so explain knows the table's width and
/// shows the table-shaped query (`SQLLoweredQuery.retentionTable`): the long-form cells, then the same
/// pivot as conditional aggregation over those period columns, which DuckDB runs to give the table itself.
struct ExplainSQL {
    let context: EvalContext

    /// The SQL text, or why there is none.
    /// - Complexity: one bind and lowering; for retention, the in-memory table is computed once for its
    ///   width (one retention pass over the scope).
    func lowered(_ pipeline: Pipeline, plan: ColumnarPlan) -> Result<String, NoSQLEquivalent> {
        let files: DuckDBFileTables
        let listsRows = if case .rows = plan.output { true } else { false }
        switch DuckDBFileTables.make(context.store, listsRows: listsRows) {
        case .success(let made): files = made
        case .failure(let reason): return .failure(reason)
        }
        let query: LogicalQuery
        do {
            // Reviewed as a run is (case-only value mismatches in the data's spelling), so the SQL gives the same rows.
            query = PlanWarnings.review(try Binder(catalog: context.catalog).bind(pipeline), data: StoreValues.of(context), catalog: context.catalog).0
        } catch {
            return .failure(NoSQLEquivalent(error.message))
        }
        do {
            var lowered = try SQLLowering(catalog: context.catalog, tables: files.tables).lower(query)
            if case .retention = lowered.reading {
                guard let width = try? QueryExecutor.run(plan, context).columns.count - 2,
                      let table = lowered.retentionTable(columns: width) else {
                    return .failure(NoSQLEquivalent("this retention table (its width could not be computed)"))
                }
                lowered = table
            }
            let sql = try lowered.sql(.duckdb)
            return .success((["-- the tables, as Siklus loaded them from the files:"] + files.statements
                             + ["", "-- the query (the SQL compiler's, as a connected engine runs it in its dialect):", sql + ";"])
                .joined(separator: "\n"))
        } catch {
            return .failure(NoSQLEquivalent(error.construct))
        }
    }
}
