import XCTest
@testable import SiklusLanguage

final class ParserStatementTests: XCTestCase {
    func testHeadlineExample() throws {
        let (pipeline, parsed) = try XCTUnwrap(parsePipeline("cohort signup=2022-09 | stage retention | metric avg_order"))
        guard case .cohort(let cohort) = pipeline.source.kind else { return XCTFail("expected a cohort source") }
        XCTAssertNil(cohort.grouping)
        XCTAssertEqual(cohort.filters.count, 1)
        guard case .comparison(let left, let op, let right) = cohort.filters[0].kind else { return XCTFail("expected a comparison") }
        XCTAssertEqual(left.kind, .column(QualifiedName([Identifier("signup", at: SourceSpan(start: 7, end: 13))])))
        XCTAssertEqual(op, .equal)
        XCTAssertEqual(right.kind, .literal(.date(.month(year: 2022, month: 9))))
        XCTAssertEqual(right.span, SourceSpan(start: 14, end: 21))
        XCTAssertEqual(parsed.text(cohort.filters[0].span), "signup=2022-09")
        XCTAssertEqual(parsed.text(pipeline.source.span), "cohort signup=2022-09")

        XCTAssertEqual(pipeline.steps.count, 2)
        guard case .stage(let stage) = pipeline.steps[0].kind else { return XCTFail("expected a stage step") }
        XCTAssertEqual(stage.text, "retention")
        XCTAssertEqual(parsed.text(pipeline.steps[0].span), "stage retention")
        guard case .metrics(let metrics) = pipeline.steps[1].kind else { return XCTFail("expected a metric step") }
        XCTAssertEqual(metrics.map(\.text), ["avg_order"])
        XCTAssertEqual(parsed.text(pipeline.steps[1].span), "metric avg_order")
        XCTAssertEqual(parsed.text(pipeline.span), "cohort signup=2022-09 | stage retention | metric avg_order")
        XCTAssertEqual(parsed.text(parsed.result.statements[0].span), "cohort signup=2022-09 | stage retention | metric avg_order")
    }

    func testLoadWithEveryOption() throws {
        let text = #"load events "data/events.csv" map customer=CustomerID ts="Order Date" delim=";" format ts="%d/%m/%Y" signup=epoch"#
        let (statement, parsed) = try XCTUnwrap(parseOne(text))
        guard case .load(let load) = statement.kind else { return XCTFail("expected load") }
        XCTAssertEqual(load.table.value, .events)
        XCTAssertEqual(load.path.value, "data/events.csv")
        XCTAssertEqual(parsed.text(load.path.span), #""data/events.csv""#)
        XCTAssertEqual(load.mappings.map(\.role.value), [.customer, .ts])
        XCTAssertEqual(load.mappings.map(\.column.text), ["CustomerID", "Order Date"])
        XCTAssertEqual(load.mappings.map(\.column.isQuoted), [false, true])
        XCTAssertEqual(parsed.text(load.mappings[1].span), #"ts="Order Date""#)
        XCTAssertEqual(load.delimiter?.value, UInt8(ascii: ";"))
        XCTAssertEqual(load.formats.map(\.column.text), ["ts", "signup"])
        XCTAssertEqual(load.formats.map(\.format.value), ["%d/%m/%Y", "epoch"])
        XCTAssertEqual(parsed.text(statement.span), text)
    }

    func testLoadTablesAndDelimiters() throws {
        for (table, expected) in [("events", LoadTable.events), ("customers", .customers), ("SPEND", .spend)] {
            let (statement, _) = try XCTUnwrap(parseOne("load \(table) \"x.csv\""))
            guard case .load(let load) = statement.kind else { return XCTFail("expected load") }
            XCTAssertEqual(load.table.value, expected)
            XCTAssertTrue(load.mappings.isEmpty && load.formats.isEmpty && load.delimiter == nil)
        }
        let delimiters: [(String, UInt8)] = [(#"",""#, 44), (#"";""#, 59), (#""\t""#, 9), (#""|""#, 124), (#"" ""#, 32),
                                             ("tab", 9), ("semicolon", 59)]
        for (written, byte) in delimiters {
            let (statement, _) = try XCTUnwrap(parseOne("load spend \"s.csv\" delim=\(written)"))
            guard case .load(let load) = statement.kind else { return XCTFail("expected load") }
            XCTAssertEqual(load.delimiter?.value, byte, written)
        }
    }

    func testLoadOptionsInAnyOrderAndRepeated() throws {
        let (statement, _) = try XCTUnwrap(parseOne(#"load customers "c.csv" format signup="%Y%m%d" map customer=id map country=cc"#))
        guard case .load(let load) = statement.kind else { return XCTFail("expected load") }
        XCTAssertEqual(load.mappings.map(\.role.value), [.customer, .country])
        XCTAssertEqual(load.formats.map(\.format.value), ["%Y%m%d"])
    }

    func testLet() throws {
        let (statement, parsed) = try XCTUnwrap(parseOne("let sept = cohort signup=2022-09 | stage retention"))
        guard case .let(let binding) = statement.kind else { return XCTFail("expected let") }
        XCTAssertEqual(binding.name.text, "sept")
        XCTAssertEqual(parsed.text(binding.name.span), "sept")
        XCTAssertEqual(parsed.text(binding.pipeline.span), "cohort signup=2022-09 | stage retention")
        XCTAssertEqual(binding.pipeline.steps.count, 1)
    }

    func testVariableAsSource() throws {
        let (pipeline, parsed) = try XCTUnwrap(parsePipeline("Sept | metric avg_order"))
        XCTAssertEqual(pipeline.source.kind, .variable(Identifier("Sept", at: SourceSpan(start: 0, end: 4))))
        guard case .variable(let name) = pipeline.source.kind else { return XCTFail() }
        XCTAssertEqual(name.lowercased, "sept")
        XCTAssertEqual(parsed.text(pipeline.source.span), "Sept")
        XCTAssertNotNil(parsePipeline("sept"))
    }

    func testSetParsesValuesGenerically() throws {
        let cases: [(String, Literal)] = [
            ("churn_after = 90d", .duration(DurationLiteral(value: 90, unit: .day))),
            ("churn_after = 12w", .duration(DurationLiteral(value: 12, unit: .week))),
            ("as_of = 2023-12-31", .date(.day(year: 2023, month: 12, day: 31))),
            ("period = month", .name("month")),
            ("week_start = Monday", .name("Monday")),
            ("currency = \"IDR\"", .string("IDR")),
            ("precision = 2", .integer(2)),
            ("threshold = -0.5", .number(-0.5)),
            ("offset = -3", .integer(-3)),
        ]
        for (text, literal) in cases {
            let (statement, parsed) = try XCTUnwrap(parseOne("set " + text))
            guard case .set(let set) = statement.kind else { return XCTFail("expected set") }
            XCTAssertEqual(set.value.literal, literal, text)
            XCTAssertEqual(set.option.text, String(text.prefix { $0 != " " }))
            XCTAssertEqual(parsed.text(set.value.span), String(text.split(separator: "=")[1].dropFirst()), text)
        }
    }

    func testStagesAndStageEdits() throws {
        let (stages, _) = try XCTUnwrap(parseOne("stages"))
        XCTAssertEqual(stages.kind, .stages)

        let (add, parsed) = try XCTUnwrap(parseOne(#"stage retention += repeat_purchase, "re-order""#))
        guard case .stageEdit(let edit) = add.kind else { return XCTFail("expected stage edit") }
        XCTAssertEqual(edit.stage.text, "retention")
        XCTAssertEqual(edit.operation.value, .add)
        XCTAssertEqual(parsed.text(edit.operation.span), "+=")
        XCTAssertEqual(edit.events.map(\.text), ["repeat_purchase", "re-order"])
        XCTAssertEqual(edit.events.map(\.isQuoted), [false, true])

        let (remove, _) = try XCTUnwrap(parseOne("stage Retensi -= renewal"))
        guard case .stageEdit(let removal) = remove.kind else { return XCTFail("expected stage edit") }
        XCTAssertEqual(removal.operation.value, .remove)
        XCTAssertEqual(removal.stage.lowercased, "retensi")
        XCTAssertEqual(removal.events.map(\.text), ["renewal"])
    }

    func testExplain() throws {
        let (statement, parsed) = try XCTUnwrap(parseOne("explain cohort by signup period week | retention"))
        guard case .explain(let pipeline, .short) = statement.kind else { return XCTFail("expected explain") }
        XCTAssertEqual(parsed.text(pipeline.span), "cohort by signup period week | retention")
    }

    func testHelpKeepsWordsWithSpans() throws {
        let (statement, parsed) = try XCTUnwrap(parseOne(#"help metric avg_order "by" | 3"#))
        guard case .help(let words) = statement.kind else { return XCTFail("expected help") }
        XCTAssertEqual(words.map(\.value), ["metric", "avg_order", "by", "|", "3"])
        XCTAssertEqual(words.map { parsed.text($0.span) }, ["metric", "avg_order", #""by""#, "|", "3"])
        let (bare, _) = try XCTUnwrap(parseOne("HELP"))
        XCTAssertEqual(bare.kind, .help([]))
    }

    func testKeywordsIgnoreCase() throws {
        let (pipeline, _) = try XCTUnwrap(parsePipeline("COHORT Signup=2022-09 | STAGE Retention | Metric AVG_ORDER"))
        guard case .metrics(let metrics) = pipeline.steps[1].kind else { return XCTFail() }
        XCTAssertEqual(metrics[0].text, "AVG_ORDER")
        XCTAssertEqual(metrics[0].lowercased, "avg_order")
    }

    func testSemicolonsAndCommentsSeparateStatements() {
        let parsed = Parsed("""
        # a script
        set churn_after = 90d; set as_of = 2023-12-31   -- options
        stages ;; events | plot
        ;
        """)
        XCTAssertEqual(parsed.rendered, "")
        XCTAssertEqual(parsed.result.statements.map { parsed.text($0.span) },
                       ["set churn_after = 90d", "set as_of = 2023-12-31", "stages", "events | plot"])
    }

    func testEmptyScripts() {
        for text in ["", "\n\n", "# only a comment", " ; ; ", "\r\n"] {
            let parsed = Parsed(text)
            XCTAssertTrue(parsed.result.statements.isEmpty && parsed.result.diagnostics.isEmpty, text)
        }
    }
}
