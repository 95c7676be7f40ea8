import SiklusLanguage
import XCTest

/// `explain [sql|tree|all] pipeline`: the form word, and a variable that happens to be called like one.
final class ExplainDetailParserTests: XCTestCase {
    func testFormWordsBeforeAPipeline() throws {
        for (text, detail, pipeline) in [("explain cohort | metric customers", ExplainDetail.short, "cohort | metric customers"),
                                         ("explain sql cohort | metric customers", .sql, "cohort | metric customers"),
                                         ("EXPLAIN Tree events", .tree, "events"),
                                         ("explain all sept | metric revenue", .all, "sept | metric revenue")] {
            let (statement, parsed) = try XCTUnwrap(parseOne(text))
            guard case .explain(let parsedPipeline, let parsedDetail) = statement.kind else { return XCTFail("expected explain: \(text)") }
            XCTAssertEqual(parsedDetail, detail, text)
            XCTAssertEqual(parsed.text(parsedPipeline.span), pipeline, text)
        }
    }

    /// A variable called `sql` (or `all`) is still a source when steps or the end of the statement follow it.
    func testAVariableNamedLikeAFormIsTheSource() throws {
        for (text, source) in [("explain sql | metric customers", "sql | metric customers"), ("explain all", "all"),
                               ("explain tree sql | metric customers", "sql | metric customers")] {
            let (statement, parsed) = try XCTUnwrap(parseOne(text))
            guard case .explain(let pipeline, _) = statement.kind else { return XCTFail("expected explain: \(text)") }
            XCTAssertEqual(parsed.text(pipeline.span), source, text)
        }
    }

    func testTheFormIsPrintedInTheSyntaxTree() throws {
        let (statement, _) = try XCTUnwrap(parseOne("explain sql events"))
        XCTAssertTrue(SyntaxPrinter.print(statement).hasPrefix("explain sql\n"), SyntaxPrinter.print(statement))
    }

    func testExplainAloneSaysWhatMayFollow() {
        let parsed = Parsed("explain")
        XCTAssertTrue(parsed.rendered.contains("`explain sql …` adds the SQL"), parsed.rendered)
    }
}
