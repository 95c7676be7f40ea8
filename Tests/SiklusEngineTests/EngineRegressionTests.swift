import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage

/// Regression tests for engine bugs the test suite found (each asserts the documented behaviour).
final class EngineRegressionTests: XCTestCase {
    /// `Attribute.names(in:)` offers `stage`, `day` … `year` and `cohort` as columns, but `Attribute.resolve`
    /// rejects them, so the "did you mean" hint repeats the word the user typed.
    func testUnknownColumnHintNeverSuggestsTheSameWord() throws {
        let session = try Session.demo()
        for query in ["cohort by month", "events | where month = 2022-09 | metric events", "cohort by year",
                      "events | where cohort = x | metric events", "cohort day = 2022-09-14"] {
            guard let diagnostic = session.failure(query) else { XCTFail("\(query) should fail"); continue }
            let word = query.contains("cohort =") ? "cohort" : ["month", "year", "day"].first { query.contains($0) }!
            XCTAssertFalse(diagnostic.hints.contains { $0.contains("did you mean `\(word)`") },
                           "\(query): \(diagnostic.message) / \(diagnostic.hints)")
        }
    }

    /// `Predicate.column` has a dedicated message for filtering on `stage`, but `Attribute.resolve` throws
    /// "unknown column `stage`, did you mean `stage`?" before it is reached.
    func testFilteringOnStageExplainsTheStageStep() throws {
        let session = try Session.demo()
        let diagnostic = try XCTUnwrap(session.failure("events | where stage = purchase | metric events"))
        XCTAssertEqual(diagnostic.message, "`stage` can be grouped by, not filtered; use the step `stage <name>`")
    }

    /// `Binder.bind`'s step-order check names the pipeline's result step (or `plot` when there is none),
    /// not the step that the misplaced one must precede.
    func testStepOrderErrorNamesTheStepThatCameFirst() throws {
        let session = try Session.demo()
        let cases = [
            ("cohort by channel | sort customers | metric customers", "`metric` must come before `sort`"),
            ("cohort by channel | metric customers | plot | sort customers", "`sort` must come before `plot`"),
            ("cohort by channel | top 3 | where country = ID", "`where` must come before `top`"),
            ("events | export \"a.csv\" | limit 3", "`limit` must come before `export`"),
        ]
        for (query, message) in cases {
            XCTAssertEqual(session.failure(query)?.message, message, query)
        }
    }

    /// docs/LANGUAGE.md: "A constant may also stand on the left: `100 < amount`."
    func testConstantOnTheLeftOfAComparison() throws {
        let session = try Session.demo()
        let right = try session.query("events | where amount > 100 | metric events")
        let left = try session.query("events | where 100 < amount | metric events")
        XCTAssertEqual(left, right)
        XCTAssertEqual(try session.query("events | where 2022-09 = ts | metric events"),
                       try session.query("events | where ts = 2022-09 | metric events"))
    }

    /// docs/LANGUAGE.md: a dotted name on the right of a comparison is a column; a bare word there is text
    /// (so `country = ID` compares with the text "ID", never with the `id` column).
    func testColumnOnTheRightOfAComparison() throws {
        let session = try Session.demo()
        // Rows whose touch channel is the customer's acquisition channel.
        let dotted = try session.query("events | where events.channel = customers.channel | metric events")
        let reversed = try session.query("events | where customers.channel = events.channel | metric events")
        let text = try session.query("cohort | where country = ID | metric customers")
        XCTAssertGreaterThan(text.scalar("customers") ?? 0, 0, "`ID` is the country code, not the id column")
        var expected = 0
        for channel in ["search", "social", "email", "referral", "display", "affiliate"] {
            let n = try session.query("events | where events.channel = \(channel) and customers.channel = \(channel) | metric events")
            expected += Int(n.scalar("events") ?? 0)
        }
        XCTAssertGreaterThan(expected, 0)
        XCTAssertEqual(dotted.scalar("events"), Double(expected))
        XCTAssertEqual(reversed.scalar("events"), Double(expected))
    }

    /// `FunnelAnalysis.furthest`, any-order branch: one event row fills every step it matches, so a
    /// customer with a single first purchase "reaches" `purchase -> purchase`.
    func testAnyOrderFunnelNeedsOneEventPerStep() throws {
        let session = try Session.demo()
        let anyOrder = try session.query("cohort | funnel stage purchase -> stage purchase any order within 30d")
        let ordered = try session.query("cohort | funnel stage purchase -> stage purchase within 30d")
        // The purchase stage is each customer's first purchase only: nobody has two.
        XCTAssertEqual(ordered.numbers("customers"), [1192, 0])
        XCTAssertEqual(anyOrder.numbers("customers"), [1192, 0])
        // `visit` is an awareness event: a lone visit is not a visit plus another awareness event.
        let lone = try session.query("cohort | funnel visit -> awareness any order within 30d")
        let loneOrdered = try session.query("cohort | funnel visit -> awareness within 30d")
        XCTAssertLessThan(lone.numbers("customers")[1] ?? 0, lone.numbers("customers")[0] ?? 0)
        XCTAssertGreaterThanOrEqual(lone.numbers("customers")[1] ?? 0, loneOrdered.numbers("customers")[1] ?? 0)
    }

    /// `SpendScan` keys spend rows with the channel dimension's `codeKey`, whose labels come from the
    /// customers' acquisition channels only, so spend on any other channel lands in `(none)` and is divided
    /// by the customers who have no channel.
    func testSpendOnAChannelNoCustomerCameFromIsNotChargedToCustomersWithoutAChannel() throws {
        let dir = try TestPaths.temporaryDirectory("spend-channel")
        defer { try? FileManager.default.removeItem(at: dir) }
        try "customer_id,signup_date,channel\na,2023-01-01,social\nc,2023-01-01,\n"
            .write(to: dir.appendingPathComponent("c.csv"), atomically: true, encoding: .utf8)
        try "customer_id,ts,event,amount\na,2023-01-02 10:00:00,purchase,5\nc,2023-01-02 11:00:00,purchase,6\n"
            .write(to: dir.appendingPathComponent("e.csv"), atomically: true, encoding: .utf8)
        try "date,channel,spend\n2023-01-02,social,10\n2023-01-02,tiktok,5\n"
            .write(to: dir.appendingPathComponent("s.csv"), atomically: true, encoding: .utf8)
        let session = Session()
        _ = try session.load(.customers, path: dir.appendingPathComponent("c.csv").path)
        _ = try session.load(.events, path: dir.appendingPathComponent("e.csv").path)
        _ = try session.load(.spend, path: dir.appendingPathComponent("s.csv").path)
        let table = try session.query("events | by channel | metric spend, cpa")
        let labels = table.texts("channel"), spend = table.numbers("spend"), cpa = table.numbers("cpa")
        let none = try XCTUnwrap(labels.firstIndex(of: "(none)"))
        // Customer c (no channel) bought in the period, but nothing was spent on "no channel".
        XCTAssertEqual(spend[none], 0)
        XCTAssertEqual(cpa[none], 0)
        let tiktok = try XCTUnwrap(labels.firstIndex(of: "tiktok"), "spend on tiktok should get its own row: \(labels)")
        XCTAssertEqual(spend[tiktok], 5)
        XCTAssertNil(cpa[tiktok])
    }

    /// `RetentionMatrix`, percent: a cohort whose customers start in different periods (here by channel)
    /// takes cell k as a share of the customers who had reached period 0 + k by as_of. A customer who
    /// signed up in the last month could not have come back a month later, and must not count as lost.
    func testRetentionPercentIsOfTheCustomersWhoCouldHaveBeenActive() throws {
        let dir = try TestPaths.temporaryDirectory("retention-reached")
        defer { try? FileManager.default.removeItem(at: dir) }
        try "customer_id,signup_date,channel\na,2023-01-05,social\nb,2023-01-20,social\nc,2023-03-10,social\n"
            .write(to: dir.appendingPathComponent("c.csv"), atomically: true, encoding: .utf8)
        try "customer_id,ts,event,amount\na,2023-01-06 10:00:00,purchase,5\na,2023-02-03 10:00:00,purchase,5\n"
            .appending("b,2023-01-21 10:00:00,purchase,5\nc,2023-03-11 10:00:00,purchase,5\n")
            .write(to: dir.appendingPathComponent("e.csv"), atomically: true, encoding: .utf8)
        let session = Session()
        _ = try session.load(.customers, path: dir.appendingPathComponent("c.csv").path)
        _ = try session.load(.events, path: dir.appendingPathComponent("e.csv").path)
        session.mustRun("set as_of = 2023-03-31")
        let percent = try session.query("cohort by channel | retention percent")
        // Month 1: a and b had reached it (a came back), c had not: 1 of 2, not 1 of 3.
        XCTAssertEqual(percent.numbers("0"), [100])
        XCTAssertEqual(percent.numbers("1"), [50])
        XCTAssertEqual(percent.numbers("2"), [0])
        let counts = try session.query("cohort by channel | retention")
        XCTAssertEqual(counts.numbers("customers"), [3])
        XCTAssertEqual(counts.numbers("1"), [1])
    }

    /// `AggregateScan`, time_to_purchase by a column of the events: a buyer counts in each group that holds
    /// one of their purchases in scope (and in no group without one), as the formula says.
    func testTimeToPurchaseByAnEventColumnCountsABuyerWhereTheyBought() throws {
        let dir = try TestPaths.temporaryDirectory("ttp-rows")
        defer { try? FileManager.default.removeItem(at: dir) }
        try "customer_id,ts,event,amount,channel\na,2023-01-01 00:00:00,visit,,social\na,2023-01-03 00:00:00,purchase,5,social\n"
            .appending("a,2023-02-01 00:00:00,purchase,5,email\nb,2023-01-01 00:00:00,visit,,email\nb,2023-01-02 00:00:00,purchase,5,search\n")
            .write(to: dir.appendingPathComponent("e.csv"), atomically: true, encoding: .utf8)
        let session = Session()
        _ = try session.load(.events, path: dir.appendingPathComponent("e.csv").path)
        let table = try session.query("events | by events.channel | metric time_to_purchase")
        let days = Dictionary(uniqueKeysWithValues: zip(table.texts("event_channel").map { $0 ?? "" }, table.numbers("time_to_purchase")))
        XCTAssertEqual(days["social"] ?? nil, 2, "a bought on social: 2 days after first touch")
        XCTAssertEqual(days["email"] ?? nil, 2, "a bought on email too (b only visited there)")
        XCTAssertEqual(days["search"] ?? nil, 1)
    }

    /// `Predicate.compile`, membership: `not in` negates the whole test, so rows with no value pass it,
    /// while `!=` (`ValueMatcher.comparison`, `.notEqual`) requires a value. `x not in (a)` must mean `x != a`.
    func testNotInTreatsMissingValuesLikeNotEqual() throws {
        let session = try Session.demo()
        XCTAssertEqual(try session.query("events | where channel not in (social) | metric events"),
                       try session.query("events | where channel != social | metric events"))
        XCTAssertEqual(try session.query("events | where amount not in (25.5) | metric events"),
                       try session.query("events | where amount != 25.5 | metric events"))
        XCTAssertEqual(try session.query("events | where channel not in (social, email) | metric events"),
                       try session.query("events | where channel != social and channel != email | metric events"))
    }

    /// `StageTransitions.build` decides explicit churn by timestamps (`lastChurn >= lastActivity`), while
    /// `LifecycleState.isChurned` (stage_share, `stage churn`, churn_rate) uses the latest row in (ts, file)
    /// order. With a churn event and a purchase at the same second, cancel first, the customer's latest
    /// activity is the purchase: stage_share says purchase, transitions says churn.
    func testTransitionsEndInTheStageThatStageShareReports() throws {
        let dir = try TestPaths.temporaryDirectory("transitions")
        defer { try? FileManager.default.removeItem(at: dir) }
        let events = dir.appendingPathComponent("e.csv")
        try """
        customer_id,ts,event,amount
        a,2023-01-05 10:00:00,visit,
        a,2023-02-10 10:00:00,cancel,
        a,2023-02-10 10:00:00,purchase,5
        b,2023-01-05 10:00:00,visit,
        b,2023-02-10 10:00:00,purchase,5
        b,2023-02-10 10:00:00,cancel,
        """.write(to: events, atomically: true, encoding: .utf8)
        let session = Session()
        _ = try session.load(.events, path: events.path)
        let share = try session.query("cohort | metric stage_share")
        XCTAssertEqual(share.numbers("customers"), [0, 0, 0, 1, 0, 0, 1, 0])  // a: purchase, b: churn; no one lapsed
        // Each customer has one transition, from January (awareness) to February (as_of): its "to" stage
        // must be the stage stage_share reports.
        let transitions = try session.query("cohort | metric transitions")
        let awareness = 0
        XCTAssertEqual(transitions.numbers("purchase")[awareness], 1)
        XCTAssertEqual(transitions.numbers("churn")[awareness], 1)
    }

    // MARK: Former crashes

    /// `SessionSettings.calendarSeconds` multiplies months and years by 30 or 365 days without an overflow
    /// check, so a huge `churn_after` traps ("arithmetic overflow") instead of being rejected.
    func testHugeChurnAfterInMonthsIsADiagnosticNotACrash() throws {
        let session = try Session.demo()
        let before = session.settings
        for text in ["set churn_after = 9999999999999m", "set churn_after = 999999999999y"] {
            let diagnostic = try XCTUnwrap(session.failure(text), text)
            XCTAssertFalse(diagnostic.message.isEmpty)
            XCTAssertEqual(session.settings, before)
        }
    }

    /// `Binder.funnel` used to trap on a window whose seconds overflow (`d.seconds == nil` fell through to
    /// `value * 365 * secondsPerDay`). Any window longer than recorded history now means "no limit": the
    /// answer equals that of a window longer than the demo's two years.
    func testHugeFunnelWindowMeansNoLimitNotACrash() throws {
        let session = try Session.demo()
        let unlimited = try session.query("cohort | funnel visit -> purchase within 100000d")
        for text in ["cohort | funnel visit -> purchase within 999999999999999d", "cohort | funnel visit -> purchase within 99999999999999y",
                     "cohort | funnel visit -> purchase within 999999999999999m"] {
            let huge = try session.query(text)
            XCTAssertEqual(huge.numbers("customers"), unlimited.numbers("customers"), text)
            XCTAssertEqual(huge.numbers("median_days"), unlimited.numbers("median_days"), text)
        }
    }

    /// `FunnelAnalysis.furthest` adds the window to the attempt's start time (`ts[start] + window`) without
    /// an overflow check, so a window that fits in Int64 but reaches past its end traps.
    func testFunnelWindowReachingPastTheEndOfTimeDoesNotCrash() throws {
        let session = try Session.demo()
        let everything = try session.query("cohort | funnel visit -> purchase within 100000d")
        for order in ["", "strict", "any order"] {
            let huge = try session.query("cohort | funnel visit -> purchase within 106751991167300d \(order)")
            let wide = try session.query("cohort | funnel visit -> purchase within 100000d \(order)")
            XCTAssertEqual(huge.numbers("customers"), wide.numbers("customers"), order)
        }
        XCTAssertEqual(everything.numbers("customers").count, 2)
    }
}
