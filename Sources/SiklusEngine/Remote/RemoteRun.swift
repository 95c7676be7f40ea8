import SiklusLanguage
import SiklusPlan
import SiklusSQL
import SiklusStore

/// Runs a pipeline on the connected engine: bind it against the catalog of the engine's tables
/// (`EngineCatalog`), lower the logical query to one SQL query (SiklusSQL), print it in the engine's
/// dialect, run it (Ctrl-C cancels it on the engine) and read its rows into the same `ResultTable` the
/// in-memory engine builds, so rendering, `plot`, `export`, `let` and `.mode` work unchanged.
struct RemoteRun {
    let engine: any SQLEngine
    /// The tables the engine holds for `events`, `customers` and `spend`.
    let bindings: [TableKind: EngineTableBinding]
    /// The files loaded while connected, as Siklus parsed them (their event names feed the catalog).
    let staging: Store
    let settings: SessionSettings
    let stageMap: StageMap
    /// Ctrl-C: passed to every engine query, which cancels the query on the engine when it turns true.
    let isCancelled: @Sendable () -> Bool

    /// The result of `pipeline` computed by the engine.
    /// - Complexity: one catalog build (O(columns)), one engine query, O(result cells) to read it.
    func run(_ pipeline: Pipeline) throws(Diagnostic) -> ResultTable {
        let compiled = try compile(pipeline)
        if case .customerValue(let value) = compiled.logical.analysis, value.isGrouped {
            return try rfmGroupsTable(value, pipeline: pipeline, summary: compiled)
        }
        let rows = try run(compiled, at: pipeline.span)
        let lowered = compiled.lowered
        var table: ResultTable
        do {
            table = try lowered.resultTable(rows)
        } catch {
            throw Diagnostic("the rows \(engine.dialect.displayName) returned do not form the result table: \(error.message)", at: pipeline.span)
        }
        if case .customerValue(let value) = compiled.logical.analysis {
            table = try customerValueTable(value, rows: table, presentation: compiled.logical.presentation, at: pipeline.span)
        }
        // Retention's (and customer value's) sort/top/limit: on the pivoted table, as in memory.
        for step in lowered.postAfterPivot { table = try ResultOperations.apply(step, to: table) }
        table.warnings = compiled.warnings + table.warnings
        return table
    }

    /// text → logical plan (bound against the engine's catalog) → SQL in the engine's dialect. A construct
    /// the SQL compiler cannot express is an error naming it, located at the pipeline. A grouped rfm compiles
    /// to its summary's query, or with `rfmScores` to the grouped query over them (`RemoteRun+RFMGroups`).
    func compile(_ pipeline: Pipeline, rfmScores: SQLRFMScores? = nil) throws(Diagnostic) -> Compiled {
        guard bindings[.events] != nil else {
            throw Diagnostic("no events table on \(engine.dialect.displayName)", at: pipeline.source.span,
                             hints: ["bind one with `load events table \"name\"`, or load a file with `load events \"file.csv\"`"])
        }
        let catalog = EngineCatalog(bindings: bindings, staging: staging, settings: settings, stageMap: stageMap, dialect: engine.dialect)
        let bound = try Binder(catalog: catalog.catalog).bind(pipeline)
        // The guardrails (issue 15) see the values of the files Siklus wrote to the engine, none of a bound table's.
        let (logical, warnings) = PlanWarnings.review(bound, data: StoreValues.staged(staging, bindings: bindings, catalog: catalog.catalog),
                                                      catalog: catalog.catalog)
        try EngineCostLimits.check(logical)
        do {
            var lowering = SQLLowering(catalog: catalog.catalog, tables: catalog.tables)
            lowering.rfmScores = rfmScores
            let lowered = try lowering.lower(rfmScores == nil ? Self.summaryQuery(of: logical) : logical)
            return Compiled(catalog: catalog.catalog, logical: logical, lowered: lowered, sql: try lowered.sql(engine.dialect), warnings: warnings)
        } catch {
            throw Self.notExpressible(error, dialect: engine.dialect, at: pipeline.span)
        }
    }

    /// A pipeline compiled for the engine: the catalog it was bound against, its logical plan, the lowered
    /// query and its SQL in the engine's dialect.
    struct Compiled {
        let catalog: Catalog
        let logical: LogicalQuery
        let lowered: SQLLoweredQuery
        let sql: String
        /// The guardrails' warnings and notes (`PlanWarnings.review`), shown with the result.
        var warnings: [Diagnostic] = []
    }

    /// `explain` of `pipeline` for the engine: the logical plan, the SQL the engine runs, where its tables
    /// come from, and the settings. (The plan in words and the worked example read rows, so they are
    /// the in-memory explain's.) Every form shows the SQL; `tree` and `all` add the logical plan.
    func explain(_ pipeline: Pipeline, text: String, detail: ExplainDetail = .all, source: SourceFile? = nil,
                 statement: SourceSpan? = nil) throws(Diagnostic) -> String {
        let compiled = try compile(pipeline)
        func indented(_ text: String) -> [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 } }
        var out = ["query", "  " + text]
        out += ExplainWarnings.lines(compiled.warnings, statement: statement ?? pipeline.span, in: source)
        if detail.showsTrees { out += ["", "logical plan"] + indented(LogicalPlanPrinter.print(compiled.logical, catalog: compiled.catalog)) }
        out += ["", "sql (\(engine.dialect.displayName), as run on \(engine.summary))"] + indented(compiled.sql + ";")
        out += try rfmGroupsExplanation(pipeline, summary: compiled).map { "  " + $0 }
        if case .retention = compiled.lowered.reading { out += indented(Self.retentionPivotNote) }
        out += [""] + indented(EngineTableSources(bindings: bindings, dialect: engine.dialect).text)
        // The last data day is the engine's (the SQL computes it); Siklus has not read it.
        let described = settings.describe(dataEnd: nil).replacingOccurrences(of: "latest (no data)", with: "latest (the last day with an event, computed by the engine)")
        out += ["", "settings", "  " + described]
        return out.joined(separator: "\n")
    }

    /// How retention's long-form cells become the table: the period columns depend on the data, which
    /// Siklus has not read from the engine, so the pivot is described rather than written as SQL (a local
    /// `explain` shows it as SQL over the data's columns).
    static let retentionPivotNote = """
        -- the rows are long-form cells (kind, cohort, period, value), which Siklus pivots into the table:
        -- one row per cohort (kind 1: its customers), period columns 0 … the largest age (kind 2), capped by the horizon
        -- or grouped by the brackets, cell k = the active customers of period k (kind 3, with unbounded: of period k or
        -- later), or their % of the customers whose age is at least k (with `value`: of the period-0 sums, kind 4),
        -- empty when there are none
        """

    /// A construct the SQL compiler refuses, as a located error naming it.
    static func notExpressible(_ error: SQLNotExpressible, dialect: SQLDialect, at span: SourceSpan) -> Diagnostic {
        Diagnostic("cannot run on \(dialect.displayName): the SQL compiler cannot express \(error.construct)", at: span,
                   hints: ["`disconnect` returns to the in-memory tables, which run every pipeline"])
    }

    /// Runs `sql` on the engine, cancelled by Ctrl-C; an engine error becomes a diagnostic at `span`
    /// carrying the engine's message (and SQLSTATE), a cancellation says so.
    func query(_ sql: String, at span: SourceSpan) throws(Diagnostic) -> SQLRows {
        do {
            return try engine.query(sql, isCancelled: isCancelled)
        } catch {
            throw Self.diagnostic(error, engine: engine, at: span)
        }
    }

    /// An engine's error as a located Siklus error.
    static func diagnostic(_ error: SQLEngineError, engine: any SQLEngine, at span: SourceSpan?) -> Diagnostic {
        if error.isCancellation { return Diagnostic("cancelled: the query was stopped on \(engine.dialect.displayName)", at: span) }
        let state = error.sqlState.map { " (SQLSTATE \($0))" } ?? ""
        return Diagnostic("\(engine.dialect.displayName) said: \(error.message)\(state)", at: span)
    }
}
