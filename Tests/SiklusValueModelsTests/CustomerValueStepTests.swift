import Foundation
import SiklusLanguage
import SiklusTestSupport
import XCTest
@testable import SiklusEngine

/// The `rfm` and `clv` steps on a small hand-written log: the summary's definitions (purchases collapsed per
/// day, as_of's day in the calibration, later purchases ignored), scores, grouping, located errors.
final class CustomerValueStepTests: XCTestCase {
    /// a: three purchase days (two rows on 2023-01-10), b: one, c: two, the second after as_of; d: a visit only.
    private func session() throws -> Session {
        let files = TestFiles()
        addTeardownBlock { _ = files }
        let session = Session()
        _ = try session.texts("""
            load events "\(files.write("e.csv", """
            customer,ts,event,amount
            a,2023-01-01 10:00:00,purchase,10
            a,2023-01-10 09:00:00,purchase,5
            a,2023-01-10 18:00:00,purchase,7
            a,2023-01-31 23:59:00,purchase,20
            b,2023-01-15 12:00:00,purchase,40
            c,2023-01-03 08:00:00,purchase,8
            c,2023-02-20 08:00:00,purchase,9
            d,2023-01-05 08:00:00,visit,
            """))"
            set as_of = 2023-01-31
            """)
        return session
    }

    func testSummaryCollapsesDaysAndStopsAtAsOf() throws {
        let table = try session().query("events | rfm period day")
        XCTAssertEqual(table.texts("customer"), ["a", "b", "c"])
        XCTAssertEqual(table.numbers("frequency"), [2, 0, 0])
        XCTAssertEqual(table.numbers("recency"), [30, 0, 0])
        XCTAssertEqual(table.numbers("T"), [30, 16, 28])
        // a's repeat days: 2023-01-10 (5 + 7) and 2023-01-31 (20, on as_of's day) → (12 + 20) / 2.
        XCTAssertEqual(table.numbers("monetary"), [16, 0, 0])
        let weeks = try session().query("events | rfm period week")
        XCTAssertEqual(weeks.numbers("T"), [30.0 / 7, 16.0 / 7, 4])
    }

    func testScoresAndSegments() throws {
        let table = try session().query("events | rfm period day")
        // Days since the last purchase: a 0, b 16, c 28 → 1 + ⌊5 · worse / 3⌋ = 4, 2, 1; frequency 2, 0, 0 → 4, 1, 1
        // (b and c tie: both the lower quintile).
        XCTAssertEqual(table.numbers("r_score"), [4, 2, 1])
        XCTAssertEqual(table.numbers("f_score"), [4, 1, 1])
        XCTAssertEqual(table.numbers("m_score"), [4, 1, 1])
        // a: r 4, fm 4 → loyal; b: r 2, fm 1 → hibernating; c: r 1, fm 1 → lost.
        XCTAssertEqual(table.texts("segment"), ["loyal", "hibernating", "lost"])
    }

    func testQuintilesShareTheLowerOneOnTies() {
        XCTAssertEqual(RFMScores.quintiles([1, 2, 3, 4, 5], higherIsBetter: true), [1, 2, 3, 4, 5])
        XCTAssertEqual(RFMScores.quintiles([7, 7, 7, 9, 1, 1, 1, 1, 1, 1], higherIsBetter: true), [4, 4, 4, 5, 1, 1, 1, 1, 1, 1])
        XCTAssertEqual(RFMScores.quintiles([0, 10, 20, 30, 40], higherIsBetter: false), [5, 4, 3, 2, 1])
        // Every score pair has exactly one segment.
        for r in 1...5 { for fm in 1...5 { XCTAssertEqual(RFMScores.segments.filter { $0.r.contains(r) && $0.fm.contains(fm) }.count, 1, "r \(r) fm \(fm)") } }
    }

    func testGroupedBySegmentWithMetrics() throws {
        let table = try session().query("events | rfm period day | by segment | metric customers, revenue")
        XCTAssertEqual(table.texts("segment"), ["loyal", "hibernating", "lost"])
        XCTAssertEqual(table.numbers("customers"), [1, 1, 1])
        // Revenue counts every purchase of the customer in scope, after as_of too, as `metric revenue` does.
        XCTAssertEqual(table.numbers("revenue"), [42, 40, 17])
        let s = try session()
        XCTAssertEqual(s.failure("events | rfm | by channel")?.message, "unknown rfm column `channel`")
        XCTAssertEqual(s.failure("events | by channel | rfm")?.message, "`rfm` makes one row per customer (or per model), so it cannot be grouped")
    }

    func testOptionErrorsAreLocated() throws {
        let s = try session()
        XCTAssertEqual(s.failure("events | rfm period quarter")?.message, "`rfm` measures time in days, weeks or months")
        XCTAssertEqual(s.failure("events | clv horizon 10")?.message, "expected a duration such as `39w` after `horizon`, found number `10`")
        XCTAssertEqual(s.failure("events | clv params discount 0.1")?.message, "`discount` does not apply to `clv params`")
        XCTAssertEqual(s.failure("events | clv period week period day")?.message, "`period` is given twice")
        XCTAssertEqual(s.failure("events | clv discount -1")?.message, "the discount is an annual rate from 0 to 10 (0.10 is 10 % a year)")
        let text = "events | clv horizn 4w"
        let failure = s.failure(text)
        XCTAssertEqual(failure?.message, "unknown clv option `horizn`")
        XCTAssertEqual(spanned(text, failure), "horizn")
        XCTAssertEqual(s.failure("events | clv params | metric revenue")?.message,
                       "a pipeline has one of metric, retention or funnel; this one already has `clv`")
    }

    func testAFitThatCannotConvergeIsAnError() throws {
        let s = try session()
        _ = try s.texts("set as_of = 2023-01-20")
        // Up to 2023-01-20 one customer bought again once: the likelihood is flat, and b runs off to zero.
        for text in ["events | clv params period day", "events | clv check period day", "events | clv period day"] {
            XCTAssertEqual(s.failure(text)?.message, "the bgnbd fit failed: the likelihood is flat: b runs off to zero", text)
        }
    }

    func testCheckNeedsPurchasesAfterAsOf() throws {
        let s = try session()
        _ = try s.texts("set as_of = 2023-12-31")
        XCTAssertEqual(s.failure("events | clv check")?.message, "no purchase after as_of to check the model against")
    }
}
