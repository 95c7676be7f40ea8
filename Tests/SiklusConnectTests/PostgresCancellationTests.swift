import Foundation
import SiklusConnect
import SiklusSQL
import SiklusTestSupport
import XCTest

/// A running query is cancelled on the server when `isCancelled` turns true (Ctrl-C in the shell).
final class PostgresCancellationTests: PostgresTestCase {
    func testSleepIsCancelledOnTheServerWithinSeconds() throws {
        let connection = try connect()
        let flag = CancelFlag()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { flag.set() }
        let start = Date()
        let error = engineError { _ = try connection.query("SELECT pg_sleep(30)", isCancelled: { flag.value }) }
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertEqual(error?.isCancellation, true, error?.message ?? "")
        // A hang guard, not a benchmark: without the cancel the query runs 30 s.
        XCTAssertLessThan(elapsed, 10, "the cancel reached the server")
        XCTAssertEqual(try value(connection, "SELECT 5"), .integer([5]), "the session is usable after the cancel")
        // The server really stopped the statement: no other backend is still sleeping.
        XCTAssertEqual(try value(connection, "SELECT count(*) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(30)' AND state = 'active'"), .integer([0]))
    }

    func testStatementTimeoutIsAFailureNotACancellation() throws {
        let connection = try connect()
        try connection.execute("SET statement_timeout = '100ms'")
        let error = engineError { _ = try connection.query("SELECT pg_sleep(5)", isCancelled: { false }) }
        XCTAssertEqual(error?.sqlState, "57014")
        XCTAssertEqual(error?.isCancellation, false)
    }

    /// Ctrl-C while a table is copied in (a load while connected): the COPY stops between batches, the
    /// transaction is rolled back and the table of that name keeps its rows.
    func testACancelledCreateTableLeavesTheOldTable() throws {
        let connection = try connect()
        try connection.createTable("loaded", columns: [SQLColumn(name: "word", values: .text(["kept"]))])
        let polls = CancelFlag(), asked = CallCounter()
        // 300,000 rows of 20 bytes: several 1 MiB batches; Ctrl-C after the first.
        let words = (0..<300_000).map { String(format: "word-%014d", $0) }
        let error = engineError {
            try connection.createTable("loaded", columns: [SQLColumn(name: "word", values: .text(words))],
                                       isCancelled: { asked.next() > 1 || polls.value })
        }
        XCTAssertEqual(error?.isCancellation, true, error?.message ?? "")
        XCTAssertGreaterThan(asked.value, 1, "asked again after the first batch")
        XCTAssertEqual(try connection.query("SELECT word FROM loaded", isCancelled: { false }).columns[0].values, .text(["kept"]))
        XCTAssertEqual(try value(connection, "SELECT 5"), .integer([5]), "the session is usable after the cancel")
    }

    /// Ctrl-C while connecting to a server that never answers (a socket that accepts and stays silent):
    /// the connect is abandoned at once instead of waiting for `connect_timeout`.
    func testACancelledConnectReturnsAtOnce() throws {
        let silent = try SilentServer()
        defer { silent.close() }
        let started = Date()
        let error = engineError {
            _ = try PostgresConnection("host=127.0.0.1 port=\(silent.port) connect_timeout=60", isCancelled: { Date().timeIntervalSince(started) > 0.5 })
        }
        XCTAssertEqual(error?.isCancellation, true, error?.message ?? "")
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "not the 60 s connect_timeout")
        // Without Ctrl-C the connect's own time limit still applies (libpq ignores connect_timeout in this mode).
        let timed = Date()
        let timeout = engineError { _ = try PostgresConnection("host=127.0.0.1 port=\(silent.port) connect_timeout=2") }
        XCTAssertEqual(timeout?.isCancellation, false)
        XCTAssertEqual(timeout?.message.contains("no answer within 2"), true, timeout?.message ?? "")
        XCTAssertLessThan(Date().timeIntervalSince(timed), 10)
    }
}


/// A TCP socket on 127.0.0.1 that accepts connections (the kernel's backlog) and never answers.
final class SilentServer {
    let descriptor: Int32
    let port: UInt16

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) } }
        guard bound == 0, listen(descriptor, 8) == 0 else { throw SQLEngineError("cannot listen on 127.0.0.1") }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) } }
        self.port = UInt16(bigEndian: address.sin_port)
    }

    func close() { _ = Glibc.close(descriptor) }
}
