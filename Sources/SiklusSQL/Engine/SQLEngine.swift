/// An error reported by an engine (or by talking to it), with what the engine said.
public struct SQLEngineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The engine's message, first line first.
    public var message: String
    /// The SQLSTATE code when the engine gives one (PostgreSQL, Spark's error classes).
    public var sqlState: String?
    /// 1-based character offset in the SQL text the error points at, when the engine gives one.
    public var position: Int?
    /// True when the query was cancelled (Ctrl-C), not failed.
    public var isCancellation: Bool

    public init(_ message: String, sqlState: String? = nil, position: Int? = nil, isCancellation: Bool = false) {
        self.message = message
        self.sqlState = sqlState
        self.position = position
        self.isCancellation = isCancellation
    }

    public var description: String { message }
}

/// A connection to a SQL engine that runs compiled pipelines: PostgreSQL (libpq) or Spark (a
/// long-lived session). Implementations live in `SiklusConnect`; the engine module only sees this
/// protocol, so the core needs no client library.
///
/// Calls are made from one thread at a time; `cancel()` may be called from another (Ctrl-C).
public protocol SQLEngine: AnyObject, Sendable {
    var dialect: SQLDialect { get }
    /// One line for `.engine`: the engine and where it runs (never a password).
    var summary: String { get }

    /// Runs a query and returns its rows. Polls `isCancelled` while waiting and cancels the query on
    /// the engine when it turns true (then throws an error with `isCancellation`).
    func query(_ sql: String, isCancelled: @escaping @Sendable () -> Bool) throws(SQLEngineError) -> SQLRows

    /// Runs a statement that returns no rows (DDL, `SET`).
    func execute(_ sql: String) throws(SQLEngineError)

    /// The columns of an existing table or view (`schema.table` or `table`), in table order; an error
    /// naming the table when it does not exist.
    func columns(ofTable name: String) throws(SQLEngineError) -> [SQLTableColumn]

    /// Creates a session-scoped table (PostgreSQL: TEMP table filled with COPY; Spark: a temporary view)
    /// named `name` holding `columns`, replacing one of that name. All columns have the same count.
    func createTable(_ name: String, columns: [SQLColumn]) throws(SQLEngineError)

    /// `createTable` that stops when `isCancelled` turns true (Ctrl-C during a load while connected),
    /// throwing an error with `isCancellation` and leaving any table of that name as it was.
    func createTable(_ name: String, columns: [SQLColumn], isCancelled: @escaping @Sendable () -> Bool) throws(SQLEngineError)

    /// Ends the session and frees the engine's resources (stops a local Spark session).
    func close()
}

extension SQLEngine {
    /// Engines that cannot stop a table's creation midway create it whole.
    public func createTable(_ name: String, columns: [SQLColumn], isCancelled: @escaping @Sendable () -> Bool) throws(SQLEngineError) {
        try createTable(name, columns: columns)
    }
}
