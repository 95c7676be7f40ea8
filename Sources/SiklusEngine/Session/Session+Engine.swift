import SiklusLanguage
import SiklusSQL
import SiklusStore

/// `connect`, `disconnect`, `load … table` and file loads while connected: the session's side of
/// running on an engine. Each statement changes the session only once it has fully succeeded.
extension Session {
    /// Where pipelines run now, for `.engine`.
    public var engineStatus: EngineStatus {
        EngineStatus(summary: connection?.engine.summary,
                     bindings: TableKind.allCases.compactMap { connection?.bindings[$0] })
    }

    /// True while connected to an engine.
    public var isConnected: Bool { connection != nil }

    /// Closes the engine connection, if any, and returns to the in-memory tables (untouched while
    /// connected). Returns the confirmation to show.
    @discardableResult
    public func disconnect() -> String {
        guard let connection else { return "not connected: pipelines run on the in-memory tables" }
        connection.engine.close()
        self.connection = nil
        let loaded = TableKind.allCases.filter { store.isLoaded($0) }.map(\.rawValue)
        return "disconnected from \(connection.engine.summary); pipelines run on the in-memory tables again"
            + (loaded.isEmpty ? " (none is loaded)" : " (\(loaded.joined(separator: ", ")))")
    }

    /// `connect`: opens the new connection, then closes the one it replaces. A failed connect leaves
    /// the session as it was, still connected to the engine it had (if any).
    func connect(_ statement: ConnectStatement) throws(Diagnostic) -> String {
        let dialect: SQLDialect = switch statement.engine.value {
        case .postgres: .postgres
        case .spark: .spark
        }
        let at = statement.target?.span ?? statement.engine.span
        guard let engineConnector else {
            throw Diagnostic("this program cannot connect to engines: it was built without a connector", at: statement.engine.span,
                             hints: ["the `siklus` shell connects; a program embedding Siklus sets `Session.engineConnector`"])
        }
        let opened: any SQLEngine
        do {
            opened = try engineConnector(dialect, statement.resolvedTarget)
        } catch {
            if error.isCancellation {
                throw Diagnostic("cancelled: the connection to \(dialect.displayName) was not opened\(connection.map { "; still connected to \($0.engine.summary)" } ?? "")", at: at)
            }
            throw Diagnostic("cannot connect to \(dialect.displayName): \(error.message)", at: at,
                             hints: statement.target == nil ? [] : ["check the \(dialect == .spark ? "master URL" : "connection string") and that the server runs"])
        }
        let replaced = connection?.engine
        replaced?.close()
        connection = EngineConnection(engine: opened)
        var note = "connected to \(opened.summary): pipelines run there; bind tables with `load events table \"name\"` or load files"
        if let replaced { note += " (closed \(replaced.summary))" }
        return note + "; the in-memory tables wait for `disconnect`"
    }

    /// `load <table> table "<name>"`: binds an existing engine table, replacing an earlier binding of
    /// that table (and the files loaded into it while connected).
    /// - Complexity: one catalog lookup on the engine, then O(columns × (mappings + synonyms)).
    func bindTable(_ statement: LoadTableStatement) throws(Diagnostic) -> String {
        let what = statement.table.value.rawValue
        guard var connection else {
            throw Diagnostic("`load \(what) table` binds a table of a connected engine, and this session is not connected",
                             at: statement.keyword,
                             hints: ["connect first: `connect postgres \"…\"` or `connect spark`; `load \(what) \"file.csv\"` reads a file"])
        }
        guard let table = TableKind(rawValue: what) else { throw Diagnostic("unknown table", at: statement.table.span) }
        let columns: [SQLTableColumn]
        do {
            columns = try connection.engine.columns(ofTable: statement.name.value)
        } catch {
            throw RemoteRun.diagnostic(error, engine: connection.engine, at: statement.name.span)
        }
        let binding = try TableBinder(statement: statement, table: table).bind(columns)
        if table == .events { try createView(BoundEventsView(binding), on: connection.engine, at: statement.name.span) }
        connection.bindings[table] = binding
        _ = connection.staging.unload(table)
        self.connection = connection
        return binding.render(engine: connection.engine.summary)
    }

    /// (Re)creates the view a bound events table is read through (session-temporary on the engine).
    private func createView(_ view: BoundEventsView, on engine: any SQLEngine, at span: SourceSpan) throws(Diagnostic) {
        do {
            for statement in try view.statements(in: engine.dialect) { try engine.execute(statement) }
        } catch let error as SQLEngineError {
            var diagnostic = RemoteRun.diagnostic(error, engine: engine, at: span)
            diagnostic.message = "cannot create the view \(BoundEventsView.name) over \(view.binding.engineTable): " + diagnostic.message
            throw diagnostic
        } catch {
            throw Diagnostic("cannot read \(view.binding.engineTable) on \(engine.dialect.displayName): \(error)", at: span)
        }
    }

    /// `load <table> "<file>"` while connected: Siklus parses the file (with every check of a local
    /// load) into the staging store, then the engine's table `<table>` is created from it. On error
    /// nothing changes, in Siklus or in the bindings.
    /// - Complexity: the local load, plus O(rows × columns) to convert and write the whole table.
    func loadIntoEngine(_ table: TableKind, path: String, options: LoadOptions, mode: LoadMode, at span: SourceSpan) throws -> LoadReport {
        guard var connection else { preconditionFailure("loadIntoEngine needs a connection") }
        var staging = connection.staging
        // A table bound from the engine is not Siklus's to append to: a file load starts the table afresh.
        if case .table? = connection.bindings[table]?.origin { _ = staging.unload(table) }
        var report = try staging.load(table, path: path, options: options, mode: mode)
        if report.alreadyLoaded { return report }
        let written = StoreTableColumns(table, of: staging)
        do {
            try connection.engine.createTable(table.rawValue, columns: written.columns, isCancelled: isCancelled)
        } catch {
            if error.isCancellation {
                throw Diagnostic("cancelled: \(table.rawValue) was not written to \(connection.engine.dialect.displayName); its tables are as they were", at: span)
            }
            var diagnostic = RemoteRun.diagnostic(error, engine: connection.engine, at: span)
            diagnostic.message = "cannot write \(table.rawValue) to \(connection.engine.dialect.displayName): " + diagnostic.message
            throw diagnostic
        }
        let binding = written.binding(table, engineTable: table.rawValue, files: staging.loads.filter { $0.table == table }.map(\.path))
        connection.staging = staging
        connection.bindings[table] = binding
        self.connection = connection
        let order = binding.loadOrderColumn.map {
            MessageCatalog.text(table == .customers ? "load.bind.written_first_seen" : "load.bind.written_file_order", ["column": $0])
        }
        report.notes.append(.worded(MessageCatalog.text("load.bind.written", ["engine": connection.engine.summary, "table": table.rawValue,
                                                                             "rows": String(binding.rowCount ?? 0), "order": order ?? ""])))
        return report
    }

    /// `unload <table>` while connected: forgets the engine table bound to it (the engine keeps it).
    func unbind(_ table: TableKind) -> String {
        guard var connection else { preconditionFailure("unbind needs a connection") }
        let binding = connection.bindings.removeValue(forKey: table)
        _ = connection.staging.unload(table)
        self.connection = connection
        guard let binding else { return "\(table.rawValue) is not bound on \(connection.engine.dialect.displayName)" }
        return "unbound \(table.rawValue) from \(binding.engineTable) (the engine's table is unchanged; the in-memory \(table.rawValue) are untouched)"
    }

    /// Forgets every binding (`.clear` while connected); the in-memory tables are untouched.
    public func unbindAll() -> [String] {
        guard connection != nil else { return [] }
        return TableKind.allCases.filter { connection?.bindings[$0] != nil }.map(unbind)
    }

    /// The remote runner for the current connection.
    func remoteRun(_ connection: EngineConnection) -> RemoteRun {
        RemoteRun(engine: connection.engine, bindings: connection.bindings, staging: connection.staging, settings: settings, stageMap: stageMap, isCancelled: isCancelled)
    }

    /// How a pipeline's result is shown: its last step says `plot` or `export`.
    static func output(_ table: ResultTable, of pipeline: Pipeline) -> StatementOutput {
        switch pipeline.steps.last?.kind {
        case .plot?: .plot(table)
        case .export(let path)?: .export(table, path: path.value, span: pipeline.steps[pipeline.steps.count - 1].span)
        default: .table(table)
        }
    }
}
