import SiklusEngine
import XCTest
@testable import SiklusShell

/// csv and tsv: RFC 4180 quoting, LF line endings, exact numbers.
final class DelimitedRendererTests: XCTestCase {
    func testCSVQuotesOnlyWhatNeedsQuoting() {
        let text = OutputMode.csv.renderer.render(Samples.awkward, options: RenderOptions())
        XCTAssertEqual(text, lines([
            "name,value",
            "plain,0.1",
            #""a,b",0.0000001"#,
            #""say ""hi""",123456789.125"#,
            #""two"#,
            #"lines",-2"#,
            "tab\there,1e+300",
            ",",
        ]))
    }

    func testCSVCarriageReturnIsQuoted() {
        let table = ResultTable(columns: [ResultColumn(name: "a", unit: .text, values: .text(["x\r\ny", "z\r"]))])
        XCTAssertEqual(OutputMode.csv.renderer.render(table, options: RenderOptions()), "a\n\"x\r\ny\"\n\"z\r\"\n")
    }

    func testCSVNumbersAreExactWithoutFormatting() {
        let text = OutputMode.csv.renderer.render(Samples.cohorts, options: RenderOptions(maxWidth: 10, color: true, elapsed: 1))
        XCTAssertEqual(text, """
        cohort,customers,revenue,repeat_rate
        2022-09,1204,123456.789,42.25
        2022-10,98,0.5,7
        ,0,,100

        """)
    }

    func testCSVHeaderIsQuotedToo() {
        let table = ResultTable(columns: [ResultColumn(name: "a,b", unit: .count, values: .integer([1]))])
        XCTAssertEqual(OutputMode.csv.renderer.render(table, options: RenderOptions()), "\"a,b\"\n1\n")
    }

    func testTSVQuotesTabsButNotCommas() {
        let text = OutputMode.tsv.renderer.render(Samples.awkward, options: RenderOptions())
        XCTAssertEqual(text, lines([
            "name\tvalue",
            "plain\t0.1",
            "a,b\t0.0000001",
            #""say ""hi"""\#t123456789.125"#,
            #""two"#,
            #"lines"\#t-2"#,
            #""tab\#there"\#t1e+300"#,
            "\t",
        ]))
    }

    func testDatesAreISOText() {
        XCTAssertEqual(OutputMode.csv.renderer.render(Samples.dated, options: RenderOptions()), """
        week,orders_per_customer,median_days
        2022-09-12,1.23456,14
        2022-09-19,2,3.5

        """)
    }

    /// The lines joined with LF, with the final LF every renderer writes.
    private func lines(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }
}
