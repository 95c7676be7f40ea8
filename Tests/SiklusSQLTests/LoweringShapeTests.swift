import XCTest
import SiklusLanguage
import SiklusPlan
@testable import SiklusSQL

/// The shape of the lowered SQL, which decides its speed on the engines: only the facts a query reads are
/// computed, and on Spark each CTE read more than once is computed once (a cached view). Results are
/// checked on the engines by `LoweringEngineTests` and the dialect matrix.
final class LoweringShapeTests: XCTestCase {
    private let catalog = Catalog(
        events: Catalog.Table(isLoaded: true, columns: []),
        customers: Catalog.Table(isLoaded: true, columns: [.init(name: "signup_date", kind: .time, role: "signup"),
                                                           .init(name: "channel", kind: .text, role: "channel"),
                                                           .init(name: "country", kind: .text, role: "country")]),
        spend: Catalog.Table(isLoaded: false, columns: []))

    private func lower(_ text: String) throws -> SQLLoweredQuery {
        let parsed = Parser.parse(SourceFile(name: "<test>", text: text))
        guard case .pipeline(let pipeline)? = parsed.statements.first?.kind else { throw SQLNotExpressible("not a pipeline") }
        return try SQLLowering(catalog: catalog).lower(try Binder(catalog: catalog).bind(pipeline))
    }

    func testRetentionOnPurchasesComputesNeitherThePurchaseWindowNorTheFirstChannel() throws {
        let sql = try lower("cohort by first_purchase period month | retention").sql(.postgres)
        XCTAssertFalse(sql.contains("row_number"), sql)
        XCTAssertFalse(sql.contains("array_agg"), sql)  // the first channel
        XCTAssertFalse(sql.contains("OVER ("), sql)  // no window at all
        XCTAssertTrue(sql.contains("first_purchase"), sql)
    }

    func testWhatAQueryReadsIsKept() throws {
        let sql = try lower("cohort by acquisition_channel | by stage | metric events").sql(.postgres)
        XCTAssertTrue(sql.contains("array_agg"), sql)  // acquisition_channel falls back on the first channel
        XCTAssertTrue(sql.contains("row_number"), sql)  // stage needs the purchase numbers
        XCTAssertFalse(sql.contains("country"), sql)
    }

    func testPeopleDoNotReadStaged() throws {
        let query = try lower("cohort by signup period month | funnel awareness -> purchase within 30d").query
        let people = try XCTUnwrap(query.ctes.first { $0.name == "customer_facts" })
        XCTAssertEqual(SQLTableReferences.count(in: people.query), ["events": 1])
    }

    func testSparkCachesWhatItWouldEvaluateMoreThanOnceAndNothingElse() throws {
        // A strict funnel joins step tables (an ordered one reads funnel_events once: the test below).
        let lowered = try lower("cohort by signup period month | funnel awareness -> purchase within 30d strict")
        // funnel_events is read by step_1 and step_2; customers_1 by events_1, funnel_events and reached;
        // reached once, by the step rows (joined to the steps' numbers, not a UNION ALL of a read per step).
        XCTAssertEqual(lowered.query.ctesEvaluatedMoreThanOnce(), ["customers_1", "funnel_events"])
        XCTAssertNil(try lowered.materializedRun(.postgres, viewPrefix: "v_"))
        XCTAssertNil(try lowered.materializedRun(.duckdb, viewPrefix: "v_"))
        let run = try XCTUnwrap(try lowered.materializedRun(.spark, viewPrefix: "v_"))
        XCTAssertEqual(run.setUp.map { $0.prefix { $0 != "\n" } }, ["CACHE TABLE v_customers_1 AS", "CACHE TABLE v_funnel_events AS"])
        XCTAssertEqual(run.tearDown, ["DROP VIEW IF EXISTS v_funnel_events", "DROP VIEW IF EXISTS v_customers_1"])
        XCTAssertTrue(run.query.contains("funnel_events AS (\n  SELECT *\n  FROM v_funnel_events\n)"), run.query)
        // A view's definition carries the CTEs before it, the cached ones read from their views.
        let funnelView = try XCTUnwrap(run.setUp.first { $0.hasPrefix("CACHE TABLE v_funnel_events") })
        XCTAssertTrue(funnelView.contains("FROM v_customers_1"), funnelView)
    }

    func testAnOrderedFunnelChainsWindowsInsteadOfJoiningStepTables() throws {
        let lowered = try lower("cohort by signup period month | funnel awareness -> consideration -> purchase within 30d")
        let query = lowered.query
        // funnel_events is read once, by the windows; no step table joins it again (a range join per step).
        // The cohort label rides along the chain, so the step rows read the customers no more, and they read
        // `reached` once: on Spark the funnel is one query, no cached view.
        XCTAssertEqual(query.ctesEvaluatedMoreThanOnce(), [])
        XCTAssertNil(try lowered.materializedRun(.spark, viewPrefix: "v_"))
        XCTAssertEqual(query.ctes.filter { $0.name.hasPrefix("chain_") }.map(\.name), ["chain_3", "chain_2"])
        XCTAssertFalse(query.ctes.contains { $0.name.hasPrefix("step_") })
        let sql = try lowered.sql(.spark)
        XCTAssertEqual(sql.components(separatedBy: "ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING").count - 1, 3, sql)
        // The best attempts are per-customer aggregates: no ranking window (a sort of every attempt).
        XCTAssertFalse(sql.contains("row_number"), sql)
        XCTAssertEqual(try ShapeFixture.cte("attempt_levels", in: query).groupBy, [.column("customer_id"), .column("label_1")])
        // Steps on journey stages test the event names, so the purchase-number window over all events goes.
        XCTAssertFalse(sql.contains("OVER (PARTITION BY t.customer_id"), sql)
        XCTAssertTrue(sql.contains("coalesce(e.event IN ('product_view', 'add_to_cart', 'wishlist', 'compare', 'trial_start'), FALSE) AS step_2"), sql)
    }

    func testAQueryReadingEachCTEOnceIsOneStatementEvenOnSpark() throws {
        // Without a cohort filter the events CTE does not join the customers (SQLColumnOnlyJoin), so
        // customers_1 is read once, by per_customer.
        let lowered = try lower("events | by stage | metric events, customers")
        XCTAssertEqual(lowered.query.ctesEvaluatedMoreThanOnce(), [])
        XCTAssertNil(try lowered.materializedRun(.spark, viewPrefix: "v_"))
        let sql = try lowered.sql(.postgres)
        XCTAssertTrue(sql.contains("events_1 AS (\n  SELECT e.*\n  FROM staged AS e\n  WHERE e.customer_id IS NOT NULL\n)"), sql)
    }

    func testACohortFilterNarrowsTheEventsBeforeTheWindowAndJoinsNoMore() throws {
        let lowered = try lower("cohort signup=2022-09 | stage retention | metric avg_order")
        let sql = try lowered.sql(.postgres)
        // The customers are narrowed before the purchase-number window …
        XCTAssertTrue(sql.contains("WHERE t.customer_id IN (SELECT customer_id FROM customers_1)"), sql)
        // … so joining the events to them again would add no row and no column read.
        XCTAssertFalse(sql.contains("JOIN customers_1 AS p ON p.customer_id = e.customer_id"), sql)
        XCTAssertTrue(sql.contains("events_1 AS (\n  SELECT e.*\n  FROM staged AS e\n  WHERE e.customer_id IS NOT NULL\n)"), sql)
    }

    func testASignupCohortReadsTheCustomersTableSignupWithoutJoiningEveryCustomer() throws {
        // Only signup is read from people: the customers rows in the window, then the first event of the
        // candidates the customers table gives no signup (no FULL JOIN, no customers row hashed for nothing).
        let query = try lower("cohort signup=2022-09 | stage retention | metric avg_order").query
        let people = try XCTUnwrap(query.ctes.first { $0.name == "people" })
        guard case .unionAll(let branches) = people.query.body, branches.count == 2 else { return XCTFail("\(people.query.body)") }
        let signup = SQLExpression.cast(.column("signup_date", table: "c"), .timestamp)
        XCTAssertEqual(branches[0].filter, .binary(.binary(signup, .greaterEqual, .timestamp(1_661_990_400)), .and, .binary(signup, .less, .timestamp(1_664_582_400))))
        XCTAssertEqual(branches[1].from, .table("customer_facts", alias: "f"))
        let spark = try SQLPrinter(.spark).print(query)
        XCTAssertFalse(spark.contains("FULL JOIN"))
        // On Spark the fallback candidates (usually none) are broadcast to the facts' join, and the window's
        // customers to the scan of their events; no other dialect has the hint.
        XCTAssertTrue(spark.contains("WHERE t.customer_id IN (SELECT /*+ BROADCAST(signup_fallback) */ customer_id FROM signup_fallback)"), spark)
        XCTAssertTrue(spark.contains("WHERE t.customer_id IN (SELECT /*+ BROADCAST(customers_1) */ customer_id FROM customers_1)"), spark)
        XCTAssertEqual(spark.components(separatedBy: "/*+").count, 3, spark)
        // A cohort filter on anything but signup may keep most customers: their events are not broadcast to.
        XCTAssertFalse(try lower("cohort country = ID | stage retention | metric avg_order").sql(.spark).contains("BROADCAST(customers_1)"))
        XCTAssertFalse(try SQLPrinter(.postgres).print(query).contains("/*+"))
        // A cohort reading more of people keeps the join.
        XCTAssertTrue(try lower("cohort signup=2022-09 and country = ID | by first_purchase | metric customers").sql(.postgres).contains("FULL JOIN"))
    }

    func testASignupCohortComputesTheFactsOfItsCandidatesOnly() throws {
        // Signup is the customers table's, else the first event: only customers with an event or a
        // customers-table signup in the window can be in the cohort, and only their events are grouped.
        let query = try lower("cohort signup=2022-09 and country = ID | by first_purchase | metric customers").query
        let facts = try XCTUnwrap(query.ctes.first { $0.name == "customer_facts" })
        guard case .select(let select) = facts.query.body,
              case .inQuery(.column("customer_id", table: "t"), let candidates, negated: false)? = select.filter,
              case .unionAll(let branches) = candidates.body else { return XCTFail("\(facts.query.body)") }
        let window = { (x: SQLExpression) in
            SQLExpression.binary(.binary(x, .greaterEqual, .timestamp(1_661_990_400)), .and, .binary(x, .less, .timestamp(1_664_582_400)))
        }
        XCTAssertEqual(branches.map(\.filter), [window(.column("ts", table: "t")), window(.cast(.column("signup_date", table: "c"), .timestamp))])
        // … and only their customers rows are joined to the facts.
        let sql = try SQLPrinter(.postgres).print(query)
        XCTAssertTrue(sql.contains("FROM customers\n    WHERE CAST(customer_id AS TEXT) IN (SELECT t.customer_id FROM events AS t WHERE t.ts >= "), sql)
        // No signup condition, no narrowing.
        for text in ["cohort country = ID | metric customers", "cohort by signup period month | metric customers"] {
            XCTAssertFalse(try lower(text).sql(.postgres).contains("UNION ALL"), text)
        }
    }

    func testTheDefaultAsOfReadsTheLatestEventOnce() throws {
        // Retention's ages read as_of twice: each use read max(ts) over every event again.
        let sql = try lower("cohort by first_purchase period month | retention").sql(.postgres)
        XCTAssertFalse(sql.contains("max(ts)) AS ts FROM events"), sql)
        XCTAssertTrue(sql.contains("last_event_time AS (\n  SELECT max(ts) AS ts\n  FROM events\n)"), sql)
        XCTAssertGreaterThan(sql.components(separatedBy: "(SELECT ts FROM last_event_time)").count, 2, sql)
        // A query that never reads as_of has no such CTE.
        XCTAssertFalse(try lower("events | by stage | metric events, customers").sql(.postgres).contains("last_event_time"))
    }

    func testRetentionActivityUnderTheDefaultAsOfReadsNoLatestEventTime() throws {
        // Every event is at or before the end of the latest event's day: only the ages read it, so on
        // Spark last_event_time is read once and not cached as a view of its own.
        let lowered = try lower("cohort by first_purchase period month | retention")
        let activity = try XCTUnwrap(lowered.query.ctes.first { $0.name == "activity" })
        XCTAssertEqual(SQLTableReferences.count(in: activity.query)["last_event_time"], nil)
        XCTAssertFalse(lowered.query.ctesEvaluatedMoreThanOnce().contains("last_event_time"))
    }

    func testFirstPurchaseCohortsAggregateThePurchasesApart() throws {
        // The facts' only column is first_purchase: the purchases are grouped alone and the customers
        // without one are their own branch (their cohort is `(none)`; retention, which reads only the
        // customers with a first purchase, drops the branch: PeopleFromFactsShapeTests).
        let query = try lower("cohort by first_purchase period month | metric customers").query
        let facts = try XCTUnwrap(query.ctes.first { $0.name == "customer_facts" })
        guard case .unionAll(let branches) = facts.query.body else { return XCTFail("\(facts.query.body)") }
        XCTAssertEqual(branches.count, 2)
        XCTAssertEqual(branches[0].filter, .binary(.inList(.column("event", table: "t"), [.text("purchase")], negated: false), .and,
                                                   .isNull(.column("ts", table: "t"), negated: true)))
        XCTAssertEqual(branches[1].items.last, .named(.cast(.null, .timestamp), "first_purchase"))
        XCTAssertNotNil(branches[1].having)
        // With other facts read (the signup fallback's first event) the aggregate stays one select.
        let signup = try lower("cohort by signup period month | retention").query
        let other = try XCTUnwrap(signup.ctes.first { $0.name == "customer_facts" })
        guard case .select = other.query.body else { return XCTFail("\(other.query.body)") }
    }
}
