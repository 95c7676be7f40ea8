import Foundation
import SiklusConnect
import SiklusSQL
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
}
