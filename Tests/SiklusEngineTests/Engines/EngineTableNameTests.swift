import SiklusSQL
import XCTest
@testable import SiklusEngine

/// Table names written in `load … table "…"` reach the SQL as the engine's catalog lookup resolved them.
final class EngineTableNameTests: XCTestCase {
    func testUnquotedPartsFoldLikeTheEngineQuotedPartsAreExact() {
        XCTAssertEqual(EngineTableName.raw("Sales.Orders", dialect: .postgres), "sales.orders", "PostgreSQL folds unquoted names")
        XCTAssertEqual(EngineTableName.raw("Sales.Orders", dialect: .spark), "Sales.Orders", "Spark resolves ignoring case")
        XCTAssertEqual(EngineTableName.raw(#""Sales".Orders"#, dialect: .postgres), "Sales.orders")
        XCTAssertEqual(EngineTableName.raw(#""a.b"""#, dialect: .postgres), "a.b\"", "a quoted dot is not a separator; a doubled quote is a quote")
        XCTAssertEqual(EngineTableName.raw("orders", dialect: .postgres), "orders")
        // The printer quotes each raw part alone: the exact name survives.
        let sql = try? SQLPrinter(.postgres).print(SQLQuery(SQLSelect([.all(table: nil)], from: .table(EngineTableName.raw(#""Sales".Orders"#, dialect: .postgres), alias: nil))))
        XCTAssertEqual(sql?.contains(#"FROM "Sales".orders"#), true, sql ?? "")
    }
}
