import XCTest
@testable import SiklusLanguage

final class ParserStepTests: XCTestCase {
    func testStage() throws {
        let (step, parsed) = try XCTUnwrap(parseStep("stage akuisisi"))
        guard case .stage(let name) = step else { return XCTFail() }
        XCTAssertEqual(name.text, "akuisisi")
        XCTAssertEqual(parsed.text(name.span), "akuisisi")
    }

    func testWhere() throws {
        let (step, parsed) = try XCTUnwrap(parseStep("where amount >= 100"))
        guard case .filter(let condition) = step else { return XCTFail() }
        guard case .comparison(let left, .greaterEqual, let right) = condition.kind else { return XCTFail() }
        XCTAssertEqual(parsed.text(left.span), "amount")
        XCTAssertEqual(right.kind, .literal(.integer(100)))
    }

    func testBy() throws {
        let (step, parsed) = try XCTUnwrap(parseStep("by channel, customers.country, month"))
        guard case .groupBy(let names) = step else { return XCTFail() }
        XCTAssertEqual(names.map(\.text), ["channel", "customers.country", "month"])
        XCTAssertEqual(parsed.text(names[1].span), "customers.country")
    }

    func testMetric() throws {
        let (step, _) = try XCTUnwrap(parseStep("metric avg_order, repeat_rate,ltv"))
        XCTAssertEqual(step.keyword, "metric")
        guard case .metrics(let names) = step else { return XCTFail() }
        XCTAssertEqual(names.map(\.text), ["avg_order", "repeat_rate", "ltv"])
        let (plural, _) = try XCTUnwrap(parseStep("metrics customers"))
        guard case .metrics(let one) = plural else { return XCTFail() }
        XCTAssertEqual(one.map(\.text), ["customers"])
    }

    func testRetentionDefaults() throws {
        let (step, _) = try XCTUnwrap(parseStep("retention"))
        XCTAssertEqual(step, .retention(RetentionOptions()))
    }

    func testRetentionWithEveryOptionInAnyOrder() throws {
        let (step, parsed) = try XCTUnwrap(parseStep("retention horizon 12 on purchase unbounded percent period week"))
        guard case .retention(let options) = step else { return XCTFail() }
        XCTAssertEqual(options.period?.value, .week)
        XCTAssertEqual(parsed.text(try XCTUnwrap(options.period).span), "week")
        XCTAssertTrue(options.isPercent)
        XCTAssertTrue(options.isUnbounded)
        XCTAssertEqual(options.activity?.value, .purchase)
        XCTAssertEqual(options.horizon?.value, 12)
    }

    func testRetentionActivities() throws {
        for (text, activity) in [("on any", RetentionActivity.anyEvent), ("on purchase", .purchase)] {
            let (step, _) = try XCTUnwrap(parseStep("retention " + text))
            guard case .retention(let options) = step else { return XCTFail() }
            XCTAssertEqual(options.activity?.value, activity)
        }
        let (step, _) = try XCTUnwrap(parseStep("retention on login period day"))
        guard case .retention(let options) = step, case .event(let event)? = options.activity?.value else { return XCTFail() }
        XCTAssertEqual(event.text, "login")
        XCTAssertEqual(options.period?.value, .day)
        let (quoted, _) = try XCTUnwrap(parseStep(#"retention on "app open""#))
        guard case .retention(let quotedOptions) = quoted, case .event(let name)? = quotedOptions.activity?.value else { return XCTFail() }
        XCTAssertEqual(name.text, "app open")
        XCTAssertTrue(name.isQuoted)
    }

    func testFunnel() throws {
        let (step, parsed) = try XCTUnwrap(parseStep("funnel visit -> add_to_cart -> \"checkout start\" -> purchase"))
        guard case .funnel(let funnel) = step else { return XCTFail() }
        XCTAssertEqual(funnel.steps.map(\.text), ["visit", "add_to_cart", "checkout start", "purchase"])
        XCTAssertEqual(parsed.text(funnel.steps[2].span), "\"checkout start\"")
        XCTAssertNil(funnel.window)
        XCTAssertNil(funnel.order)
    }

    /// `stage purchase` marks a stage step (issue 11); a bare `stage` followed by `->` is an event named stage.
    func testFunnelStageSteps() throws {
        let (step, _) = try XCTUnwrap(parseStep("funnel visit -> stage purchase -> purchase -> stage \"retention\" within 30m"))
        guard case .funnel(let funnel) = step else { return XCTFail() }
        XCTAssertEqual(funnel.steps.map(\.text), ["visit", "purchase", "purchase", "retention"])
        XCTAssertEqual(funnel.stageSteps, [1, 3])
        XCTAssertEqual(funnel.window?.value, DurationLiteral(value: 30, unit: .minute))
        let (pipeline, _) = try XCTUnwrap(parsePipeline("events | funnel visit -> stage purchase -> purchase within 30m"))
        let printed = SyntaxPrinter.print(pipeline)
        XCTAssertTrue(printed.contains("funnel visit -> stage purchase -> purchase within 30min"), printed)
        let (plain, _) = try XCTUnwrap(parseStep("funnel stage -> purchase"))
        guard case .funnel(let events) = plain else { return XCTFail() }
        XCTAssertEqual(events.steps.map(\.text), ["stage", "purchase"])
        XCTAssertEqual(events.stageSteps, [])
    }

    func testFunnelOptions() throws {
        let cases: [(String, DurationLiteral?, FunnelOrder?)] = [
            ("funnel a -> b within 30d", DurationLiteral(value: 30, unit: .day), nil),
            ("funnel a -> b strict", nil, .strict),
            ("funnel a -> b any order within 2w", DurationLiteral(value: 2, unit: .week), .anyOrder),
            ("funnel a -> b within 48h ordered", DurationLiteral(value: 48, unit: .hour), .ordered),
        ]
        for (text, window, order) in cases {
            let (step, parsed) = try XCTUnwrap(parseStep(text))
            guard case .funnel(let funnel) = step else { return XCTFail() }
            XCTAssertEqual(funnel.window?.value, window, text)
            XCTAssertEqual(funnel.order?.value, order, text)
            if let order = funnel.order { XCTAssertEqual(parsed.text(order.span), order.value.rawValue) }
        }
    }

    func testSort() throws {
        let (step, parsed) = try XCTUnwrap(parseStep("sort revenue desc, customers, name ASC, x descending"))
        guard case .sort(let keys) = step else { return XCTFail() }
        XCTAssertEqual(keys.map(\.column.text), ["revenue", "customers", "name", "x"])
        XCTAssertEqual(keys.map(\.direction?.value), [.descending, nil, .ascending, .descending])
        XCTAssertEqual(keys.map { parsed.text($0.span) }, ["revenue desc", "customers", "name ASC", "x descending"])
    }

    func testTopAndLimit() throws {
        let (top, parsed) = try XCTUnwrap(parseStep("top 10"))
        guard case .top(let count) = top else { return XCTFail() }
        XCTAssertEqual(count.value, 10)
        XCTAssertEqual(parsed.text(count.span), "10")
        let (limit, _) = try XCTUnwrap(parseStep("limit 5"))
        guard case .limit(let rows) = limit else { return XCTFail() }
        XCTAssertEqual(rows.value, 5)
    }

    func testPlotAndExport() throws {
        let (plot, _) = try XCTUnwrap(parseStep("plot"))
        XCTAssertEqual(plot, .plot)
        let (export, parsed) = try XCTUnwrap(parseStep(#"export "out/retention.html""#))
        guard case .export(let path) = export else { return XCTFail() }
        XCTAssertEqual(path.value, "out/retention.html")
        XCTAssertEqual(parsed.text(path.span), #""out/retention.html""#)
    }

    func testLongPipelinePrintsEveryStep() {
        let parsed = Parsed("""
        events | stage retention | where channel = social | by channel, month | metric avg_order \
        | retention period month percent on any unbounded horizon 6 | funnel view -> buy within 7d strict \
        | sort avg_order desc | top 3 | limit 2 | plot | export "r.csv"
        """)
        XCTAssertEqual(parsed.rendered, "")
        XCTAssertEqual(parsed.printed, """
        pipeline
          source events
          step stage retention
          step where channel = social
          step by channel, month
          step metric avg_order
          step retention period month percent on any unbounded horizon 6
          step funnel view -> buy within 7d strict
          step sort avg_order desc
          step top 3
          step limit 2
          step plot
          step export "r.csv"
        """)
    }

    func testStepKeywords() {
        let steps: [Step] = [.stage(Identifier("x", at: SourceSpan(start: 0, end: 1))), .plot, .detail, .metrics([]), .groupBy([]), .sort([]),
                             .retention(RetentionOptions()), .funnel(FunnelSpec(steps: [])),
                             .top(Spanned(1, at: SourceSpan(start: 0, end: 1))), .bottom(Spanned(1, at: SourceSpan(start: 0, end: 1))), .limit(Spanned(1, at: SourceSpan(start: 0, end: 1))),
                             .export(path: Spanned("a", at: SourceSpan(start: 0, end: 1))),
                             .filter(ExpressionNode(.literal(.integer(1)), at: SourceSpan(start: 0, end: 1))), .rows(nil),
                             .derive(DeriveSpec(name: Identifier("x", at: SourceSpan(start: 0, end: 1)),
                                                expression: ArithmeticNode(.number(1), at: SourceSpan(start: 0, end: 1)))),
                             .customerValue(CustomerValueSpec(kind: .rfm)), .customerValue(CustomerValueSpec(kind: .params)),
                             .paths(PathsSpec()), .lifecycleTrend(LifecycleTrendOptions()), .stickiness(StickinessOptions()),
                             .dropped(Spanned(1, at: SourceSpan(start: 0, end: 1))), .histogram]
        XCTAssertEqual(Set(steps.map(\.keyword)), Set(Keywords.steps))
    }
}
