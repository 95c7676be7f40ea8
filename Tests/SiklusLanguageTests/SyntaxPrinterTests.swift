import XCTest
@testable import SiklusLanguage

final class SyntaxPrinterTests: XCTestCase {
    func testHeadlineExample() {
        XCTAssertEqual(Parsed("cohort signup=2022-09 | stage retention | metric avg_order").printed, """
        pipeline
          source cohort
            filter signup = 2022-09 (month)
          step stage retention
          step metric avg_order
        """)
    }

    func testEveryStatementKind() {
        let parsed = Parsed("""
        load events "data/e.csv" map customer=CustomerID ts="Order Date" delim="\\t" format ts="%d/%m/%Y"
        let sept = cohort signup=2022-09 | stage retention
        set churn_after = 90d
        set as_of = 2023-12-31
        set label = "Q4 \\"final\\""
        stages
        stage retention += repeat_purchase, "re order"
        stage churn -= winback
        explain sept | by channel
        help metric avg_order
        help
        sept
        """)
        XCTAssertEqual(parsed.rendered, "")
        XCTAssertEqual(parsed.printed, """
        load events "data/e.csv"
          map customer = CustomerID
          map ts = "Order Date"
          delim "\\t"
          format ts = "%d/%m/%Y"
        let sept
          pipeline
            source cohort
              filter signup = 2022-09 (month)
            step stage retention
        set churn_after = 90d
        set as_of = 2023-12-31 (day)
        set label = "Q4 \\"final\\""
        stages
        stage retention += repeat_purchase, "re order"
        stage churn -= winback
        explain
          pipeline
            source variable sept
            step by channel
        help metric avg_order
        help
        pipeline
          source variable sept
        """)
    }

    func testInlineRangesAndMixedPrecision() throws {
        let (statement, _) = try XCTUnwrap(parseOne("events | where ts = 2022-09..2022-09-14 or n = 1..5 or q = 2022-Q1..2022-Q2"))
        guard case .pipeline(let pipeline) = statement.kind, case .filter(let condition) = pipeline.steps[0].kind else { return XCTFail() }
        XCTAssertEqual(SyntaxPrinter.inline(condition),
                       "ts = 2022-09 (month)..2022-09-14 (day) or n = 1..5 or q = 2022-Q1..2022-Q2 (quarter)")
    }

    func testPrintingIsDeterministic() {
        let text = "cohort channel=social by signup period week | retention percent | funnel a -> b any order | sort x"
        XCTAssertEqual(Parsed(text).printed, Parsed(text).printed)
        XCTAssertEqual(Parsed(text).printed, """
        pipeline
          source cohort
            filter channel = social
            by signup period week
          step retention percent
          step funnel a -> b any order
          step sort x
        """)
    }

    func testPrintPipelineDirectly() throws {
        let (pipeline, _) = try XCTUnwrap(parsePipeline("events | top 5"))
        XCTAssertEqual(SyntaxPrinter.print(pipeline), "pipeline\n  source events\n  step top 5")
    }
}
