import CLibPQ
import Foundation
import SiklusSQL

/// A session on a PostgreSQL server through libpq, PostgreSQL's own C client: `connect postgres "…"`.
///
/// Every session runs with time zone UTC, UTF-8, `extra_float_digits = 3` (doubles sent exactly) and ISO
/// dates, which the value parsers rely on. Queries are sent asynchronously and waited for on the socket,
/// so a query can be cancelled on the server while it runs. Results come back in single-row mode and are
/// refused past `resultCellLimit` cells or `resultByteLimit` bytes, so a huge result fails instead of
/// exhausting memory. Calls are serialized by a lock; the `isCancelled` closure is polled from the calling
/// thread.
public final class PostgresConnection: SQLEngine, @unchecked Sendable {
    /// Cells (rows × columns) a query may return by default: 10 million, about 0.5–1 GB as Swift values.
    public static let defaultResultCellLimit = 10_000_000
    /// Bytes of value text a query may return by default: 1 GiB.
    public static let defaultResultByteLimit = 1 << 30

    public let dialect = SQLDialect.postgres
    public let summary: String
    public let resultCellLimit: Int
    public let resultByteLimit: Int

    // `@unchecked Sendable`: `connection` is only read or written while `lock` is held.
    private let lock = NSLock()
    private var connection: OpaquePointer?
    private let target: PostgresConnectionTarget

    /// Connects to the server `target` names: a libpq conninfo string (`host=/tmp port=5432 dbname=shop`)
    /// or a URL (`postgresql://user@host:5432/shop`). An empty target uses libpq's defaults (`PGHOST`, …).
    /// Fails with libpq's reason (passwords removed) when the server cannot be reached or refuses.
    /// Ctrl-C (`isCancelled`) abandons the connect.
    public init(_ target: String, resultCellLimit: Int = defaultResultCellLimit,
                resultByteLimit: Int = defaultResultByteLimit, isCancelled: () -> Bool = { false }) throws(SQLEngineError) {
        self.target = PostgresConnectionTarget(target)
        self.resultCellLimit = resultCellLimit
        self.resultByteLimit = resultByteLimit
        let connection = try self.target.connect(isCancelled: isCancelled)
        self.connection = connection
        summary = Self.describe(connection)
        var discarded = PostgresResultReader.discarding
        do {
            try run(connection, "SET TIME ZONE 'UTC'; SET client_encoding TO 'UTF8'; SET extra_float_digits TO 3; SET DateStyle TO 'ISO, YMD'; SET IntervalStyle TO 'iso_8601'; SET client_min_messages TO warning",
                    isCancelled: { false }, reader: &discarded)
        } catch {
            PQfinish(connection)
            self.connection = nil
            throw error
        }
    }

    deinit {
        if let connection { PQfinish(connection) }
    }

    public func query(_ sql: String, isCancelled: @escaping @Sendable () -> Bool) throws(SQLEngineError) -> SQLRows {
        lock.lock()
        defer { lock.unlock() }
        var reader = PostgresResultReader(cellLimit: resultCellLimit, byteLimit: resultByteLimit)
        try run(try open(), sql, isCancelled: isCancelled, reader: &reader)
        return reader.rows()
    }

    public func execute(_ sql: String) throws(SQLEngineError) {
        lock.lock()
        defer { lock.unlock() }
        var discarded = PostgresResultReader.discarding
        try run(try open(), sql, isCancelled: { false }, reader: &discarded)
    }

    public func columns(ofTable name: String) throws(SQLEngineError) -> [SQLTableColumn] {
        lock.lock()
        defer { lock.unlock() }
        return try tableColumns(try open(), name)
    }

    public func createTable(_ name: String, columns: [SQLColumn]) throws(SQLEngineError) {
        try createTable(name, columns: columns, isCancelled: { false })
    }

    /// Ctrl-C stops the COPY between batches; the transaction is rolled back, so the table of that name
    /// is as it was.
    public func createTable(_ name: String, columns: [SQLColumn], isCancelled: @escaping @Sendable () -> Bool) throws(SQLEngineError) {
        lock.lock()
        defer { lock.unlock() }
        try createTemporaryTable(try open(), name, columns: columns, isCancelled: isCancelled)
    }

    public func close() {
        lock.lock()
        defer { lock.unlock() }
        if let connection { PQfinish(connection) }
        connection = nil
    }

    /// The open connection, or an error once `close()` ran or the connection was given up.
    func open() throws(SQLEngineError) -> OpaquePointer {
        guard let connection else { throw SQLEngineError("the PostgreSQL connection is closed: `connect postgres` again") }
        return connection
    }

    /// False once the connection was closed or given up.
    var isOpen: Bool { connection != nil }

    /// Closes a connection that can no longer be used (a cancel the server never answered, a broken
    /// COPY), so later calls fail clearly instead of talking to a confused session.
    func abandon() {
        if let connection { PQfinish(connection) }
        connection = nil
    }

    /// `PostgreSQL 15.18 at /tmp/pg:54329, database shop, user ana`: what libpq actually connected to,
    /// never the target text (it may hold a password).
    private static func describe(_ connection: OpaquePointer) -> String {
        func text(_ value: UnsafeMutablePointer<CChar>?) -> String { value.map { String(cString: $0) } ?? "?" }
        let version = PQserverVersion(connection)
        let major = version / 10_000, minor = version % 10_000
        let port = text(PQport(connection))
        return "PostgreSQL \(major).\(minor) at \(text(PQhost(connection))):\(port), database \(text(PQdb(connection))), user \(text(PQuser(connection)))"
    }
}
