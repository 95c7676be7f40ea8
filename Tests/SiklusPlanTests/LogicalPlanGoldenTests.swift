import SiklusLanguage
import SiklusPlan
import SiklusTestSupport
import XCTest

/// The printed logical plan of pipelines covering every source, step, metric kind, retention and funnel
/// option, derive, sort/top/limit and plot/export, bound against `PlanFixture.catalog` (no data), compared
/// with `Golden/logical-plans.txt`. Re-record on purpose with `SIKLUS_RECORD=1`, then read the diff.
final class LogicalPlanGoldenTests: XCTestCase {
    static let pipelines = [
        "events",
        "cohort",
        "cohort signup=2022-09 country = ID",
        "cohort signup >= 2022-09-14T12:30 plan in (pro, team)",
        "cohort by signup period quarter | metric customers",
        "cohort by channel | metric conversion_rate, repeat_rate, churn_rate",
        "cohort by country | by month | metric ltv, time_to_purchase",
        "cohort by first_purchase period month | retention",
        "cohort by signup | retention percent on any unbounded horizon 6",
        "cohort by first_purchase | retention period week on login",
        "events | funnel visit -> product_view -> purchase within 30d",
        "events | funnel visit -> stage purchase -> login within 2h strict",
        "events | by channel | funnel product_view -> add_to_cart -> awareness any order",
        "cohort | funnel visit -> (product_view, stage consideration) -> purchase where amount > 50 within 90s exclude cancel between 2 and 3 exclude login",
        "cohort | funnel visit -> add_to_cart -> purchase strict | dropped 2 | metric ltv",
        "events | derive margin = (amount - 1) / amount | where margin > 0.5 | metric revenue",
        "events | derive amount = quantity * unit_price | derive half = -amount / 2 | metric revenue, avg_order",
        "events | where amount >= 100 or channel = \"social\" | by month | metric orders, revenue",
        "events | where not event in (visit, login) | by stage | metric events, customers",
        "events | where channel = customers.channel and 100 < amount | metric customers",
        "events | where customer not in (\"00017\", c2) | rows 5",
        "cohort country = ID | rows",
        "cohort | where ts = 2022-09..2022-12 | stage churn | metric customers",
        "events | stage retention | by week, country | metric active, engagement",
        "events | by month, channel | metric spend, cpa | top 3",
        "events | where ts >= 2023-Q1 and channel in (social, search) | by channel | metric spend | sort spend desc, channel | limit 5",
        "cohort | metric stage_share",
        "cohort | metric transitions | plot",
        "cohort by signup period year | metric orders_per_customer | export \"out.html\"",
        "events | by amount | metric customers",
        "events | by order_id, device | metric orders, returns, events",
        "events | by day | metric events | sort day asc",
        "events | paths from visit to purchase steps 4 session 1h edges 10",
        "cohort country = ID and did not purchase >= 2 times within 30d of signup | metric customers",
        "cohort did login within 2w, did purchase | paths",
        "cohort by channel | where ts >= 2023-01 and ts < 2023-07 | lifecycle period week on purchase | sort pulse desc",
        "events | where ts = 2023-Q2 | by country | stickiness",
        "events | where ts in (2023-01, 2023-03) | metric dau, dau_mau",
        "cohort plan = pro | stage purchase | where device != mobile | by plan | metric revenue | top 2 | plot",
    ]

    func testPrintedPlansMatchTheGoldenFile() throws {
        var settings = SessionSettings()
        settings.asOf = TimeRange.of(.day(year: 2023, month: 11, day: 14)).end - 1
        settings.period = .week
        var weekly = PlanFixture.catalog
        weekly.settings = settings
        var sections: [String] = []
        for text in Self.pipelines {
            let query = try PlanFixture.bind(text)
            sections.append("## \(text)\n" + LogicalPlanPrinter.print(query, catalog: PlanFixture.catalog))
        }
        // Settings from `set`: the default period and as_of are the session's.
        let text = "cohort by signup | retention"
        sections.append("## \(text) (set period = week, as_of = 2023-11-14)\n" + LogicalPlanPrinter.print(try PlanFixture.bind(text, weekly), catalog: weekly))
        XCTAssertGreaterThanOrEqual(sections.count, 30)
        GoldenFile.assertMatches(sections.joined(separator: "\n\n") + "\n", at: PlanFixture.directory.appendingPathComponent("Golden/logical-plans.txt"))
    }

    /// The printed form is stable: binding the same text twice gives equal queries and equal text.
    func testBindingIsDeterministic() throws {
        for text in Self.pipelines {
            let (a, b) = (try PlanFixture.bind(text), try PlanFixture.bind(text))
            XCTAssertEqual(a, b, text)
            XCTAssertEqual(LogicalPlanPrinter.print(a, catalog: PlanFixture.catalog), LogicalPlanPrinter.print(b, catalog: PlanFixture.catalog))
        }
    }
}
