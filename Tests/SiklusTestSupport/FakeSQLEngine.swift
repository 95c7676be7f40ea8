import Foundation
import SiklusSQL

/// An `SQLEngine` for tests: records every call, answers `columns(ofTable:)` from `tables`, `query`
/// from `rows`, and fails where told to. Thread-safe (Ctrl-C may call `cancel` from another thread).
public final class FakeSQLEngine: SQLEngine, @unchecked Sendable {
    /// One call made to the engine.
    public enum Call: Equatable, Sendable {
        case query(String)
        case execute(String)
        case columns(String)
        case createTable(String, [SQLColumn])
        case close
    }

    public let dialect: SQLDialect
    public let summary: String
    private let lock = NSLock()
    private var recorded: [Call] = []
    /// Existing tables: name → columns.
    public var tables: [String: [SQLTableColumn]]
    /// What every `query` returns.
    public var rows = SQLRows(columns: [])
    /// When set, `createTable` throws it.
    public var createTableError: SQLEngineError?
    /// The `isCancelled` closures `query` was given, so a test can check Ctrl-C reaches the engine.
    public private(set) var cancellationPolls: [@Sendable () -> Bool] = []

    public init(dialect: SQLDialect = .postgres, summary: String = "PostgreSQL 16 (fake)", tables: [String: [SQLTableColumn]] = [:]) {
        self.dialect = dialect
        self.summary = summary
        self.tables = tables
    }

    /// Every call so far, oldest first.
    public var calls: [Call] { lock.withLock { recorded } }

    /// True once `close()` was called.
    public var isClosed: Bool { calls.contains(.close) }

    /// The columns of the last `createTable` call for `name`.
    public func created(_ name: String) -> [SQLColumn]? {
        for call in calls.reversed() { if case .createTable(name, let columns) = call { return columns } }
        return nil
    }

    private func record(_ call: Call) { lock.withLock { recorded.append(call) } }

    public func query(_ sql: String, isCancelled: @escaping @Sendable () -> Bool) throws(SQLEngineError) -> SQLRows {
        record(.query(sql))
        lock.withLock { cancellationPolls.append(isCancelled) }
        if isCancelled() { throw SQLEngineError("canceling statement due to user request", sqlState: "57014", isCancellation: true) }
        return rows
    }

    public func execute(_ sql: String) throws(SQLEngineError) { record(.execute(sql)) }

    public func columns(ofTable name: String) throws(SQLEngineError) -> [SQLTableColumn] {
        record(.columns(name))
        guard let columns = tables[name] else {
            throw SQLEngineError("relation \"\(name)\" does not exist", sqlState: "42P01")
        }
        return columns
    }

    public func createTable(_ name: String, columns: [SQLColumn]) throws(SQLEngineError) {
        record(.createTable(name, columns))
        if let createTableError { throw createTableError }
    }

    public func close() { record(.close) }
}
