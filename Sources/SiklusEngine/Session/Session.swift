import Foundation
import SiklusLanguage
import SiklusSQL
import SiklusStore

/// What one statement produced.
public enum StatementOutput: Sendable {
    /// A query result to render as a table.
    case table(ResultTable)
    /// A query result to draw as a chart (`| plot`).
    case plot(ResultTable)
    /// A query result to write to a file (`| export "file.html"`); the extension chooses the format.
    /// `span` is the `export` step's, for locating errors in writing the file.
    case export(ResultTable, path: String, span: SourceSpan)
    /// The report of a `load` statement.
    case load(LoadReport)
    /// A listing the statement asked for (`stages`, `explain`, `help`): a result, like a table.
    case text(String)
    /// A confirmation of a statement that changed the session (`let`, `set`, `stage … +=`): for the
    /// person at the shell, not a result, so the shell writes it to stderr with load reports.
    case note(String)
}

/// The outcome of one statement of a script: its output, or the diagnostic that stopped it.
public enum StatementOutcome: Sendable {
    case output(StatementOutput, span: SourceSpan)
    case failure(Diagnostic)
}

/// An analysis session: the loaded store, `let` variables, `set` options and the stage map.
///
/// The shell talks only to this type. A statement that fails never changes loaded data, variables,
/// options or stages: each is applied only once it has fully succeeded.
///
/// After `connect`, loads and pipelines go to the engine instead (`Session+Engine.swift`) and the
/// loaded store waits, untouched, for `disconnect`.
public final class Session {
    /// The loaded tables.
    public private(set) var store: Store
    /// Options changed with `set`.
    public private(set) var settings = SessionSettings()
    /// Language and currency (`set language = id`, `set currency = IDR`): how results and messages are shown.
    public var display = DisplaySettings()
    /// The event → stage map, edited with `stage <name> += …`.
    public private(set) var stageMap = StageMap()
    /// `let` variables: the pipeline and the file it was written in (for spans).
    private(set) var variables: [String: Pipeline] = [:]
    /// Derived data for queries, rebuilt when the store, settings or stages change.
    private var cachedContext: EvalContext?
    /// Per-customer facts and event classes depend only on the data and the stage map, so `set` keeps them.
    private var cachedFacts: (classes: EventClasses, facts: CustomerFacts)?
    /// The folder of the script file being run, against which `load` reads relative paths
    /// (`RelativePath`); nil (the working directory) at the prompt, for `-c` and piped input.
    public var scriptDirectory: String?
    /// Polled by long-running queries (and passed to every engine query); the shell points it at its
    /// Ctrl-C flag.
    public var isCancelled: @Sendable () -> Bool = { false } {
        // The cached context holds the closure it was built with: rebuilt with the new one (O(customers)).
        didSet { cachedContext = nil }
    }
    /// Opens a connection for `connect` (an engine and its target: a libpq conninfo or URL, a Spark
    /// master URL). The shell sets SiklusConnect's `EngineConnector.connect`; tests set fakes; nil
    /// makes `connect` an error, so the core links no client library.
    public var engineConnector: ((SQLDialect, String) throws(SQLEngineError) -> any SQLEngine)?
    /// The engine pipelines run on, while connected (`Session+Engine.swift`).
    var connection: EngineConnection?

    public init(store: Store = Store()) {
        self.store = store
    }

    deinit {
        // A local Spark session is a JVM: it must not outlive the session that started it.
        connection?.engine.close()
    }

    /// Runs every statement in `source`, in order, passing each outcome to `handler` (parse errors in
    /// their place among the statements). Stops early when `handler` returns `false`.
    public func run(_ source: SourceFile, handler: (StatementOutcome) -> Bool) {
        var items = parsedItems(source, after: -1)
        var next = 0
        while next < items.count {
            let (start, item) = items[next]
            next += 1
            let language = display.language
            // Each statement (and the handler rendering it) speaks the language in force when it starts.
            let goOn = Language.$current.withValue(language) { () -> Bool in
                let outcome: StatementOutcome
                switch item {
                case .statement(let statement): outcome = execute(statement, in: source)
                case .diagnostic(let diagnostic): outcome = .failure(diagnostic)
                }
                return handler(outcome)
            }
            if !goOn { return }
            // `set language` in the middle of the text: the parse errors after it are worded again in the new
            // language (the statements parse the same in any language).
            if display.language != language, next < items.count {
                items = parsedItems(source, after: start)
                next = 0
            }
        }
    }

    /// The statements and parse errors of `source` starting after offset `after`, in source order, parsed
    /// in the session's language.
    /// - Complexity: O(n) in the length of the source.
    private func parsedItems(_ source: SourceFile, after: Int) -> [(Int, Either)] {
        let parsed = Language.$current.withValue(display.language) { Parser.parse(source) }
        var items: [(Int, Either)] = parsed.statements.map { ($0.span.start, .statement($0)) }
        items += parsed.diagnostics.map { ($0.span?.start ?? 0, .diagnostic($0)) }
        items.sort { $0.0 < $1.0 }
        return items.filter { $0.0 > after }
    }

    private enum Either { case statement(StatementNode), diagnostic(Diagnostic) }

    /// Runs one parsed statement.
    public func execute(_ statement: StatementNode, in source: SourceFile) -> StatementOutcome {
        do {
            return .output(try perform(statement, source), span: statement.span)
        } catch {
            return .failure(error)
        }
    }

    /// Runs `text` (one or more statements) and returns the first table it produced; throws the first error.
    /// Convenient for tests and tools.
    public func query(_ text: String) throws -> ResultTable {
        var result: Result<ResultTable?, Diagnostic> = .success(nil)
        run(SourceFile(name: "<query>", text: text)) { outcome in
            switch outcome {
            case .failure(let d): result = .failure(d); return false
            case .output(.table(let t), _), .output(.plot(let t), _), .output(.export(let t, _, _), _):
                if case .success(nil) = result { result = .success(t) }
                return true
            case .output: return true
            }
        }
        guard let table = try result.get() else { throw Diagnostic("the statement produced no table", at: nil) }
        return table
    }

    /// The diagnostic the first failing statement of `text` raises, or nil when every statement succeeds.
    /// Convenient for tests and tools.
    public func failure(_ text: String) -> Diagnostic? {
        var found: Diagnostic?
        run(SourceFile(name: "<test>", text: text)) { outcome in
            if case .failure(let d) = outcome { found = d; return false }
            return true
        }
        return found
    }

    /// Runs `text` and returns every listing and note it produced (`explain …`, `help …`, `set …`), joined by
    /// line breaks; throws the first error. Convenient for tests and tools.
    public func texts(_ text: String) throws -> String {
        var texts: [String] = []
        var failure: Diagnostic?
        run(SourceFile(name: "<test>", text: text)) { outcome in
            switch outcome {
            case .output(.text(let text), _), .output(.note(let text), _): texts.append(text)
            case .output: break
            case .failure(let diagnostic): failure = diagnostic; return false
            }
            return true
        }
        if let failure { throw failure }
        return texts.joined(separator: "\n")
    }

    private func perform(_ node: StatementNode, _ source: SourceFile) throws(Diagnostic) -> StatementOutput {
        switch node.kind {
        case .load(let load):
            return .load(try perform(load))
        case .loadTable(let load):
            return .note(try bindTable(load))
        case .connect(let connect):
            return .note(try self.connect(connect))
        case .disconnect:
            return .note(disconnect())
        case .unload(let table):
            guard let kind = TableKind(rawValue: table.value.rawValue) else { throw Diagnostic("unknown table", at: table.span) }
            if connection != nil { return .note(unbind(kind)) }
            return .note(unload(kind).localized())
        case .pipeline(let pipeline):
            if let connection {
                let expanded = try expand(pipeline)
                return Self.output(try remoteRun(connection).run(expanded), of: expanded)
            }
            let (plan, reviewed) = try compileReviewed(try expand(pipeline))
            var table = try QueryExecutor.run(plan, context())
            let warnings = relocateVariableWarnings(reviewed, of: pipeline)
            table.warnings = warnings + table.warnings
            switch plan.presentation {
            case .table: return .table(table)
            case .plot: return .plot(table)
            case .export(let path, let span): return .export(table, path: path, span: span)
            }
        case .let(let binding):
            let expanded = try expand(binding.pipeline)
            // Connected, names are the engine tables': the in-memory binder would check the wrong columns.
            // Connected, names are the engine tables': the engine's compile checks them (its refusals are the run's to report).
            var warnings: [Diagnostic] = []
            if let connection {
                warnings = (try? remoteRun(connection).compile(expanded))?.warnings ?? []
            } else {
                warnings = relocateVariableWarnings(try compileReviewed(expanded).1, of: binding.pipeline)
            }
            variables[binding.name.lowercased] = expanded
            return .note(LetWarnings.note("\(binding.name.text) = \(source[binding.pipeline.span])", warnings: warnings,
                                          statement: binding.pipeline.span, in: source))
        case .set(let statement):
            var nextDisplay = display
            if let note = try nextDisplay.apply(statement) {
                display = nextDisplay
                return .note(note)
            }
            var next = settings
            try next.apply(statement)
            settings = next
            cachedContext = nil
            return .note(settings.describe(dataEnd: context().dataEnd))
        case .stages:
            return .text(stageMap.describe())
        case .stageEdit(let edit):
            var next = stageMap
            try next.edit(edit)
            stageMap = next
            cachedContext = nil
            cachedFacts = nil
            return .note(stageMap.describe())
        case .explain(let pipeline, let detail):
            if let connection {
                return .text(try remoteRun(connection).explain(try expand(pipeline), text: String(source[pipeline.span]), detail: detail,
                                                               source: source, statement: pipeline.span))
            }
            var explainer = Explainer(context: context(), detail: detail)
            explainer.variableWarnings = variableOwnWarnings(of: pipeline)
            return .text(try explainer.explain(try expand(pipeline), original: pipeline, source: source))
        case .help(let words):
            let topic = words.map(\.value).joined(separator: " ")
            guard let text = help(topic.isEmpty ? nil : topic) else {
                let span = words.first.map { $0.span.union(words[words.count - 1].span) }
                throw Diagnostic.unknown("help topic", topic, at: span, among: HelpCatalog.topics(vocabulary), fallbackHint: MessageCatalog.text("diag.try_help"))
            }
            return .text(text)
        }
    }

    /// The options, stage map and variables as they are now, for `restore`.
    public func options() -> SessionOptions { SessionOptions(settings: settings, stageMap: stageMap, variables: variables) }

    /// Puts back what `options()` took (loaded data stays as it is); cached facts are dropped only for
    /// what changed.
    public func restore(_ options: SessionOptions) {
        if options.settings != settings { settings = options.settings; cachedContext = nil }
        if options.stageMap != stageMap { stageMap = options.stageMap; cachedContext = nil; cachedFacts = nil }
        variables = options.variables
    }

    /// text → syntax → logical plan (bound against the data's catalog) → the in-memory columnar plan.
    func compile(_ pipeline: Pipeline) throws(Diagnostic) -> ColumnarPlan {
        let context = context()
        return try ColumnarCompiler.compile(try Binder(catalog: context.catalog).bind(pipeline), context)
    }

    /// `warnings` of `pipeline` run in memory, those from its `let` variable's own text located at the
    /// variable's name (`VariableWarnings`).
    private func relocateVariableWarnings(_ warnings: [Diagnostic], of pipeline: Pipeline) -> [Diagnostic] {
        guard !warnings.isEmpty, let (name, own) = variableOwnWarnings(of: pipeline) else { return warnings }
        return VariableWarnings.relocate(warnings, ownWarnings: own, name: name)
    }

    /// The name of `pipeline`'s `let` variable and the warnings its pipeline gives alone, when it starts
    /// from one.
    /// - Complexity: a review of the variable's pipeline (binding and value lookups, no pass over the data).
    private func variableOwnWarnings(of pipeline: Pipeline) -> (Identifier, [Diagnostic])? {
        guard case .variable(let name) = pipeline.source.kind, let bound = variables[name.lowercased],
              let own = try? compileReviewed(bound).1, !own.isEmpty else { return nil }
        return (name, own)
    }

    /// Replaces a variable source by the variable's pipeline, followed by the steps written after it.
    private func expand(_ pipeline: Pipeline) throws(Diagnostic) -> Pipeline {
        guard case .variable(let name) = pipeline.source.kind else { return pipeline }
        guard let bound = variables[name.lowercased] else {
            if let hint = SourceWordHints.diagnostic(for: name) { throw hint }
            let known = Array(variables.keys) + Keywords.statements
            throw Diagnostic.unknown("statement or variable", name.text, at: name.span, among: known,
                                     fallbackHint: variables.isEmpty ? MessageCatalog.text("diag.define_variable", ["name": name.text]) : nil)
        }
        return Pipeline(source: bound.source, steps: bound.steps + pipeline.steps, span: pipeline.span)
    }

    private func perform(_ load: LoadStatement) throws(Diagnostic) -> LoadReport {
        var options = LoadOptions()
        for mapping in load.mappings {
            guard let role = ColumnRole(rawValue: mapping.role.value.rawValue) else { continue }
            options.mapping[role] = mapping.column.text
        }
        options.delimiter = load.delimiter?.value
        for format in load.formats { options.formats[format.column.text] = TimeFormat(format.format.value) }
        options.header = load.header?.value ?? true
        options.columnNames = load.columns?.value.map(\.text)
        options.integerIDs = load.ids?.value == .integer
        guard let table = TableKind(rawValue: load.table.value.rawValue) else {
            throw Diagnostic("unknown table", at: load.table.span)
        }
        do {
            let mode: LoadMode = switch load.mode?.value {
            case .append?: .append
            case .replace?: .replace
            case nil: .normal
            }
            let path = RelativePath.resolve(load.path.value, in: scriptDirectory)
            // Connected, the file goes to the engine; the in-memory tables wait for `disconnect`.
            if connection != nil { return try loadIntoEngine(table, path: path, options: options, mode: mode, at: load.path.span) }
            return try self.load(table, path: path, options: options, mode: mode)
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch let error as LoadError {
            throw LoadErrorMessage.diagnostic(error, at: load.path.span)
        } catch {
            throw Diagnostic("cannot load \(RelativePath.resolve(load.path.value, in: scriptDirectory)): \(error)", at: load.path.span)
        }
    }

    /// Loads a CSV file into a table, as `load` does; used by the shell for `--data DIR` and the demo.
    /// On error nothing changes.
    public func load(_ table: TableKind, path: String, options: LoadOptions = LoadOptions(), mode: LoadMode = .normal) throws -> LoadReport {
        var next = store
        let report = try next.load(table, path: path, options: options, mode: mode)
        store = next
        cachedContext = nil
        cachedFacts = nil
        return report
    }

    /// Empties `table` (`unload`): as `load … replace` does before loading, customer ids left with no
    /// rows anywhere are dropped. Variables, `set` options and stage edits stay.
    /// - Complexity: O(customers + events + customer attributes).
    @discardableResult
    public func unload(_ table: TableKind) -> UnloadSummary {
        let summary = store.unload(table)
        cachedContext = nil
        cachedFacts = nil
        return summary
    }

    /// Empties every table (`.clear`); variables, `set` options and stage edits stay, as DuckDB's
    /// settings and macros outlive a `DROP TABLE`.
    /// - Complexity: O(customers + events + customer attributes).
    public func clear() -> [UnloadSummary] {
        TableKind.allCases.map { unload($0) }
    }

    /// True when `text` ends inside an unfinished statement (a trailing `|` or `\`, an open quote or
    /// parenthesis), so the REPL should read a continuation line.
    public func needsContinuation(_ text: String) -> Bool {
        Lexer.needsContinuation(text)
    }

    /// The derived per-customer data for queries, built on first use after a change.
    func context() -> EvalContext {
        if let cachedContext { return cachedContext }
        let derived = cachedFacts ?? {
            var timer = PhaseTimer()
            let classes = EventClasses(stageMap: stageMap, strings: store.strings)
            defer { timer.mark("query: customer facts") }
            return (classes, CustomerFacts(store: store, classes: classes))
        }()
        cachedFacts = derived
        let context = EvalContext(store: store, settings: settings, stageMap: stageMap, classes: derived.classes,
                                  facts: derived.facts, isCancelled: isCancelled)
        cachedContext = context
        return context
    }
}
