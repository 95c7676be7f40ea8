import Foundation
import SiklusConnect
import SiklusSQL
import SiklusTestSupport
import XCTest

/// A test case with a connection to this process's throwaway PostgreSQL cluster, closed after the test.
class PostgresTestCase: XCTestCase {
    private var connections: [PostgresConnection] = []

    var server: PostgresTestServer {
        get throws { try PostgresTestServer.shared() }
    }

    /// A new session on the test cluster (each test's TEMP tables are its own).
    func connect(resultCellLimit: Int = PostgresConnection.defaultResultCellLimit) throws -> PostgresConnection {
        let connection = try PostgresConnection(try server.conninfo, resultCellLimit: resultCellLimit)
        connections.append(connection)
        return connection
    }

    override func tearDown() {
        connections.forEach { $0.close() }
        connections = []
        super.tearDown()
    }

    /// The single value of a one-row, one-column result.
    func value(_ connection: PostgresConnection, _ sql: String) throws -> SQLColumnValues {
        let rows = try connection.query(sql, isCancelled: { false })
        XCTAssertEqual(rows.rowCount, 1, sql)
        guard let first = rows.columns.first else { throw SQLEngineError("no column from \(sql)") }
        return first.values
    }

    /// The error `body` throws, failing the test when it throws none.
    func engineError(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> SQLEngineError? {
        do {
            try body()
            XCTFail("expected an SQLEngineError", file: file, line: line)
        } catch let error as SQLEngineError {
            return error
        } catch {
            XCTFail("expected an SQLEngineError, got \(error)", file: file, line: line)
        }
        return nil
    }
}

/// A flag one thread sets and a query's `isCancelled` polls.
final class CancelFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var isSet = false

    func set() { lock.lock(); isSet = true; lock.unlock() }

    func reset() { lock.lock(); isSet = false; lock.unlock() }

    var value: Bool { lock.lock(); defer { lock.unlock() }; return isSet }
}
