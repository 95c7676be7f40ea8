import XCTest
@testable import SiklusLanguage

/// The printed trees of `connect`, `disconnect` and `load … table`, and their round trip: the printed
/// lines, joined into one line, are the statement again.
final class SyntaxPrinterEngineTests: XCTestCase {
    func testPrintedTrees() {
        let parsed = Parsed("""
        connect postgres "host=localhost dbname=shop"
        connect spark
        connect spark "spark://h:7077"
        load events table "sales.orders" map customer=cust_no ts="Ordered At"
        load spend table "ads"
        disconnect
        """)
        XCTAssertEqual(parsed.rendered, "")
        XCTAssertEqual(parsed.printed, """
        connect postgres "host=localhost dbname=shop"
        connect spark
        connect spark "spark://h:7077"
        load events table "sales.orders"
          map customer = cust_no
          map ts = "Ordered At"
        load spend table "ads"
        disconnect
        """)
    }

    func testPrintedStatementsParseBackToTheSameTree() throws {
        let statements = [
            #"connect postgres "postgresql://ana@db/shop?application_name=\"siklus\"""#,
            #"connect postgres """#,
            "connect spark",
            #"connect SPARK "local[4]""#,
            #"load customers table "crm.people" map customer="Customer ID" signup=joined country=market"#,
            #"load events table "t""#,
            "disconnect",
        ]
        for text in statements {
            let (statement, _) = try XCTUnwrap(parseOne(text), text)
            let printed = SyntaxPrinter.print(statement)
            // `map` lines print as `map role = column`; joined onto one line they are a statement again.
            let line = printed.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            let (reparsed, _) = try XCTUnwrap(parseOne(line), line)
            XCTAssertEqual(SyntaxPrinter.print(reparsed), printed, text)
            XCTAssertEqual(reparsed.kind.withoutSpans, statement.kind.withoutSpans, text)
        }
    }
}

private extension Statement {
    /// The statement with every span zeroed, to compare trees parsed from different texts.
    var withoutSpans: String {
        let zero = SourceSpan(start: 0, end: 0)
        switch self {
        case .connect(var connect):
            connect.engine.span = zero
            connect.target?.span = zero
            return "\(Statement.connect(connect))"
        case .loadTable(var load):
            load.table.span = zero
            load.keyword = zero
            load.name.span = zero
            load.mappings = load.mappings.map { mapping in
                ColumnMapping(role: Spanned(mapping.role.value, at: zero),
                              column: Identifier(mapping.column.text, at: zero, isQuoted: mapping.column.isQuoted), span: zero)
            }
            return "\(Statement.loadTable(load))"
        default:
            return "\(self)"
        }
    }
}
