import Foundation
import XCTest
import SiklusTestSupport
@testable import SiklusEngine
import SiklusLanguage

/// Random statements through `Session.run` on a tiny loaded data set, so binding and evaluation run, not
/// just the parser: nothing may crash, every failure has a message and a span inside the text, and a
/// failing statement changes neither the store, the variables, the settings nor the stage map.
final class EvaluatorFuzzTests: XCTestCase {
    static let inputs = 100_000

    /// What a failing statement must leave as it was.
    struct State: Equatable {
        var events: Int, customers: Int, customerRows: Int, spend: Int, loads: Int, strings: Int
        var variables: [String: Pipeline]
        var settings: SessionSettings
        var stageMap: StageMap

        init(_ s: Session) {
            events = s.store.events.count; customers = s.store.customerIDs.count; customerRows = s.store.customers.rowCount
            spend = s.store.spend.count; loads = s.store.loads.count; strings = s.store.strings.count
            variables = s.variables; settings = s.settings; stageMap = s.stageMap
        }
    }

    private static func tinyData(in dir: URL) throws -> (customers: String, events: String, spend: String) {
        let customers = dir.appendingPathComponent("customers.csv"), events = dir.appendingPathComponent("events.csv")
        let spend = dir.appendingPathComponent("spend.csv")
        try """
        customer_id,signup_date,channel,country
        a,2023-01-03,social,ID
        b,2023-01-20,email,US
        c,2023-02-11,,SG
        d,2023-03-01,search,
        e,2023-03-15,social,ID
        """.write(to: customers, atomically: true, encoding: .utf8)
        try """
        customer_id,ts,event,amount,channel
        a,2023-01-03 10:00:00,visit,,social
        a,2023-01-03 10:05:00,product_view,,social
        a,2023-01-04 09:00:00,purchase,25.50,social
        a,2023-02-10 09:00:00,purchase,30,email
        a,2023-02-11 09:00:00,login,,
        a,2023-05-01 09:00:00,review,,
        b,2023-01-20 08:00:00,ad_impression,,email
        b,2023-01-21 08:00:00,article_view,,email
        b,2023-01-22 08:00:00,add_to_cart,,email
        b,2023-01-22 08:00:00,purchase,,email
        b,2023-03-01 08:00:00,cancel,,email
        c,2023-02-11 12:00:00,visit,,
        c,2023-02-12 12:00:00,mystery,3,search
        d,2023-03-01 00:00:00,page_view,,search
        d,2023-03-02 00:00:00,purchase,12,search
        d,2023-03-02 00:00:00,app_open,,search
        x,2023-04-01 00:00:00,visit,,display
        x,2023-04-02 00:00:00,purchase,8.25,display
        """.write(to: events, atomically: true, encoding: .utf8)
        try """
        date,channel,spend,impressions,clicks
        2023-01-01,social,10,100,3
        2023-02-01,email,2.5,50,1
        2023-03-01,search,7,70,2
        """.write(to: spend, atomically: true, encoding: .utf8)
        return (customers.path, events.path, spend.path)
    }

    private static func freshSession(_ files: (customers: String, events: String, spend: String)) throws -> Session {
        let session = Session()
        _ = try session.load(.customers, path: files.customers)
        _ = try session.load(.events, path: files.events)
        _ = try session.load(.spend, path: files.spend)
        return session
    }

    func testRandomStatementsNeverCrashAndFailuresChangeNothing() throws {
        let dir = try TestPaths.temporaryDirectory("fuzz")
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try Self.tinyData(in: dir)
        let fragments = Self.fragments(eventsPath: files.events)
        var rng = SplitMix64(seed: 0xF0_22ED_2026)
        var session = try Self.freshSession(files)
        var outputs = 0, failures = 0, queries = 0, loads = 0
        let started = Date()

        for iteration in 0..<Self.inputs {
            // Successful loads append; start again now and then so the data stays tiny.
            if iteration % 2_000 == 1_999 { session = try Self.freshSession(files) }
            let text: String
            switch iteration % 8 {
            case 0, 1, 2: text = Self.tokenSoup(fragments, &rng)
            case 3, 4, 5: text = Self.mutatedSeed(fragments, &rng)
            case 6: text = Self.pipelineSoup(fragments, &rng)
            default: text = Self.randomBytes(&rng)
            }
            let source = SourceFile(name: "fuzz", text: text)
            var before = State(session)
            var problem: String?
            session.run(source) { outcome in
                let after = State(session)
                switch outcome {
                case .output(let output, let span):
                    outputs += 1
                    if span.start < 0 || span.end > source.bytes.count { problem = "output span \(span) outside the text" }
                    switch output {
                    case .table(let t), .plot(let t), .export(let t, _, _):
                        queries += 1
                        if t.columns.contains(where: { $0.values.count != t.rowCount }) { problem = "ragged table" }
                    case .load: loads += 1
                    case .text, .note: break
                    }
                case .failure(let diagnostic):
                    failures += 1
                    if diagnostic.message.trimmingCharacters(in: .whitespaces).isEmpty { problem = "empty diagnostic message" }
                    if let span = diagnostic.span, span.start < 0 || span.end > source.bytes.count {
                        problem = "diagnostic span \(span) outside the text: \(diagnostic.message)"
                    }
                    if after != before { problem = "failed statement changed the session: \(diagnostic.message)" }
                    if failures % 64 == 0 { _ = diagnostic.render(in: source) }
                }
                before = after
                return problem == nil
            }
            if let problem {
                XCTFail("input #\(iteration) \(text.debugDescription): \(problem)")
                return
            }
        }
        XCTAssertGreaterThan(outputs, Self.inputs / 20, "the generators should produce statements that run")
        XCTAssertGreaterThan(failures, Self.inputs / 4, "and plenty that fail")
        XCTAssertGreaterThan(queries, Self.inputs / 50, "and queries that get through binding and evaluation")
        XCTAssertGreaterThan(loads, 0)
        print("evaluator fuzz: \(Self.inputs) inputs, \(outputs) outputs (\(queries) query results, \(loads) loads), \(failures) failures, \(Date().timeIntervalSince(started)) s")
    }

    // MARK: Generators

    static func fragments(eventsPath: String) -> [String] {
        let words = Keywords.statements + Keywords.steps + Keywords.retentionOptions + Keywords.funnelOptions + Keywords.loadOptions
            + Metric.names + Stage.allNames + SessionSettings.optionNames
            + ["in", "not", "and", "or", "order", "asc", "desc", "any", "purchase", "month", "week", "day", "quarter", "year",
               "channel", "country", "amount", "ts", "event", "signup", "first_purchase", "customer", "cohort", "stage",
               "customers.channel", "events.channel", "customers.country", "other.thing", "signup_date", "latest", "monday", "sun",
               "visit", "product_view", "login", "review", "cancel", "mystery", "nothing", "social", "email", "ID", "US", "a", "x",
               "customers", "spend", "tab", "comma", "epoch", "map", "sept", "v1", "_", "café", "顧客"]
        let punctuation = ["|", "|", "|", ";", ",", "(", ")", ".", "..", "=", "=", "==", "!=", "<>", "<", "<=", ">", ">=", "->", "+=", "-=",
                           "-", "\\", "\n", "# note", "-- note"]
        let values = ["2023-01", "2023-02-11", "2023-Q1", "2022-12..2023-02", "2023-03-02T00:00", "2024-12-31", "2022-13", "2023-9",
                      "0", "1", "2", "3", "12", "-1", "0.5", "25.5", "1e2", "2147483648", "99999999999999999999",
                      "1h", "24h", "1d", "7d", "30d", "90d", "2w", "1m", "3m", "1y", "0d", "30x", "1.5d",
                      "\"visit\"", "\"purchase\"", "\"social\"", "'ID'", "\"\"", "\"x.csv\"", "\"/nonexistent/e.csv\"", "\"out.html\"",
                      "\"unterminated", "\"\\u{1F600}\"", "@", "!", "{", "&"]
        let snippets = ["load events \"\(eventsPath)\"", "load customers \"\(eventsPath)\"", "load spend \"/nonexistent/s.csv\"",
                        "let v1 = cohort", "let sept = events | where amount > 1", "set as_of = 2023-02-15", "set as_of = latest",
                        "set period = week", "set period = month", "set churn_after = 10d", "stage retention += mystery",
                        "stage retention -= mystery", "stage purchase -= purchase", "stage advocacy += login"]
        return words + punctuation + values + values + snippets
    }

    /// Statements to mutate: every statement kind, source and step.
    static let seeds = [
        "cohort signup=2023-01 | stage retention | metric avg_order",
        "cohort by first_purchase period month | retention percent unbounded on any horizon 3 | sort cohort desc | limit 2",
        "cohort by signup period week | retention on login | plot",
        "cohort country in (ID, US), channel != social by channel | metric customers, conversion_rate, repeat_rate",
        "events | where amount >= 10 and (channel = social or not country in (ID)) | by channel, month | metric revenue, orders | top 3",
        "events | by stage | metric events, customers | export \"x.csv\"",
        "cohort | funnel visit -> product_view -> \"purchase\" within 7d strict",
        "cohort by channel | funnel awareness -> purchase -> retention any order within 30d",
        "cohort | metric stage_share", "cohort | metric transitions", "events | by month, channel | metric spend, cpa, ctr, impressions, clicks",
        "cohort | metric time_to_purchase, ltv, active, engagement, churn_rate, orders_per_customer",
        "cohort by signup | by month | metric ltv", "cohort | stage churn | metric customers",
        "let v1 = cohort by channel | stage purchase", "v1 | metric customers", "set churn_after = 30d", "set week_start = sunday",
        "stages", "stage retention += renewal, \"re-order\"", "stage retensi -= renewal", "explain events | by day | metric events",
        "help metric cpa", "help stages", "load events \"/nonexistent/e.csv\" map customer=id ts=\"Order Date\" delim=\";\" format ts=\"%d/%m/%Y\"",
    ]

    static func tokenSoup(_ fragments: [String], _ rng: inout SplitMix64) -> String {
        var text = ""
        for _ in 0..<rng.int(0...14) { text += rng.pick(fragments) + rng.pick(["", " ", " ", " ", "\n"]) }
        return text
    }

    /// A source followed by random steps, so more input gets past the parser into the binder.
    static func pipelineSoup(_ fragments: [String], _ rng: inout SplitMix64) -> String {
        var text = rng.pick(["events", "cohort", "cohort by channel", "cohort by first_purchase", "cohort by signup period week", "v1"])
        for _ in 0..<rng.int(1...4) {
            text += " | " + rng.pick(Keywords.steps)
            for _ in 0..<rng.int(0...4) { text += " " + rng.pick(fragments) }
        }
        return text
    }

    /// A seed with a few tokens deleted, duplicated or replaced.
    static func mutatedSeed(_ fragments: [String], _ rng: inout SplitMix64) -> String {
        let seed = rng.pick(seeds)
        let source = SourceFile(name: "seed", text: seed)
        var pieces = Lexer.tokenize(source).dropLast().map { $0.text(in: source) }
        for _ in 0..<rng.int(0...2) where !pieces.isEmpty {
            let index = rng.int(0..<pieces.count)
            switch rng.int(0..<3) {
            case 0: pieces.remove(at: index)
            case 1: pieces.insert(pieces[index], at: index)
            default: pieces[index] = rng.pick(fragments)
            }
        }
        return pieces.joined(separator: " ")
    }

    /// Random bytes, mostly printable ASCII, decoded as UTF-8 with replacement characters.
    static func randomBytes(_ rng: inout SplitMix64) -> String {
        let bytes = (0..<rng.int(0...48)).map { _ -> UInt8 in
            rng.chance(0.5) ? UInt8(rng.int(0x20...0x7E)) : UInt8(rng.int(0...255))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
