import SiklusLanguage
import XCTest
@testable import SiklusPlan

/// Issue 15 §1 on the plan alone: the value check against a backend's values (counted, so the cost
/// claims hold), the purchase-rows warning read from metric definitions, the channel and `top` notes,
/// the metric synonyms.
final class GuardrailTests: XCTestCase {
    /// Values of a fake backend, counting the questions asked.
    final class CountingValues: @unchecked Sendable {
        var lookups = 0, listings = 0
        let known: [Attribute: [String]]
        init(_ known: [Attribute: [String]]) { self.known = known }
        var data: DataValues {
            DataValues(occurs: { text in
                self.lookups += 1
                return self.known.values.contains { $0.contains(text) }
            }, values: { attribute in
                self.listings += 1
                return self.known[attribute]
            })
        }
    }

    private let country = Attribute.customerColumn(2)
    private func values() -> CountingValues {
        CountingValues([country: ["ID", "US", "SG"], .eventChannel: ["social", "Social", "email"], .acquisitionChannel: ["social", "email"],
                        .event: ["visit", "purchase"]])
    }

    func testAValueNoRowHoldsIsAWarningWithTheNearestValue() throws {
        let backend = values()
        let (query, findings) = PlanWarnings.review(try PlanFixture.bind("cohort country=Indonesia | metric customers"), data: backend.data,
                                                    catalog: PlanFixture.catalog)
        XCTAssertEqual(findings.map(\.severity), [.warning])
        XCTAssertEqual(findings.first?.message, "no country `Indonesia` in the data, so it matches nothing; values are ID, US, SG")
        XCTAssertEqual(findings.first?.hints, ["did you mean `ID`?"])
        XCTAssertEqual(query, try PlanFixture.bind("cohort country=Indonesia | metric customers"), "a warning never changes the query")
        XCTAssertEqual(findings.first?.span, SourceSpan(start: 15, end: 24))
    }

    func testEachAttributeIsListedOnceAndPresentValuesCostOneLookup() throws {
        let backend = values()
        _ = PlanWarnings.review(try PlanFixture.bind("cohort country in (ID, US) | where country != SG | metric customers"), data: backend.data,
                                catalog: PlanFixture.catalog)
        XCTAssertEqual(backend.lookups, 3)
        XCTAssertEqual(backend.listings, 0, "values that occur need no listing")
        let missing = values()
        let (_, findings) = PlanWarnings.review(try PlanFixture.bind("cohort country in (XX, YY) | where country != ZZ | metric customers"),
                                                data: missing.data, catalog: PlanFixture.catalog)
        XCTAssertEqual(findings.count, 3)
        XCTAssertEqual(missing.listings, 1, "one listing per attribute and query, however many values miss")
    }

    func testCaseOnlyMismatchIsRewrittenWithANote() throws {
        let backend = values()
        let (query, findings) = PlanWarnings.review(try PlanFixture.bind("events | where channel = SOCIAL and event != Visit | metric events"),
                                                    data: backend.data, catalog: PlanFixture.catalog)
        XCTAssertEqual(findings.map(\.severity), [.note, .note])
        guard case .filter(.and(.member(.eventChannel, let spellings, false, _), .compare(.event, .notEqual, .text(let event), _)), _)? = query.scope.first else {
            return XCTFail("\(query.scope)")
        }
        XCTAssertEqual(spellings, [.text("social"), .text("Social")], "SOCIAL matches both spellings")
        XCTAssertEqual(event, "visit")
    }

    func testFunnelStepConditionsAreCheckedLikeWhere() throws {
        let backend = values()
        let text = "cohort | funnel visit -> purchase where channel = Social or channel = facebook -> visit where channel = Email"
        let (query, findings) = PlanWarnings.review(try PlanFixture.bind(text), data: backend.data, catalog: PlanFixture.catalog)
        XCTAssertEqual(findings.map(\.severity), [.warning, .note], "Social occurs; facebook matches nothing; Email only ignoring case")
        XCTAssertEqual(findings.first?.message, "no events.channel `facebook` in the data, so it matches nothing; values are social, Social, email")
        guard case .funnel(let funnel) = query.analysis else { return XCTFail("\(query.analysis)") }
        guard case .compare(.eventChannel, .equal, .text("email"), _)? = funnel.steps[2].filter else {
            return XCTFail("Email is rewritten to the data's spelling: \(String(describing: funnel.steps[2].filter))")
        }
        let dropped = try PlanFixture.bind("cohort | funnel visit -> purchase where channel = Email | dropped 1")
        let (droppedQuery, droppedFindings) = PlanWarnings.review(dropped, data: values().data, catalog: PlanFixture.catalog)
        XCTAssertEqual(droppedFindings.map(\.severity), [.note], "the funnel of `dropped` is checked once")
        guard case .funnelDropOff(let kept, _, _)? = droppedQuery.scope.last,
              case .compare(.eventChannel, .equal, .text("email"), _)? = kept.steps[1].filter else {
            return XCTFail("\(droppedQuery.scope)")
        }
    }

    func testCustomerIdsAndUnknownValuesAreLeftAlone() throws {
        let (query, findings) = PlanWarnings.review(try PlanFixture.bind("events | where customer = U1 and channel = nowhere | metric events"),
                                                    data: .unknown, catalog: PlanFixture.catalog)
        XCTAssertEqual(findings, [])
        XCTAssertEqual(query, try PlanFixture.bind("events | where customer = U1 and channel = nowhere | metric events"))
    }

    func testStepsThatRemoveEveryPurchaseWarnForMetricsThatCountThem() throws {
        func warnings(_ text: String) throws -> [String] {
            PlanWarnings.of(try PlanFixture.bind(text), catalog: PlanFixture.catalog).map(\.message)
        }
        XCTAssertEqual(try warnings("cohort | stage education | metric conversion_rate"),
                       ["`stage education` keeps only the education stage's events, so no purchase is left in scope for `conversion_rate`"])
        XCTAssertEqual(try warnings("events | where event in (visit, login) | metric revenue, customers").count, 1)
        XCTAssertEqual(try warnings("events | where not (event = purchase) | metric orders").count, 1)
        // Purchases stay, or the metric does not count them: nothing to say.
        for quiet in ["cohort | stage purchase | metric conversion_rate", "cohort | stage retention | metric repeat_rate",
                      "events | where event = purchase or event = visit | metric orders", "events | where amount > 5 | metric revenue",
                      "cohort | stage education | metric customers, events, churn_rate", "events | where event != visit | metric orders"] {
            XCTAssertEqual(try warnings(quiet), [], quiet)
        }
    }

    func testEveryMetricCountingPurchaseRowsIsCovered() {
        let covered = Metric.allCases.filter(PurchaseRowsCheck.countsPurchaseRows)
        XCTAssertEqual(Set(covered), [.orders, .revenue, .returns, .avg_order, .orders_per_customer, .repeat_rate, .conversion_rate, .ltv,
                                      .orders_per_buyer, .median_order, .days_between_orders,
                                      .median_revenue_per_customer, .median_revenue_per_buyer, .median_orders_per_buyer])
    }

    func testChannelAndTopNotes() throws {
        let mixed = PlanWarnings.of(try PlanFixture.bind("events | where channel = email | by channel | metric events"), catalog: PlanFixture.catalog)
        XCTAssertEqual(mixed.map(\.severity), [.note])
        XCTAssertTrue(mixed[0].message.contains("acquisition channel"))
        XCTAssertEqual(PlanWarnings.of(try PlanFixture.bind("events | where channel = email | by events.channel | metric events"), catalog: PlanFixture.catalog), [])
        XCTAssertEqual(try PlanFixture.bind("events | by events.channel | metric events").dimensions.map(\.name), ["event_channel"])
        let top = PlanWarnings.of(try PlanFixture.bind("events | by channel | metric cpa | top 2"), catalog: PlanFixture.catalog)
        XCTAssertEqual(top.first?.hints, ["`bottom 2` keeps the 2 rows with the smallest cpa"])
        let cpc = PlanWarnings.of(try PlanFixture.bind("events | by channel | metric clicks, cpc | top 2"), catalog: PlanFixture.catalog)
        XCTAssertEqual(cpc.first?.hints, ["`bottom 2` keeps the 2 rows with the smallest cpc"], "a cost per click is lower-is-better too")
        XCTAssertEqual(PlanWarnings.of(try PlanFixture.bind("events | by channel | metric cpa | bottom 2"), catalog: PlanFixture.catalog), [])
        XCTAssertEqual(PlanWarnings.of(try PlanFixture.bind("events | by channel | metric revenue | top 2"), catalog: PlanFixture.catalog), [])
        XCTAssertEqual(try PlanFixture.bind("events | by channel | metric cpa | bottom 2").post, [.bottom(2, span: SourceSpan(start: 42, end: 43))])
    }

    func testUnknownEventNamesGetTheValueSuggestions() {
        func hints(_ text: String) -> [String] {
            do { _ = try PlanFixture.bind(text) } catch let error as Diagnostic { return error.hints } catch { return ["\(error)"] }
            return ["no error"]
        }
        XCTAssertEqual(hints("cohort did purchases | metric customers"), ["did you mean `purchase`?"])
        XCTAssertEqual(hints("cohort did cart | metric customers"), ["did you mean `add_to_cart`?"], "a word of the name")
        XCTAssertEqual(hints("cohort | funnel visit -> add_cart"), ["did you mean `add_to_cart`?"])
        XCTAssertEqual(hints("cohort | funnel visit -> purchase exclude cancelled"), ["did you mean `cancel`?"])
        XCTAssertEqual(hints("events | paths from product"), ["did you mean `product_view`?"], "a prefix")
        XCTAssertEqual(hints("cohort | retention start Login"), ["did you mean `login`?"])
        XCTAssertEqual(hints("events | lifecycle on purchased"), ["did you mean `purchase`?"])
        XCTAssertEqual(hints("cohort did checkout | metric customers"),
                       ["the data's events are add_to_cart, cancel, login, product_view, purchase, review, visit"], "nothing close: the events")
    }

    func testSynonymsOfMetricsAndSteps() {
        for (typed, metric) in [("aov", "avg_order"), ("churn", "churn_rate"), ("conversion", "conversion_rate"), ("frequency", "orders_per_customer")] {
            XCTAssertTrue(MetricSynonyms.hint(for: typed)?.hasPrefix("did you mean `\(metric)`?") == true, typed)
        }
        XCTAssertTrue(MetricSynonyms.hint(for: "retention_rate")?.contains("retention percent") == true)
        XCTAssertTrue(MetricSynonyms.hint(for: "clv")?.contains("cohort | clv") == true)
        XCTAssertNil(MetricSynonyms.hint(for: "cpc"), "cpc is a metric of its own, not a synonym of cpa")
        for synonym in MetricSynonyms.metrics.keys { XCTAssertNil(Metric(rawValue: synonym), "\(synonym) is a metric already") }
    }
}
