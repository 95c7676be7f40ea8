import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage

/// Issue 11, item 5: `purchase` funnel steps are the event (the stage is `stage purchase`), and `30m` is
/// 30 minutes.
final class FunnelStepMeaningTests: XCTestCase {

    /// An e-commerce log where a customer's first purchase comes before the cart they then buy from: the
    /// event step `purchase` (PostHog's meaning) counts the later purchase, the stage step does not.
    func testAFunnelStepThatIsBothAnEventAndAStageIsTheEvent() throws {
        let (s, _) = try session(events: """
        customer_id,ts,event,amount
        a,2023-01-01 10:00:00,purchase,10
        a,2023-01-05 10:00:00,add_to_cart,
        a,2023-01-05 10:20:00,purchase,20
        b,2023-01-02 10:00:00,add_to_cart,
        b,2023-01-02 16:00:00,purchase,5
        c,2023-01-03 10:00:00,add_to_cart,
        """)
        let event = try s.query("cohort | funnel add_to_cart -> purchase")
        XCTAssertEqual(event.texts("step"), ["add_to_cart", "purchase"])
        XCTAssertEqual(event.numbers("customers"), [3, 2])
        let stage = try s.query("cohort | funnel add_to_cart -> stage purchase")
        XCTAssertEqual(stage.texts("step"), ["add_to_cart", "stage purchase"])
        XCTAssertEqual(stage.numbers("customers"), [3, 1])
        // A name that is no event is the stage, labelled as one.
        let awareness = try s.query("cohort | funnel consideration -> purchase")
        XCTAssertEqual(awareness.texts("step"), ["stage consideration", "purchase"])
        // `stage` before a name that is no stage is an error listing the stages.
        XCTAssertEqual(s.failure("cohort | funnel add_to_cart -> stage purchse")?.message, "unknown stage `purchse`")
        // Median times stay numeric days (machine modes); 20 min and 6 h here.
        XCTAssertEqual(try XCTUnwrap(event.numbers("median_days")[1]), (20.0 / 60 + 6) / 2 / 24, accuracy: 1e-9)
        XCTAssertEqual(DurationText.underADay(6.0 / 24), "6.0 h")
        XCTAssertEqual(DurationText.underADay(20.0 / 1440), "20 min")
        XCTAssertNil(DurationText.underADay(1.5))
    }

    /// `within 30m` is 30 minutes, printed back as such (it used to be 30 months: "within 900d").
    func testMinutesAreMinutes() throws {
        let (s, _) = try session(events: """
        customer_id,ts,event,amount
        a,2023-01-01 10:00:00,add_to_cart,
        a,2023-01-01 10:20:00,purchase,1
        b,2023-01-01 10:00:00,add_to_cart,
        b,2023-01-01 11:00:00,purchase,1
        """)
        let minutes = try s.query("cohort | funnel add_to_cart -> purchase within 30m")
        XCTAssertEqual(minutes.title?.description, "funnel within 30min, ordered")
        XCTAssertEqual(minutes.numbers("customers"), [2, 1])
        let months = try s.query("cohort | funnel add_to_cart -> purchase within 30mo")
        XCTAssertEqual(months.title?.description, "funnel within 900d, ordered")
        XCTAssertEqual(months.numbers("customers"), [2, 2])
        XCTAssertEqual(try s.query("cohort | funnel add_to_cart -> purchase within 2h").title?.description, "funnel within 2h, ordered")
        XCTAssertEqual(s.failure("cohort | funnel add_to_cart -> purchase within 30x")?.message, "unknown duration unit `x` in `30x`")
    }
}
