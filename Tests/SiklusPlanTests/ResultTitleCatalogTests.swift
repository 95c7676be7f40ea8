import Foundation
import SiklusLanguage
import SiklusPlan
import SiklusTestSupport
import XCTest

/// Result titles are values (`ResultTitle`): every case has a key in both catalogs with the same
/// placeholders and gives exactly those arguments; every `title.` key is met; English is the titles'
/// former text byte for byte, and Indonesian has no English word left outside code and data.
final class ResultTitleCatalogTests: XCTestCase {
    static var kind: LogicalQuery.Retention.Kind {
        var kind = LogicalQuery.Retention.Kind()
        kind.start = .event("signup")
        kind.recurring = true
        kind.rolling = true
        kind.minEvents = 2
        kind.value = .revenue
        return kind
    }

    static var firstTime: LogicalQuery.Retention.Kind {
        var kind = LogicalQuery.Retention.Kind()
        kind.start = .stage(Stage.allCases[0])
        return kind
    }

    /// A sample of every case, with its English text as the engine wrote it before titles were values.
    static let samples: [(ResultTitle, String)] = [
        (.funnel(window: 30 * 86_400, order: .ordered), "funnel within 30d, ordered"),
        (.conversionTimes(from: "visit", to: "purchase", window: 7 * 86_400, order: .strict),
         "time to convert from visit to purchase (funnel within 7d, strict)"),
        (.funnelTrends(period: "week", window: 7 * 86_400, order: .ordered), "funnel trends by entry week, within 7d, ordered"),
        (.stageShare(date: "2023-12-31"), "current stage as of 2023-12-31"),
        (.retention(period: .week, activity: .purchase, unbounded: false, kind: .init()), "retention by week, active = purchase"),
        (.retention(period: .month, activity: .anyEvent, unbounded: true, kind: kind),
         "retention by month (rolling), active = any event (unbounded), start = signup (recurring), at least 2 events a period, value = revenue"),
        (.retention(period: .week, activity: .event("login"), unbounded: false, kind: firstTime),
         "retention by week, active = login, start = stage \(Stage.allCases[0].name) (first time)"),
        (.lifecycle(period: .month, activity: .anyEvent), "lifecycle by month, active = any event"),
        (.lifecycle(period: .week, activity: .stage(Stage.allCases[0])), "lifecycle by week, active = stage \(Stage.allCases[0].name)"),
        (.transitions(period: .month), "stage at the end of each month → the next"),
        (.transitionShares(period: .quarter),
         "stage at the end of each quarter → the next, as % of each row (entered: each customer's first stage)"),
        (.stickiness(period: .week), "stickiness by week"),
        (.paths(from: nil, to: nil, steps: 5, sessionGap: 1_800, edges: 50), "paths steps 5, session 30min, top 50"),
        (.paths(from: "home", to: "purchase", steps: 4, sessionGap: 86_400, edges: 12), "paths from home to purchase steps 4, session 1d, top 12"),
        (.rfm(period: .week), "rfm per week (purchases per day up to as_of)"),
        (.rfmGroups(period: .month, groups: []), "rfm per month"),
        (.rfmGroups(period: .week, groups: ["segment", "r_score"]), "rfm per week by segment, r_score"),
        (.clv(horizon: 26, period: .week, discount: 0.1), "clv over 26 weeks, discounted at 10 % a year (BG/NBD × Gamma-Gamma, fitted up to as_of)"),
        (.clv(horizon: 73 / 6, period: .month, discount: nil), "clv over 12.1667 months (BG/NBD × Gamma-Gamma, fitted up to as_of)"),
        (.clv(horizon: 1, period: .year, discount: 0.025), "clv over 1 year, discounted at 2.5 % a year (BG/NBD × Gamma-Gamma, fitted up to as_of)"),
        (.clvParams(period: .week), "clv params per week (maximum likelihood up to as_of)"),
        (.clvCheck(period: .week), "clv check per week: cumulative repeat purchases after as_of, actual and BG/NBD"),
        (.customerValueSummary, "customer value summary"),
    ]

    /// Keys worded only inside another title (an option, an activity), not a case's own.
    static let nested: Set<String> = [
        "title.rolling", "title.unbounded", "title.start_recurring", "title.start_first", "title.min_events", "title.value",
        "title.any_event", "title.stage", "title.paths_from", "title.paths_to", "title.clv_discount",
    ]

    func testEveryCaseHasBothTemplatesWithItsArguments() throws {
        var met = Set<String>()
        for (title, english) in Self.samples {
            met.insert(try CatalogSentenceCheck.bothTemplates(title))
            XCTAssertEqual(title.description, english)
            XCTAssertEqual(Language.$current.withValue(.id) { "\(title)" }, english, "description is English in every language")
        }
        let catalog = Set(MessageCatalog.templates(.en).keys.filter { $0.hasPrefix("title.") })
        XCTAssertEqual(catalog.subtracting(met).subtracting(Self.nested).sorted(), [], "title keys no case words")
        XCTAssertEqual(met.union(Self.nested).subtracting(catalog).sorted(), [], "keys missing from the catalog")
        for key in Self.nested {
            XCTAssertEqual(MessageCatalog.placeholders(in: MessageCatalog.templates(.en)[key] ?? "?"),
                           MessageCatalog.placeholders(in: MessageCatalog.templates(.id)[key] ?? "!"), key)
        }
    }

    /// Indonesian keeps code (`purchase`, `ordered`, `as_of`, `30d`, `BG/NBD`) and data (event names) and nothing else English.
    func testIndonesianHasNoEnglishLeft() {
        let english = ["funnel", "within", "time to", "convert", "trends", "entry", "current", "retention", " by ", "active", "rolling",
                       "unbounded", "start =", "recurring", "first", "at least", "events", "value =", "any event", "stage ",
                       "lifecycle", "the end", "each", "the next", "row", "stickiness", "paths", " from ", " to ", "steps", "session",
                       "top ", "purchases", "day", "week", "month", "quarter", "year", "over", "discounted", "fitted", "params",
                       "maximum", "check", "cumulative", "actual", "summary", "customer"]
        for (title, _) in Self.samples {
            let indonesian = title.text(in: .id)
            XCTAssertNotEqual(indonesian, title.description)
            // Code and data the title carries: keywords, event and column names, `entered` (a row of the table).
            var prose = indonesian
            for code in ["purchase", "ordered", "strict", "as_of", "signup", "login", "home", "visit", "revenue", "entered", "r_score"] {
                prose = prose.replacingOccurrences(of: code, with: "")
            }
            for word in english { XCTAssertFalse(prose.contains(word), "English `\(word)` in: \(indonesian)") }
        }
    }

    func testIndonesianWording() {
        XCTAssertEqual(ResultTitle.retention(period: .month, activity: .anyEvent, unbounded: true, kind: Self.kind).text(in: .id),
                       "retensi per bulan (bergulir), aktif = peristiwa apa pun (tanpa batas), mulai = signup (berulang), minimal 2 peristiwa per periode, nilai = revenue")
        XCTAssertEqual(ResultTitle.clv(horizon: 73 / 6, period: .month, discount: 0.025).text(in: .id),
                       "clv selama 12,1667 bulan, didiskon 2,5 % per tahun (BG/NBD × Gamma-Gamma, ditaksir sampai as_of)")
        XCTAssertEqual(ResultTitle.funnel(window: 30 * 86_400, order: .ordered).text(in: .id), "corong dalam 30d, ordered")
        XCTAssertEqual(ResultTitle.rfmGroups(period: .week, groups: ["segment"]).text(in: .id), "rfm per minggu menurut segmen")
    }
}
