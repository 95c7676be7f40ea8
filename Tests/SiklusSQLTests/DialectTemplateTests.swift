import XCTest
@testable import SiklusSQL
import SiklusTestSupport

/// Every function template of every dialect, printed and run on the real engine, each value checked
/// against Siklus's own arithmetic (`ReferenceCalendar`, worked-out numbers). DuckDB and Spark run
/// through DuckDB's Python package, Spark on the test process's shared session (`SharedSpark`), PostgreSQL in a throwaway cluster.
final class DialectTemplateTests: XCTestCase {
    func testTemplatesOnDuckDB() throws {
        let cases = TemplateCases.all
        let results = try PythonSQLEngine.duckdb.run(try cases.map { try SQLPrinter(.duckdb).print($0.query) })
        check(cases, results, .duckdb)
    }

    func testTemplatesOnPostgreSQL() throws {
        let server = try PostgresTestServer.start()
        defer { server.stop() }
        let cases = TemplateCases.all
        let results = try cases.map { try server.run(try SQLPrinter(.postgres).print($0.query)) }
        check(cases, results, .postgres)
    }

    func testTemplatesOnSpark() throws {
        let cases = TemplateCases.all
        let results = try SharedSpark.connection().run(try cases.map { try SQLPrinter(.spark).print($0.query) })
        check(cases, results, .spark)
    }

    private func check(_ cases: [TemplateCase], _ results: [Result<EngineRows, EngineFailure>], _ dialect: SQLDialect,
                       file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(cases.count, results.count, file: file, line: line)
        for (item, result) in zip(cases, results) {
            let sql = (try? SQLPrinter(dialect).print(item.query)) ?? ""
            switch result {
            case .failure(let error):
                XCTFail("\(dialect.displayName) rejected \(item.name): \(error)\n\(sql)", file: file, line: line)
            case .success(let rows):
                guard rows.rows.count == item.expected.count else {
                    XCTFail("\(dialect.displayName), \(item.name): \(rows.rows.count) rows, expected \(item.expected.count): \(rows)", file: file, line: line)
                    continue
                }
                for (r, (row, expected)) in zip(rows.rows, item.expected).enumerated() {
                    for (c, want) in expected.enumerated() where c >= row.count || !want.matches(row[c]) {
                        let got = c < row.count ? row[c] ?? "NULL" : "(missing)"
                        XCTFail("\(dialect.displayName), \(item.name), row \(r) column \(c): got \(got), expected \(want)\n\(sql)", file: file, line: line)
                    }
                }
            }
        }
    }
}
