/// The engines `connect` can open: an existing PostgreSQL database or a Spark session.
public enum ConnectEngine: String, Hashable, Sendable, CaseIterable {
    /// PostgreSQL, reached through libpq: the target is a conninfo string or a `postgresql://` URL.
    case postgres
    /// Apache Spark: the target is a master URL (`local[2]`, `spark://host:7077`, `yarn`).
    case spark

    /// The target used when none is written: Spark's `local[2]`; PostgreSQL always needs one (an empty
    /// string, `""`, asks libpq for its defaults and `PG…` environment variables).
    public var defaultTarget: String? {
        switch self {
        case .postgres: nil
        case .spark: "local[2]"
        }
    }
}

/// `connect postgres "<conninfo or postgresql:// URL>"` or `connect spark ["<master URL>"]`.
public struct ConnectStatement: Hashable, Sendable {
    /// Which engine.
    public var engine: Spanned<ConnectEngine>
    /// The target as written (decoded from its string literal); nil when none was written.
    public var target: Spanned<String>?

    /// A connection to `engine` at `target`.
    public init(engine: Spanned<ConnectEngine>, target: Spanned<String>?) {
        self.engine = engine
        self.target = target
    }

    /// The target to connect to: the one written, else the engine's default (`local[2]` for Spark).
    public var resolvedTarget: String {
        target?.value ?? engine.value.defaultTarget ?? ""
    }
}

/// `load <table> table "[schema.]name" [map role=column …]`: binds an existing table of the connected
/// engine as `events`, `customers` or `spend`, read like a file with those columns.
///
/// Only `map` applies: the file options (`delim`, `format`, `header`, `columns`, `ids`, `append`,
/// `replace`) describe how a file is parsed or added, and are refused with the reason.
public struct LoadTableStatement: Hashable, Sendable {
    /// Which Siklus table the engine table plays.
    public var table: Spanned<LoadTable>
    /// The `table` keyword (errors about the session, such as "not connected", point at it).
    public var keyword: SourceSpan
    /// The engine table's name as written: `orders` or `schema.orders`.
    public var name: Spanned<String>
    /// `map role=column` pairs, in the order written.
    public var mappings: [ColumnMapping]

    /// A binding of the engine table `name` as `table`.
    public init(table: Spanned<LoadTable>, keyword: SourceSpan, name: Spanned<String>, mappings: [ColumnMapping] = []) {
        self.table = table
        self.keyword = keyword
        self.name = name
        self.mappings = mappings
    }
}
