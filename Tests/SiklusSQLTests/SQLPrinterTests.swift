import XCTest
@testable import SiklusSQL

/// The printer's dialect switches, as text: quoting, literals, `* EXCLUDE` against listed columns,
/// byte-wise order, explicit NULLS LAST, and refusals that name the construct.
final class SQLPrinterTests: XCTestCase {
    func testNamesAreQuotedOnlyWhenNeededWithTheDialectsQuote() throws {
        let select = SQLQuery(SQLSelect([.column("Order Date"), .column("select"), .column("country"), .column("a\"b`c")],
                                        from: .table(SQLTableName.qualified(["sales", "events"]), alias: "e")))
        XCTAssertEqual(try SQLPrinter(.duckdb).print(select), "SELECT \"Order Date\",\n  \"select\",\n  country,\n  \"a\"\"b`c\"\nFROM sales.events AS e")
        XCTAssertEqual(try SQLPrinter(.spark).print(select), "SELECT `Order Date`,\n  `select`,\n  country,\n  `a\"b``c`\nFROM sales.events AS e")
    }

    /// A dot inside a quoted name is part of the name: table `my.table` in schema `sales`, column `a.b`
    /// (the printer used to split every table name at its dots, reading schema `my`, table `table`).
    func testDotsInsideNamesAreQuotedNotSplit() throws {
        let select = SQLQuery(SQLSelect([.column("a.b", table: "t"), .column("x.y")],
                                        from: .table(SQLTableName.qualified(["sales", "my.table"]), alias: "t"),
                                        joins: [SQLJoin(.inner, .table("my.other", alias: "o"), .using(["a.b"]))]))
        XCTAssertEqual(try SQLPrinter(.duckdb).print(select),
                       "SELECT t.\"a.b\",\n  \"x.y\"\nFROM sales.\"my.table\" AS t\nJOIN \"my.other\" AS o USING (\"a.b\")")
        XCTAssertEqual(try SQLPrinter(.postgres).print(select),
                       "SELECT t.\"a.b\",\n  \"x.y\"\nFROM sales.\"my.table\" AS t\nJOIN \"my.other\" AS o USING (\"a.b\")")
        XCTAssertEqual(try SQLPrinter(.spark).print(select),
                       "SELECT t.`a.b`,\n  `x.y`\nFROM sales.`my.table` AS t\nJOIN `my.other` AS o USING (`a.b`)")
    }

    /// `IN ()` is not SQL: an empty list matches nothing (`NOT IN` an empty list matches everything).
    func testEmptyInListIsAConstant() throws {
        XCTAssertEqual(try SQLPrinter(.duckdb).expression(.inList(.column("event"), [], negated: false)), "FALSE")
        XCTAssertEqual(try SQLPrinter(.postgres).expression(.inList(.column("event"), [], negated: true)), "TRUE")
        XCTAssertEqual(try SQLPrinter(.spark).expression(.inList(.column("event"), [.text("a"), .text("b")], negated: false)), "event IN ('a', 'b')")
    }

    func testExcludeIsDuckDBsOthersListTheRemainingColumns() throws {
        let select = SQLQuery(SQLSelect([.allExcept(table: "p", excluded: ["customer_id"], columns: ["customer_id", "signup", "country"])],
                                        from: .table("people", alias: "p")))
        XCTAssertEqual(try SQLPrinter(.duckdb).print(select), "SELECT p.* EXCLUDE (customer_id)\nFROM people AS p")
        XCTAssertEqual(try SQLPrinter(.postgres).print(select), "SELECT p.signup, p.country\nFROM people AS p")
        XCTAssertEqual(try SQLPrinter(.spark).print(select), "SELECT p.signup, p.country\nFROM people AS p")
    }

    func testTextOrderIsByteWiseAndNullsAreAlwaysPlaced() throws {
        var query = SQLQuery(SQLSelect([.column("channel")], from: .table("t", alias: nil)))
        query.orderBy = [SQLOrderTerm(.column("channel"), isText: true), SQLOrderTerm(.column("n"), descending: true)]
        XCTAssertTrue(try SQLPrinter(.postgres).print(query).hasSuffix("ORDER BY channel COLLATE \"C\" ASC NULLS LAST, n DESC NULLS LAST"))
        XCTAssertTrue(try SQLPrinter(.spark).print(query).hasSuffix("ORDER BY channel ASC NULLS LAST, n DESC NULLS LAST"))
    }

    func testLiteralsPerDialect() throws {
        XCTAssertEqual(try SQLPrinter(.spark).expression(.text("it's \\ here")), "'it\\'s \\\\ here'")
        XCTAssertEqual(try SQLPrinter(.postgres).expression(.text("it's \\ here")), "'it''s \\ here'")
        XCTAssertEqual(try SQLPrinter(.spark).expression(.number(2.5)), "2.5D")
        XCTAssertEqual(try SQLPrinter(.duckdb).expression(.timestamp(ReferenceCalendar.seconds(2023, 12, 31, 23, 59, 59))),
                       "TIMESTAMP '2023-12-31 23:59:59'")
        XCTAssertThrowsError(try SQLPrinter(.duckdb).expression(.number(.infinity)))
    }

    func testOperatorsAreParenthesizedByPrecedence() throws {
        let a = SQLExpression.column("a"), b = SQLExpression.column("b"), c = SQLExpression.column("c")
        let printer = SQLPrinter(.duckdb)
        XCTAssertEqual(try printer.expression(.binary(.binary(a, .or, b), .and, c)), "(a OR b) AND c")
        XCTAssertEqual(try printer.expression(.binary(a, .minus, .binary(b, .minus, c))), "a - (b - c)")
        XCTAssertEqual(try printer.expression(.binary(.binary(a, .plus, b), .times, c)), "(a + b) * c")
        XCTAssertEqual(try printer.expression(.binary(.safeDivide(a, b), .times, .integer(100))), "(a / nullif(b, 0)) * 100")
    }

    /// A dialect without a median: the printer refuses, naming the construct, instead of printing SQL.
    func testAMissingTemplateIsAnErrorNamingTheConstruct() {
        struct NoMedian: SQLDialectDefinition {
            var dialect: SQLDialect { .duckdb }
            func template(_ function: SQLFunction) -> SQLTemplate? { DuckDBDialect().template(function) }
            func aggregateTemplate(_ function: SQLAggregateFunction, argumentCount: Int) -> SQLTemplate? { nil }
        }
        let query = SQLQuery(SQLSelect([.named(.aggregate(.median, .column("x")), "m")], from: .table("t", alias: nil)))
        XCTAssertThrowsError(try SQLPrinter(definition: NoMedian()).print(query)) { error in
            XCTAssertEqual((error as? SQLNotExpressible)?.construct, "median")
        }
    }

    /// A dialect without `FILTER`: standard aggregates move the condition into a CASE.
    func testFilteredAggregatesWithoutFilterClause() throws {
        struct NoFilter: SQLDialectDefinition {
            var dialect: SQLDialect { .postgres }
            var supportsAggregateFilter: Bool { false }
            func template(_ function: SQLFunction) -> SQLTemplate? { PostgresDialect().template(function) }
            func aggregateTemplate(_ function: SQLAggregateFunction, argumentCount: Int) -> SQLTemplate? { nil }
        }
        let printer = SQLPrinter(definition: NoFilter())
        let big = SQLExpression.binary(.column("x"), .greater, .integer(1))
        XCTAssertEqual(try printer.expression(.countAll(where: big)), "count(CASE WHEN x > 1 THEN 1 END)")
        XCTAssertEqual(try printer.expression(.aggregate(.sum, .column("x"), where: big)), "sum(CASE WHEN x > 1 THEN x END)")
    }
}
