import CLibPQ
import Foundation
import SiklusSQL

extension PostgresConnection {
    /// How long `poll` waits on the socket before `isCancelled` is asked again: Ctrl-C reaches the
    /// server within this time.
    static let pollMilliseconds: Int32 = 50
    /// How long the server may take to stop a cancelled query before the connection is given up.
    static let cancelGrace: Duration = .seconds(10)

    /// Sends `sql` (one or more statements) and reads every result into `reader`, waiting on the socket
    /// so `isCancelled` is polled and a cancel is sent to the server the moment it turns true. A failed
    /// statement's error (message, SQLSTATE, position) is thrown after the connection is drained, so the
    /// session stays usable.
    /// `parameters` are bound as text to `$1`, `$2`, … (then `sql` must be a single statement).
    func run(_ connection: OpaquePointer, _ sql: String, parameters: [String] = [], isCancelled: @Sendable () -> Bool,
             reader: inout PostgresResultReader) throws(SQLEngineError) {
        // libpq reads C strings: a NUL would silently cut the statement short, running another one.
        guard !sql.utf8.contains(0), !parameters.contains(where: { $0.utf8.contains(0) }) else {
            throw SQLEngineError("the SQL text holds a NUL character, which PostgreSQL cannot take")
        }
        let sent = parameters.isEmpty
            ? PQsendQuery(connection, sql)
            : withCStringArray(parameters) { values in
                PQsendQueryParams(connection, sql, Int32(parameters.count), nil, values, nil, nil, 0)
            }
        guard sent == 1 else { throw .postgres(connection: connection, doing: "sending the query") }
        // Rows arrive one result each, so the reader can refuse an oversized result before libpq holds it all.
        guard PQsetSingleRowMode(connection) == 1 else { throw .postgres(connection: connection, doing: "selecting single-row mode") }
        var wait = QueryWait()
        var failure: SQLEngineError?
        while true {
            let next: OpaquePointer?
            do throws(SQLEngineError) {
                next = try wait.nextResult(connection, isCancelled: isCancelled)
            } catch {
                abandon()
                throw error
            }
            guard let result = next else { break }
            defer { PQclear(result) }
            guard failure == nil else { continue }  // draining after a failure
            let status = PQresultStatus(result)
            switch status {
            case PGRES_SINGLE_TUPLE, PGRES_TUPLES_OK:
                do throws(SQLEngineError) {
                    try reader.read(result, closesStatement: status == PGRES_TUPLES_OK)
                } catch {
                    failure = error
                    wait.cancel(connection)  // stop the rows still coming
                }
            case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
                break
            case PGRES_COPY_IN:
                _ = PQputCopyEnd(connection, "Siklus sends COPY data only when it creates a table")
                failure = SQLEngineError("COPY … FROM STDIN cannot be run as a query; load the file with `load` instead")
            case PGRES_COPY_OUT:
                failure = SQLEngineError("COPY … TO STDOUT cannot be run as a query; SELECT the rows instead")
                try discardCopyOut(connection)
            default:
                failure = .postgres(result: result)
            }
        }
        if wait.userCancelled { throw SQLEngineError("query cancelled", isCancellation: true) }
        if let failure { throw failure }
    }

    /// Reads and drops a `COPY … TO STDOUT` stream so the connection returns to idle.
    private func discardCopyOut(_ connection: OpaquePointer) throws(SQLEngineError) {
        var buffer: UnsafeMutablePointer<CChar>?
        while true {
            let count = PQgetCopyData(connection, &buffer, 0)
            if let data = buffer { PQfreemem(data); buffer = nil }
            if count == -1 { return }
            if count == -2 {
                abandon()
                throw SQLEngineError("PostgreSQL: reading COPY output failed; the connection was closed")
            }
        }
    }
}

/// Waiting for the results of one sent query: polls the socket, feeds libpq, asks `isCancelled` between
/// waits, and sends a cancel request (a separate connection, as libpq does it) when asked to.
struct QueryWait {    /// True once `isCancelled` returned true (the query then ends as a cancellation, not a failure).
    private(set) var userCancelled = false
    private var cancelSentAt: ContinuousClock.Instant?

    /// The next result, or nil when the query is done. Throws when the connection breaks or a cancelled
    /// query does not stop within `cancelGrace` (the caller then gives the connection up).
    mutating func nextResult(_ connection: OpaquePointer, isCancelled: () -> Bool) throws(SQLEngineError) -> OpaquePointer? {
        while PQisBusy(connection) == 1 {
            if cancelSentAt == nil, isCancelled() {
                userCancelled = true
                cancel(connection)
            }
            if let sent = cancelSentAt, ContinuousClock.now - sent > PostgresConnection.cancelGrace {
                throw SQLEngineError("PostgreSQL did not stop the cancelled query within \(PostgresConnection.cancelGrace); the connection was closed: `connect postgres` again",
                                     isCancellation: userCancelled)
            }
            let socket = PQsocket(connection)
            guard socket >= 0 else { throw .postgres(connection: connection, doing: "waiting for the server") }
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, PostgresConnection.pollMilliseconds) < 0, errno != EINTR {
                throw SQLEngineError("PostgreSQL: waiting on the connection's socket failed (errno \(errno)); the connection was closed")
            }
            guard PQconsumeInput(connection) == 1 else {
                throw .postgres(connection: connection, doing: "reading the server's answer")
            }
        }
        return PQgetResult(connection)
    }

    /// Asks the server to cancel the running query (once). Whether or not the request gets through, the
    /// grace period starts: the query ends by itself, by the cancel, or the connection is given up.
    mutating func cancel(_ connection: OpaquePointer) {
        guard cancelSentAt == nil else { return }
        cancelSentAt = .now
        guard let request = PQgetCancel(connection) else { return }
        defer { PQfreeCancel(request) }
        var reason = [CChar](repeating: 0, count: 256)
        _ = PQcancel(request, &reason, Int32(reason.count))
    }
}
