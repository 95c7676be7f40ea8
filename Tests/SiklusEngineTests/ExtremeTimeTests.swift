import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage
import SiklusStore
import SiklusTestSupport

/// One far-off time (an event at epoch 999999999999999999, a signup on 9999-12-31 or in 1900) must not
/// make a grouping allocate a label per period of the span, nor trap in period arithmetic.
final class ExtremeTimeTests: XCTestCase {
    private let files = TestFiles()

    /// Customers a and b in 2023, and c with one event near the end of Int64 seconds.
    private func farFutureEvents(_ farTime: Int64 = 999_999_999_999_999_999) throws -> Session {
        let session = Session()
        let path = files.write("events.csv", """
            customer_id,ts,event,amount
            a,1672574400,visit,
            a,1672660800,purchase,10
            b,1675252800,visit,
            b,1675339200,purchase,20
            c,1675339200,visit,
            c,\(farTime),purchase,5
            """)
        _ = try session.load(.events, path: path, options: LoadOptions(formats: ["ts": .epochSeconds]))
        return session
    }

    func testByAnyPeriodLabelsOnlyThePeriodsWithData() throws {
        let session = try farFutureEvents()
        for unit in PeriodUnit.allCases {
            let table = try session.query("events | by \(unit.rawValue) | metric events")
            // 2023-01-01, -01-02, -02-01, -02-02 and the far-off day: five days, four weeks, three months, two quarters and years.
            let expected: [PeriodUnit: Int] = [.day: 5, .week: 4, .month: 3, .quarter: 2, .year: 2]
            XCTAssertEqual(table.rowCount, expected[unit], "by \(unit.rawValue): \(table.texts(unit.rawValue))")
            // The dimension itself holds one label per period with data (plus "(none)"), not one per period of the span.
            let dimension = try Dimension.of(DimensionSpec(.eventTime(unit), name: unit.rawValue), session.context())
            XCTAssertEqual(dimension.labels.count, (expected[unit] ?? 0) + 1, unit.rawValue)
        }
        let years = try session.query("events | by year | metric events")
        XCTAssertEqual(years.texts("year").first ?? nil, "2023")
        XCTAssertEqual(years.numbers("events"), [5, 1])
    }

    func testCustomerTimeDimensionsAreSparseToo() throws {
        let session = try farFutureEvents()
        let table = try session.query("cohort by first_purchase period day | metric customers")
        XCTAssertEqual(table.rowCount, 3)
        XCTAssertEqual(table.numbers("customers"), [1, 1, 1])
    }

    /// The loader reads Unix seconds of up to 18 digits: the extremes are ±999999999999999999.
    func testTimesAtTheEndsOfWhatLoadsDoNotTrap() throws {
        for far: Int64 in [999_999_999_999_999_999, -999_999_999_999_999_999] {
            let session = try farFutureEvents(far)
            for query in ["events | by day | metric events", "events | by week | metric revenue, ltv",
                          "cohort | metric churn_rate, time_to_purchase", "cohort | funnel visit -> purchase within 30d",
                          "cohort | funnel visit -> purchase within 300000d any order", "cohort | metric stage_share",
                          "cohort by first_purchase period quarter | metric customers", "cohort by signup period year | retention horizon 3",
                          "explain all cohort | metric churn_rate"] {
                XCTAssertNil(session.failure(query), "\(far): \(query)")
            }
            XCTAssertNotNil(session.failure("cohort | metric transitions"))
            XCTAssertNotNil(session.failure("cohort | retention period day"))
        }
    }

    func testPeriodStartsClampAtTheEndsOfTime() {
        for unit in PeriodUnit.allCases {
            let calendar = PeriodCalendar(unit)
            let last = calendar.index(Int64.max)
            XCTAssertEqual(calendar.start(last + 1), Int64.max, unit.rawValue)
            XCTAssertLessThanOrEqual(calendar.start(last), Int64.max)
        }
    }

    /// Transitions walk every period from each customer's first event to as_of: the span is refused, at the
    /// metric, naming the customers behind it.
    func testTransitionsOverAHugeSpanNameTheCustomerBehindIt() throws {
        let session = try farFutureEvents()
        let text = "cohort | metric transitions"
        let diagnostic = try XCTUnwrap(session.failure(text))
        XCTAssertTrue(diagnostic.message.contains("customer a's first event on 2023-01-01"), diagnostic.message)
        XCTAssertTrue(diagnostic.message.contains("customer c has an event then"), diagnostic.message)
        XCTAssertTrue(diagnostic.hints.contains { $0.contains("where ts >=") }, "\(diagnostic.hints)")
        let span = try XCTUnwrap(diagnostic.span, "the error points at the metric step")
        XCTAssertEqual(String(text.utf8.dropFirst(span.start).prefix(span.end - span.start))!, "metric transitions")
    }

    private func signupSession(_ signups: [(String, String)]) throws -> Session {
        let session = Session()
        let customers = files.write("customers.csv", "customer_id,signup,country\n" + signups.map { "\($0.0),\($0.1),ID" }.joined(separator: "\n") + "\n")
        let events = files.write("events.csv", """
            customer_id,ts,event,amount
            a,2023-01-01 10:00:00,purchase,10
            a,2023-02-01 10:00:00,purchase,10
            b,2023-03-01 10:00:00,purchase,5
            """)
        _ = try session.load(.customers, path: customers)
        _ = try session.load(.events, path: events)
        return session
    }

    /// 9999-12-31 is a common "unknown" placeholder: daily cohorts label only the days with signups.
    func testPlaceholderSignupGivesOneMoreCohortNotAHugeTable() throws {
        let session = try signupSession([("a", "2023-01-01"), ("b", "2023-03-01"), ("z", "9999-12-31")])
        let table = try session.query("cohort by signup period day | retention period day")
        XCTAssertEqual(table.texts("cohort"), ["2023-01-01", "2023-03-01", "9999-12-31"])
        XCTAssertEqual(table.columns.count, 2 + 60)  // 2023-01-01 … as_of 2023-03-01
    }

    /// A signup in 1900 makes the daily periods run over 45,000 columns: refused before allocating,
    /// at the retention step, naming the customer.
    func testRetentionTooWideNamesTheEarliestAnchor() throws {
        let session = try signupSession([("a", "2023-01-01"), ("b", "2023-03-01"), ("old", "1900-01-01")])
        let text = "cohort by signup period day | retention period day"
        let diagnostic = try XCTUnwrap(session.failure(text))
        XCTAssertTrue(diagnostic.message.contains("customer old, who signed up 1900-01-01"), diagnostic.message)
        XCTAssertTrue(diagnostic.message.contains("at most 10000 days and 10000000 cells"), diagnostic.message)
        XCTAssertTrue(diagnostic.hints.contains { $0.contains("where ts >=") && $0.contains("cohort signup >=") }, "\(diagnostic.hints)")
        let span = try XCTUnwrap(diagnostic.span)
        XCTAssertEqual(String(text.utf8.dropFirst(span.start).prefix(span.end - span.start))!, "retention period day")
        // With a horizon the table is small again.
        XCTAssertNoThrow(try session.query("cohort by signup period day | retention period day horizon 30"))
    }

    /// 2,000 customers, one every third day over 16 years: daily cohorts × days are under the column limit, over the cell limit.
    func testRetentionCellCountIsBounded() throws {
        let start = CivilTime.days(year: 2000, month: 1, day: 1)
        let rows = (0..<2000).map { "c\($0),\(CivilTime.formatDate((start + Int64($0) * 3) * CivilTime.secondsPerDay)),ID" }
        let customers = files.write("many.csv", "customer_id,signup,country\n" + rows.joined(separator: "\n") + "\n")
        let events = files.write("one.csv", "customer_id,ts,event,amount\nc0,2016-06-01 10:00:00,purchase,1\n")
        let session = Session()
        _ = try session.load(.customers, path: customers)
        _ = try session.load(.events, path: events)
        let diagnostic = try XCTUnwrap(session.failure("cohort by signup period day | retention period day"))
        XCTAssertTrue(diagnostic.message.contains("5998 cohorts × 5997 days"), diagnostic.message)
        XCTAssertTrue(diagnostic.message.contains("the cohorts run from 2000-01-01 to 2016-06-02"), diagnostic.message)
        XCTAssertNotNil(diagnostic.span)
    }
}
