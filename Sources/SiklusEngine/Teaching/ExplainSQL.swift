import SiklusLanguage
import SiklusPlan
import SiklusSQL

/// The SQL section of a local `explain`: the tables created from the loaded files (`DuckDBFileTables`),
/// then the DuckDB query SiklusSQL lowers from the same `LogicalQuery` the in-memory engine runs (and a
/// connected engine would run, in its dialect).
///
/// Where the SQL compiler refuses a construct, or its rows are not yet the table itself (retention comes
/// back as long-form cells that Siklus pivots), `lowered` is a failure and `explain` falls back to the
/// older DuckDB translator (`SQLTranslator`) for that construct.
struct ExplainSQL {
    let context: EvalContext

    /// The SQL text, or why the SQL compiler's path does not apply.
    func lowered(_ pipeline: Pipeline) -> Result<String, NoSQLEquivalent> {
        let files: DuckDBFileTables
        switch DuckDBFileTables.make(context.store) {
        case .success(let made): files = made
        case .failure(let reason): return .failure(reason)
        }
        let query: LogicalQuery
        do { query = try Binder(catalog: context.catalog).bind(pipeline) } catch {
            return .failure(NoSQLEquivalent(error.message))
        }
        if case .retention = query.analysis {
            return .failure(NoSQLEquivalent(yet: "retention as one table (the SQL compiler returns long-form cells Siklus pivots)"))
        }
        do {
            let sql = try SQLLowering(catalog: context.catalog, tables: files.tables).lower(query).sql(.duckdb)
            return .success((["-- the tables, as Siklus loaded them from the files:"] + files.statements
                             + ["", "-- the query (the SQL compiler's, as a connected engine runs it in its dialect):", sql + ";"])
                .joined(separator: "\n"))
        } catch {
            return .failure(NoSQLEquivalent(error.construct))
        }
    }
}
