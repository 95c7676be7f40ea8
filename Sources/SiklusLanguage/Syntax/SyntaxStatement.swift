/// One statement of a script, with the span of its full text (so a shell can echo or explain it:
/// `source[node.span]`). The span runs from the first token to the last, excluding the `;` or line
/// break that ends it; comments and blank lines inside a multi-line statement are included.
public struct StatementNode: Hashable, Sendable {
    /// What the statement is.
    public var kind: Statement
    /// Its full text.
    public var span: SourceSpan

    /// `kind` written at `span`.
    public init(_ kind: Statement, at span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}

/// A statement: what one line (or `;`-separated part of a line) of a script asks for.
public enum Statement: Hashable, Sendable {
    /// `load events "events.csv" map customer=CustomerID delim=";" format ts="%d/%m/%Y"`.
    case load(LoadStatement)
    /// `load events table "public.orders" map customer=cust_id`: bind a table of the connected engine.
    case loadTable(LoadTableStatement)
    /// `connect postgres "host=… dbname=…"`, `connect spark "local[2]"`: run on an engine from now on.
    case connect(ConnectStatement)
    /// `disconnect`: close the engine connection and return to the in-memory tables.
    case disconnect
    /// `unload events`: empty a table (customer ids left with no rows anywhere are dropped, as by `load … replace`).
    case unload(Spanned<LoadTable>)
    /// `cohort signup=2022-09 | stage retention | metric avg_order`: a query to run and show.
    case pipeline(Pipeline)
    /// `let sept = cohort signup=2022-09`: name a pipeline for later use as a source.
    case `let`(LetStatement)
    /// `set churn_after = 90d`: change a session option.
    case set(SetStatement)
    /// `stages`: list the stage map.
    case stages
    /// `stage retention += repeat_purchase, renewal` or `stage retention -= renewal`: edit the stage map.
    case stageEdit(StageEdit)
    /// `explain [sql|tree|all] <pipeline>`: describe how a pipeline would run instead of running it, in
    /// the short form for a class or with the SQL, the trees, or everything (`ExplainDetail`).
    case explain(Pipeline, ExplainDetail)
    /// `help [words…]`: help on a topic; each word is kept as written, with its span (strings decoded).
    case help([Spanned<String>])
}

/// A source followed by steps: `cohort signup=2022-09 | stage retention | metric avg_order`.
public struct Pipeline: Hashable, Sendable {
    /// Where rows come from.
    public var source: SourceNode
    /// The steps, in order; may be empty.
    public var steps: [StepNode]
    /// From the source to the last step.
    public var span: SourceSpan

    /// A pipeline of `source` then `steps`.
    public init(source: SourceNode, steps: [StepNode], span: SourceSpan) {
        self.source = source
        self.steps = steps
        self.span = span
    }
}

/// `let <name> = <pipeline>`.
public struct LetStatement: Hashable, Sendable {
    /// The variable being bound; never a statement keyword.
    public var name: Identifier
    /// Its value.
    public var pipeline: Pipeline

    /// Binds `name` to `pipeline`.
    public init(name: Identifier, pipeline: Pipeline) {
        self.name = name
        self.pipeline = pipeline
    }
}

/// `set <option> = <value>`. The value is parsed generically; the engine checks the option name and
/// whether the value suits it (`churn_after` wants a duration, `as_of` a date, `period` a name…).
public struct SetStatement: Hashable, Sendable {
    /// The option: `churn_after`, `as_of`, `period`, `week_start`, …
    public var option: Identifier
    /// The value: a name, integer, number, string, date or duration.
    public var value: LiteralNode

    /// Sets `option` to `value`.
    public init(option: Identifier, value: LiteralNode) {
        self.option = option
        self.value = value
    }
}

/// `stage <name> += e1, e2` or `stage <name> -= e1`.
public struct StageEdit: Hashable, Sendable {
    /// The stage being edited.
    public var stage: Identifier
    /// Add or remove.
    public var operation: Spanned<StageEditOperation>
    /// The event names, at least one (bare words or quoted strings).
    public var events: [Identifier]

    /// An edit of `stage`.
    public init(stage: Identifier, operation: Spanned<StageEditOperation>, events: [Identifier]) {
        self.stage = stage
        self.operation = operation
        self.events = events
    }
}

/// Whether a stage edit adds or removes events.
public enum StageEditOperation: String, Hashable, Sendable, CaseIterable {
    /// `+=`
    case add = "+="
    /// `-=`
    case remove = "-="
}
