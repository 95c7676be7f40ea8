import SiklusConnect
import SiklusSQL
import XCTest

/// Server errors carry message, SQLSTATE and position; connection failures carry libpq's reason and
/// never a password; a failed statement leaves the session usable.
final class PostgresErrorTests: PostgresTestCase {
    func testSyntaxErrorHasSQLStateAndPosition() throws {
        let connection = try connect()
        let error = engineError { _ = try connection.query("SELECT 1 FROM FROM", isCancelled: { false }) }
        XCTAssertEqual(error?.sqlState, "42601")
        XCTAssertEqual(error?.position, 15)
        XCTAssertTrue(error?.message.contains("syntax error") == true, error?.message ?? "")
        XCTAssertEqual(error?.isCancellation, false)
    }

    func testPositionCountsCharactersNotBytes() throws {
        let connection = try connect()
        let error = engineError { _ = try connection.query("SELECT 'ü', nope_column", isCancelled: { false }) }
        XCTAssertEqual(error?.sqlState, "42703")
        XCTAssertEqual(error?.position, 13)
    }

    func testRuntimeErrorThenTheSessionStillWorks() throws {
        let connection = try connect()
        let error = engineError { _ = try connection.query("SELECT 1 / 0", isCancelled: { false }) }
        XCTAssertEqual(error?.sqlState, "22012")
        XCTAssertNil(error?.position)
        XCTAssertEqual(try value(connection, "SELECT 2"), .integer([2]))
        let failedExecute = engineError { try connection.execute("CREATE TABLE") }
        XCTAssertEqual(failedExecute?.sqlState, "42601")
        try connection.execute("CREATE TEMP TABLE after_error (a int)")
    }

    func testMissingTableInAQueryNamesIt() throws {
        let connection = try connect()
        let error = engineError { _ = try connection.query("SELECT * FROM no_such_table", isCancelled: { false }) }
        XCTAssertEqual(error?.sqlState, "42P01")
        XCTAssertEqual(error?.position, 15)
        XCTAssertTrue(error?.message.contains("no_such_table") == true, error?.message ?? "")
    }

    func testUnreachableServerIsAnErrorWithLibpqsReason() throws {
        let server = try self.server
        let error = engineError { _ = try PostgresConnection("host=\(server.directory) port=1 user=postgres connect_timeout=2") }
        XCTAssertTrue(error?.message.hasPrefix("cannot connect to PostgreSQL: ") == true, error?.message ?? "")
        XCTAssertTrue(error?.message.contains(".s.PGSQL.1") == true, "libpq's reason names the socket: \(error?.message ?? "")")
    }

    func testMalformedConninfoIsAnError() {
        let error = engineError { _ = try PostgresConnection("host=/tmp port=notaport password=hunter2") }
        XCTAssertTrue(error?.message.contains("notaport") == true, error?.message ?? "")
        XCTAssertFalse(error?.message.contains("hunter2") == true, error?.message ?? "")
        let garbage = engineError { _ = try PostgresConnection("host='unterminated password=hunter2") }
        XCTAssertNotNil(garbage)
        XCTAssertFalse(garbage?.message.contains("hunter2") == true, garbage?.message ?? "")
    }

    func testPasswordsNeverAppearInErrorsOrSummary() throws {
        let server = try self.server
        let missing = engineError {
            _ = try PostgresConnection("host=\(server.directory) port=\(server.port) user=postgres dbname=no_such_db password=hunter2secret")
        }
        XCTAssertTrue(missing?.message.contains("no_such_db") == true, missing?.message ?? "")
        XCTAssertFalse(missing?.message.contains("hunter2secret") == true, missing?.message ?? "")
        let url = "postgresql://postgres:s3cr%40tpw@/no_such_db?host=\(server.directory)&port=\(server.port)"
        let urlError = engineError { _ = try PostgresConnection(url) }
        XCTAssertFalse(urlError?.message.contains("s3cr") == true, urlError?.message ?? "")
        // Trust authentication accepts any password, so this one connects.
        let connection = try PostgresConnection("postgresql://postgres:topsecretpw@/postgres?host=\(server.directory)&port=\(server.port)")
        defer { connection.close() }
        XCTAssertFalse(connection.summary.contains("topsecretpw"), connection.summary)
        XCTAssertTrue(connection.summary.hasPrefix("PostgreSQL 1"), connection.summary)
        XCTAssertTrue(connection.summary.contains("database postgres, user postgres"), connection.summary)
    }

    func testSessionSettingsAreSetOnConnect() throws {
        let connection = try connect()
        let rows = try connection.query("SELECT current_setting('TimeZone'), current_setting('client_encoding'), current_setting('extra_float_digits'), current_setting('DateStyle')", isCancelled: { false })
        XCTAssertEqual(rows.columns.map(\.values), [.text(["UTC"]), .text(["UTF8"]), .text(["3"]), .text(["ISO, YMD"])])
    }

    func testClosedConnectionIsAnErrorNotACrash() throws {
        let connection = try connect()
        connection.close()
        let error = engineError { _ = try connection.query("SELECT 1", isCancelled: { false }) }
        XCTAssertTrue(error?.message.contains("closed") == true, error?.message ?? "")
        connection.close()
    }

    func testResultOverTheCellLimitIsRefused() throws {
        let connection = try connect(resultCellLimit: 1_000)
        XCTAssertEqual(try connection.query("SELECT g, g FROM generate_series(1, 500) g", isCancelled: { false }).rowCount, 500)
        let error = engineError { _ = try connection.query("SELECT g, g FROM generate_series(1, 10000000) g", isCancelled: { false }) }
        XCTAssertTrue(error?.message.contains("more than 1000 cells") == true, error?.message ?? "")
        XCTAssertEqual(error?.isCancellation, false)
        XCTAssertEqual(try value(connection, "SELECT 3"), .integer([3]), "the refused query was stopped and the session drained")
    }

    func testCopyStatementsAreRefusedAsQueries() throws {
        let connection = try connect()
        try connection.execute("CREATE TEMP TABLE c (a int)")
        XCTAssertNotNil(engineError { _ = try connection.query("COPY c FROM STDIN", isCancelled: { false }) })
        XCTAssertNotNil(engineError { _ = try connection.query("COPY (SELECT 1) TO STDOUT", isCancelled: { false }) })
        XCTAssertEqual(try value(connection, "SELECT 4"), .integer([4]))
    }
}

extension PostgresErrorTests {
    func testNULInSQLIsRefusedRatherThanCutShort() throws {
        let connection = try connect()
        try connection.createTable("keep", columns: [SQLColumn(name: "n", values: .integer([1, 2]))])
        // Cut at the NUL, this would be `DELETE FROM keep`: every row gone.
        let error = engineError { try connection.execute("DELETE FROM keep\u{0} WHERE n = 1") }
        XCTAssertTrue(error?.message.contains("NUL") == true, error?.message ?? "")
        XCTAssertEqual(try value(connection, "SELECT count(*) FROM keep"), .integer([2]))
    }
}

extension PostgresErrorTests {
    func testEngineConnectorOpensAPostgresSession() throws {
        let engine = try EngineConnector.connect(.postgres, target: try server.conninfo)
        defer { engine.close() }
        XCTAssertEqual(engine.dialect, .postgres)
        XCTAssertEqual(try engine.query("SELECT 'ok' AS answer", isCancelled: { false }).columns, [SQLColumn(name: "answer", values: .text(["ok"]))])
    }
}

extension PostgresErrorTests {
    func testServerSideDisconnectIsAnErrorNotAHangOrCrash() throws {
        let victim = try connect(), killer = try connect()
        guard case .integer(let pid) = try value(victim, "SELECT pg_backend_pid()::int8"), let backend = pid.first ?? nil else {
            return XCTFail("no backend pid")
        }
        XCTAssertEqual(try value(killer, "SELECT pg_terminate_backend(\(backend))"), .boolean([true]))
        let first = engineError { _ = try victim.query("SELECT 1", isCancelled: { false }) }
        XCTAssertNotNil(first)
        XCTAssertNotNil(engineError { _ = try victim.query("SELECT 1", isCancelled: { false }) }, "later calls fail too")
        XCTAssertEqual(try value(killer, "SELECT 6"), .integer([6]))
    }
}
