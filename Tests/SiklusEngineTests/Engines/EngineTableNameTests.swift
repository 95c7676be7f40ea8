import SiklusSQL
import XCTest
@testable import SiklusEngine

/// Table names written in `load … table "…"` reach the SQL as the engine's catalog lookup resolved them.
final class EngineTableNameTests: XCTestCase {
    func testUnquotedPartsFoldLikeTheEngineQuotedPartsAreExact() {
        let q = SQLTableName.qualified
        XCTAssertEqual(EngineTableName.raw("Sales.Orders", dialect: .postgres), q(["sales", "orders"]), "PostgreSQL folds unquoted names")
        XCTAssertEqual(EngineTableName.raw("Sales.Orders", dialect: .spark), q(["Sales", "Orders"]), "Spark resolves ignoring case")
        XCTAssertEqual(EngineTableName.raw(#""Sales".Orders"#, dialect: .postgres), q(["Sales", "orders"]))
        XCTAssertEqual(EngineTableName.raw(#""a.b"""#, dialect: .postgres), "a.b\"", "a quoted dot is not a separator; a doubled quote is a quote")
        XCTAssertEqual(EngineTableName.raw("orders", dialect: .postgres), "orders")
        // The printer quotes each raw part alone: the exact name survives.
        let sql = try? SQLPrinter(.postgres).print(SQLQuery(SQLSelect([.all(table: nil)], from: .table(EngineTableName.raw(#""Sales".Orders"#, dialect: .postgres), alias: nil))))
        XCTAssertEqual(sql?.contains(#"FROM "Sales".orders"#), true, sql ?? "")
        // A quoted dot stays inside its part: schema `sales`, table `my.table` (it was split into three parts).
        let dotted = try? SQLPrinter(.postgres).print(SQLQuery(SQLSelect([.all(table: nil)], from: .table(EngineTableName.raw(#"sales."my.table""#, dialect: .postgres), alias: nil))))
        XCTAssertEqual(dotted?.contains(#"FROM sales."my.table""#), true, dotted ?? "")
    }
}
