import Foundation
import SiklusLanguage
import XCTest
@testable import SiklusEngine

/// The binder's errors and hints come from the catalogs (`bind.` keys): English as before, byte for byte,
/// and Indonesian with no English word left outside code (backticks, quotes, keywords and names).
final class BinderErrorLanguageTests: XCTestCase {
    /// A query the binder refuses, with its English message as it was before the catalogs worded it.
    static let failures: [(query: String, english: String)] = [
        ("events | where 3 = 4", "expected a column name on one side of the comparison"),
        ("events | where stage = x", "`stage` can be grouped by, not filtered; use the step `stage <name>`"),
        ("events | where week = 3", "`week` is a grouping of event times, not a column"),
        ("events | where cohort = 3", "`cohort` is the group of a `cohort by …` source, not a column"),
        ("events | where channel > social", "text values compare with = or != (or in (…))"),
        ("events | where amount = social", "amount expects a number"),
        ("events | where ts = 2023-03..2023-01", "the range ends before it starts"),
        ("events | where ts = 5", "ts expects a date like 2022-09"),
        ("cohort | metric customers | where channel = social", "`where` must come before `metric`"),
        ("cohort | metric customers | funnel visit -> purchase", "a pipeline has one of metric, retention or funnel; this one already has `metric`"),
        ("events | by channel | rows", "`rows` lists rows one by one, so it cannot be grouped"),
        ("events | by channel | paths", "paths are counted over the whole scope, so they cannot be grouped"),
        ("events | by channel | retention", "retention groups by cohort; use `cohort by …` instead of `by`"),
        ("cohort by week | metric customers", "cohorts group customers by an attribute; `week` is a period"),
        ("cohort by event | metric customers", "cohorts group customers, and `event` is about events"),
        ("cohort by channel period month | metric customers", "`period` applies to dates, and `channel` is not one"),
        ("events | by cohort | metric customers", "`by cohort` needs a grouped source"),
        ("events | derive amount2 = channel * 2", "`channel` is not a number; derive computes with numeric columns"),
        ("events | derive channel = amount * 2", "there is already a column `channel`; choose another name for the derived column"),
        ("cohort | retention recurring", "`recurring` needs a start event"),
        ("cohort | retention rolling period quarter", "`rolling` counts 24-hour days, 7-day weeks or 30-day months, not quarters"),
        ("cohort | retention start login recurring rolling", "`rolling` and `recurring` do not combine: recurring cohorts are calendar periods"),
        ("cohort | retention unbounded value orders", "`unbounded` counts customers, not orders"),
        ("cohort | funnel visit -> purchase within 0d", "the funnel window must be positive"),
        ("set churn_after = 5", "churn_after expects a duration like 90d"),
        ("set churn_after = 2000y", "churn_after is too long"),
        ("set as_of = x", "as_of expects a date like 2023-12-31"),
        ("set period = fortnight", "period expects one of day, week, month, quarter, year"),
        ("set week_start = xyz", "week_start expects a weekday like monday"),
        ("stage awareness -= zzz", "`zzz` is not in stage awareness"),
        ("events | clv period month horizon 9000y", "the horizon is at most 100000 months"),
    ]

    /// Text a person types, kept as it is in every language: code in backticks, quoted text, and the names
    /// and keywords these errors echo.
    static func prose(_ text: String) -> String {
        var out = text.replacingOccurrences(of: #"`[^`]*`"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #""[^"]*""#, with: "", options: .regularExpression)
        for code in ["cohort by signup, first_purchase, channel", "cohort by signup period", "cohort by first_purchase period month | retention",
                     "cohort | where …", "cohort signup=2022-09", "cohort", "first_purchase", "amount", "channel", "country", "signup", "metric",
                     "retention", "funnel", "event", "ts", "week", "month", "quarter", "orders", "stage/where", "sort/top/limit",
                     "plot/export", "plot", "export", "in (…)"] {
            out = out.replacingOccurrences(of: code, with: "")
        }
        return out
    }

    func testBinderErrorsInBothLanguages() throws {
        let session = Session()
        for table in ["customers", "events"] {
            _ = try? session.query("load \(table) \"\(TestPaths.demo.path)/\(table).csv\"")
        }
        let english = ["expected", "the", "cannot", "is", "not", "needs", "must", "drop", "write", "use", "group",
                       "column", "with", "counts", "rows", "customers", "pipeline has", "already", "choose", "instead", "start", "e.g.",
                       "for example", "range", "compare", "number", "date", "positive", "period", "about", "lists", "and", "or", "of"]
        for (query, message) in Self.failures {
            session.display.language = .en
            let inEnglish = try XCTUnwrap(Self.failure(session, query), query)
            XCTAssertEqual(inEnglish.message, message, query)
            session.display.language = .id
            let inIndonesian = try XCTUnwrap(Self.failure(session, query), query)
            XCTAssertNotEqual(inIndonesian.message, inEnglish.message, query)
            XCTAssertEqual(inIndonesian.hints.count, inEnglish.hints.count, query)
            for text in [inIndonesian.message] + inIndonesian.hints {
                let prose = Self.prose(text)
                for word in english where prose.range(of: "\\b\(word)\\b", options: .regularExpression) != nil {
                    XCTFail("English `\(word)` in: \(text) (\(query))")
                }
            }
        }
    }

    /// Every `bind.` key is named by the binder's sources (none is dead) and every one they name is in both catalogs.
    func testEveryBinderKeyIsUsed() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/SiklusPlan")
        let files = try XCTUnwrap(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        let key = try NSRegularExpression(pattern: #""(bind\.[a-z0-9_.]+)""#)
        var used = Set<String>()
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in key.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { used.insert(String(text[range])) }
            }
        }
        let catalog = Set(MessageCatalog.templates(.en).keys.filter { $0.hasPrefix("bind.") })
        XCTAssertGreaterThan(used.count, 50)
        XCTAssertEqual(catalog.subtracting(used).sorted(), [], "bind. keys no source names")
        XCTAssertEqual(used.subtracting(catalog).sorted(), [], "keys missing from the English catalog")
        XCTAssertEqual(used.subtracting(MessageCatalog.templates(.id).keys).sorted(), [], "keys missing from the Indonesian catalog")
    }

    static func failure(_ session: Session, _ query: String) -> Diagnostic? {
        do {
            _ = try session.query(query)
            return nil
        } catch {
            return error as? Diagnostic
        }
    }
}
