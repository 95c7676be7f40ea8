import XCTest
@testable import SiklusLanguage

final class ParserSourceTests: XCTestCase {
    /// The cohort source of `text`, which must parse as one pipeline.
    private func cohort(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> (CohortSource, Parsed)? {
        guard let (pipeline, parsed) = parsePipeline(text, file: file, line: line) else { return nil }
        guard case .cohort(let cohort) = pipeline.source.kind else {
            XCTFail("expected a cohort source", file: file, line: line)
            return nil
        }
        return (cohort, parsed)
    }

    /// The filters of `cohort <filters>`, printed inline.
    private func filters(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        guard let (source, _) = cohort("cohort " + text, file: file, line: line) else { return [] }
        return source.filters.map(SyntaxPrinter.inline)
    }

    func testCohortWithoutFiltersMeansEveryCustomer() throws {
        let (source, _) = try XCTUnwrap(cohort("cohort"))
        XCTAssertEqual(source, CohortSource())
        let (withStep, _) = try XCTUnwrap(cohort("cohort | retention"))
        XCTAssertTrue(withStep.filters.isEmpty)
    }

    func testDateFilterPrecisions() throws {
        let (source, _) = try XCTUnwrap(cohort("cohort signup=2022-09 first_purchase=2022-09-14 signup=2022-Q3"))
        let values = source.filters.compactMap { filter -> Literal? in
            guard case .comparison(_, _, let right) = filter.kind, case .literal(let literal) = right.kind else { return nil }
            return literal
        }
        XCTAssertEqual(values, [.date(.month(year: 2022, month: 9)), .date(.day(year: 2022, month: 9, day: 14)),
                                .date(.quarter(year: 2022, quarter: 3))])
    }

    func testRangeFilter() throws {
        let (source, parsed) = try XCTUnwrap(cohort("cohort signup=2022-09..2022-12"))
        guard case .comparison(let left, .equal, let right) = source.filters[0].kind,
              case .range(let lower, let upper) = right.kind else { return XCTFail("expected a range comparison") }
        XCTAssertEqual(left.kind, .column(QualifiedName([Identifier("signup", at: SourceSpan(start: 7, end: 13))])))
        XCTAssertEqual(lower.literal, .date(.month(year: 2022, month: 9)))
        XCTAssertEqual(upper.literal, .date(.month(year: 2022, month: 12)))
        XCTAssertEqual(parsed.text(right.span), "2022-09..2022-12")
        XCTAssertEqual(parsed.text(lower.span), "2022-09")
        XCTAssertEqual(parsed.text(upper.span), "2022-12")
    }

    func testFiltersSeparatedBySpacesOrCommas() {
        XCTAssertEqual(filters("signup=2022-09 channel=social, country != US,first_purchase=2022-10"),
                       ["signup = 2022-09 (month)", "channel = social", "country != US", "first_purchase = 2022-10 (month)"])
    }

    func testMembershipFilters() throws {
        XCTAssertEqual(filters("country in (ID, US) channel not in ('paid search', \"email\")"),
                       [#"country in (ID, US)"#, #"channel not in ("paid search", "email")"#])
        let (source, parsed) = try XCTUnwrap(cohort("cohort country in (ID, US)"))
        guard case .membership(let value, let negated, let values) = source.filters[0].kind else { return XCTFail("expected in") }
        XCTAssertFalse(negated)
        XCTAssertEqual(parsed.text(value.span), "country")
        XCTAssertEqual(values.map(\.kind), [.literal(.name("ID")), .literal(.name("US"))])
        XCTAssertEqual(parsed.text(source.filters[0].span), "country in (ID, US)")
    }

    func testFilterValuesOfEveryType() {
        XCTAssertEqual(filters("a=1 b=2.5 c=\"x y\" d='z' e=name f=2022-09-14 g=-4 h>=10 i<3 j<=2 k>1 l=1..5"),
                       ["a = 1", "b = 2.5", #"c = "x y""#, #"d = "z""#, "e = name", "f = 2022-09-14 (day)", "g = -4",
                        "h >= 10", "i < 3", "j <= 2", "k > 1", "l = 1..5"])
    }

    func testDottedColumnsInFilters() throws {
        let (source, _) = try XCTUnwrap(cohort("cohort customers.channel = events.channel"))
        guard case .comparison(let left, _, let right) = source.filters[0].kind else { return XCTFail() }
        guard case .column(let name) = left.kind else { return XCTFail() }
        XCTAssertEqual(name.parts.map(\.text), ["customers", "channel"])
        XCTAssertEqual(name.qualifier.map(\.text), ["customers"])
        XCTAssertEqual(name.name.text, "channel")
        guard case .column(let other) = right.kind else { return XCTFail("a dotted name on the right is a column") }
        XCTAssertEqual(other.text, "events.channel")
    }

    func testCohortBy() throws {
        let cases: [(String, String, PeriodUnit?)] = [
            ("cohort by signup", "signup", nil), ("cohort by first_purchase period week", "first_purchase", .week),
            ("cohort by channel", "channel", nil), ("cohort by signup period QUARTER", "signup", .quarter),
            ("cohort by plan_tier period day", "plan_tier", .day),
        ]
        for (text, dimension, period) in cases {
            let (source, parsed) = try XCTUnwrap(cohort(text))
            let grouping = try XCTUnwrap(source.grouping)
            XCTAssertEqual(grouping.dimension.text, dimension)
            XCTAssertEqual(grouping.period?.value, period)
            XCTAssertEqual(parsed.text(grouping.span), String(text.dropFirst("cohort ".count)))
        }
    }

    func testFiltersBeforeBy() throws {
        let (source, _) = try XCTUnwrap(cohort("cohort channel=social by signup period month | retention"))
        XCTAssertEqual(source.filters.map(SyntaxPrinter.inline), ["channel = social"])
        XCTAssertEqual(source.grouping?.dimension.text, "signup")
        XCTAssertEqual(source.grouping?.period?.value, .month)
    }

    func testKeywordsAsColumnNames() {
        XCTAssertEqual(filters("by = 3 stage = x"), ["by = 3", "stage = x"])
    }

    func testEventsSource() throws {
        let (pipeline, parsed) = try XCTUnwrap(parsePipeline("events | plot"))
        XCTAssertEqual(pipeline.source.kind, .events)
        XCTAssertEqual(parsed.text(pipeline.source.span), "events")
        XCTAssertEqual(pipeline.steps.map(\.kind), [.plot])
    }

    func testPrintedCohort() {
        XCTAssertEqual(Parsed("cohort signup=2022-09..2022-12 country in (ID, US) by signup period week").printed, """
        pipeline
          source cohort
            filter signup = 2022-09..2022-12 (month)
            filter country in (ID, US)
            by signup period week
        """)
    }
}
