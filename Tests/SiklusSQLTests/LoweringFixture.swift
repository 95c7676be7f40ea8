import Foundation
@testable import SiklusEngine
import SiklusLanguage
import SiklusPlan
@testable import SiklusSQL
import SiklusStore
import SiklusTestSupport
import SiklusTime

/// A small random data set, loaded twice: into a Siklus session from CSV files, and into an engine as
/// the tables Siklus would create (`SQLSourceTables.siklus`: role-named columns and `row_no`, the
/// file order). Times have many ties, so file order matters; some events have no amount or channel,
/// some customers no events and some event customers no customers row.
final class LoweringFixture {
    struct Event { var customer: String; var ts: Int64; var event: String; var amount: Double?; var channel: String?; var device: String? }
    struct Customer { var id: String; var signup: Int64?; var channel: String?; var country: String?; var age: Int64? }
    struct Spend { var date: Int64; var channel: String; var spend: Double; var impressions: Int64?; var clicks: Int64? }

    let files = TestFiles()
    let session = Session()
    private(set) var events: [Event] = []
    private(set) var customers: [Customer] = []
    private(set) var spend: [Spend] = []

    /// `settings` are statements run after loading (`set week_start = wednesday; …`).
    init(seed: UInt64, settings: String? = nil) throws {
        var random = SplitMix64(seed: seed)
        let names = ["visit", "product_view", "add_to_cart", "purchase", "purchase", "login", "email_open", "review", "cancel", "article_view", "ping"]
        let channels = ["social", "search", "email", "Direct"]
        let start = ReferenceCalendar.seconds(2023, 1, 1)
        for c in 0..<40 {
            let id = String(format: "c%03d", c)
            if c % 9 != 4 {
                let signup = random.chance(0.9) ? start + Int64(random.int(0..<120)) * 86_400 : nil
                customers.append(Customer(id: id, signup: signup, channel: random.chance(0.8) ? random.pick(channels) : nil,
                                          country: random.chance(0.9) ? random.pick(["ID", "US", "DE"]) : nil,
                                          // Not drawn from `random`, so the other columns stay as they were.
                                          age: c % 11 == 5 ? nil : Int64(18 + c * 7 % 50)))
            }
            guard c % 7 != 3 else { continue }
            var t = start + Int64(random.int(0..<100)) * 86_400
            for _ in 0..<random.int(1...12) {
                // Whole hours, often the same one: ties in ts break by file order.
                t += Int64(random.pick([0, 0, 3600, 86_400, 7 * 86_400, 40 * 86_400]))
                let event = random.pick(names)
                let amount: Double? = event == "purchase" && random.chance(0.9) ? Double(random.int(1...400)) / 4 : (random.chance(0.1) ? 5 : nil)
                events.append(Event(customer: id, ts: t, event: event, amount: amount, channel: random.chance(0.7) ? random.pick(channels) : nil,
                                    device: random.chance(0.8) ? random.pick(["ios", "web"]) : nil))
            }
        }
        // Customers appear in the file in a shuffled order, not by id.
        for i in stride(from: events.count - 1, to: 0, by: -1) where random.chance(0.3) { events.swapAt(i, random.int(0...i)) }
        extraCustomer()
        // Spend every third day per channel, `tv` a channel no customer has.
        for day in stride(from: 0, to: 150, by: 3) {
            for channel in channels + ["tv"] where random.chance(0.7) {
                spend.append(Spend(date: start + Int64(day) * 86_400, channel: channel, spend: Double(random.int(0...2000)) / 8,
                                   impressions: Int64(random.int(0...5000)), clicks: random.chance(0.9) ? Int64(random.int(0...300)) : nil))
            }
        }
        try load()
        if let settings { _ = try? session.query(settings) }
    }

    /// One customer only in the events file; one whose cancel ties with a later login in file order (not
    /// churned: the latest row decides), and one whose login ties with a later cancel (churned).
    private func extraCustomer() {
        events.append(Event(customer: "z999", ts: ReferenceCalendar.seconds(2023, 2, 2, 10), event: "purchase", amount: 10, channel: "social", device: nil))
        // On the last day of the data, so as_of (its end) is too close for inactivity churn.
        let last = events.map(\.ts).max() ?? 0
        for (id, names) in [("z997", ["cancel", "login"]), ("z998", ["login", "cancel"])] {
            events.append(Event(customer: id, ts: last - 86_400, event: "purchase", amount: 20, channel: "email", device: "web"))
            for name in names { events.append(Event(customer: id, ts: last, event: name, amount: nil, channel: nil, device: "web")) }
        }
    }

    private func load() throws {
        func time(_ s: Int64?) -> String { s.map { CivilTime.formatTimestamp($0) } ?? "" }
        func number(_ v: Double?) -> String { v.map { "\($0)" } ?? "" }
        let eventLines = events.map { "\($0.customer),\(time($0.ts)),\($0.event),\(number($0.amount)),\($0.channel ?? ""),\($0.device ?? "")" }
        let customerLines = customers.map { "\($0.id),\($0.signup.map { String(CivilTime.formatTimestamp($0).prefix(10)) } ?? ""),\($0.channel ?? ""),\($0.country ?? ""),\($0.age.map(String.init) ?? "")" }
        let eventsPath = files.write("events.csv", (["customer_id,ts,event,amount,channel,device"] + eventLines).joined(separator: "\n") + "\n")
        let customersPath = files.write("customers.csv", (["customer_id,signup,channel,country,age"] + customerLines).joined(separator: "\n") + "\n")
        _ = try session.load(.events, path: eventsPath)
        _ = try session.load(.customers, path: customersPath)
        let spendLines = spend.map { "\(CivilTime.formatTimestamp($0.date).prefix(10)),\($0.channel),\($0.spend),\($0.impressions.map(String.init) ?? ""),\($0.clicks.map(String.init) ?? "")" }
        let spendPath = files.write("spend.csv", (["date,channel,spend,impressions,clicks"] + spendLines).joined(separator: "\n") + "\n")
        _ = try session.load(.spend, path: spendPath)
    }

    /// `CREATE TABLE`/`VIEW` statements making `events` and `customers` in the engine of `dialect`.
    func createStatements(_ dialect: SQLDialect) throws -> [String] {
        let printer = SQLPrinter(dialect)
        let create = dialect == .spark ? "CREATE OR REPLACE TEMPORARY VIEW" : "CREATE TABLE"
        func value(_ e: SQLExpression) throws -> String { try printer.expression(e) }
        func table(_ name: String, _ columns: [(String, SQLType)], _ rows: [[SQLExpression]]) throws -> String {
            let cells = try rows.map { row in "(" + (try row.map(value)).joined(separator: ", ") + ")" }
            let casts = columns.enumerated().map { "CAST(c\($0.offset) AS \(dialect.definition.typeName($0.element.1))) AS \(printer.identifier($0.element.0))" }
            return "\(create) \(name) AS SELECT \(casts.joined(separator: ", ")) FROM (VALUES \(cells.joined(separator: ", "))) AS v(\(columns.indices.map { "c\($0)" }.joined(separator: ", ")))"
        }
        func text(_ s: String?) -> SQLExpression { s.map(SQLExpression.text) ?? .null }
        let eventRows: [[SQLExpression]] = events.enumerated().map { i, e in
            [.text(e.customer), .timestamp(e.ts), .text(e.event), e.amount.map(SQLExpression.number) ?? .null, text(e.channel), text(e.device), .integer(Int64(i + 1))]
        }
        let customerRows: [[SQLExpression]] = customers.map { c in
            [.text(c.id), c.signup.map(SQLExpression.timestamp) ?? .null, text(c.channel), text(c.country), c.age.map(SQLExpression.integer) ?? .null]
        }
        let cache = dialect == .spark ? ["CACHE TABLE events", "CACHE TABLE customers", "CACHE TABLE spend"] : []
        func integer(_ v: Int64?) -> SQLExpression { v.map(SQLExpression.integer) ?? .null }
        let spendRows: [[SQLExpression]] = spend.map { [.timestamp($0.date), .text($0.channel), .number($0.spend), integer($0.impressions), integer($0.clicks)] }
        return [
            try table("events", [("customer_id", .text), ("ts", .timestamp), ("event", .text), ("amount", .double), ("channel", .text),
                                 ("device", .text), ("row_no", .bigint)], eventRows),
            try table("customers", [("customer_id", .text), ("signup", .timestamp), ("channel", .text), ("country", .text), ("age", .bigint)], customerRows),
            try table("spend", [("date", .timestamp), ("channel", .text), ("spend", .double), ("impressions", .bigint), ("clicks", .bigint)], spendRows),
        ] + cache
    }

    /// Siklus's own table for `pipeline`, and the pipeline lowered against the session's catalog.
    func expectation(_ pipeline: String) throws -> (ResultTable, SQLLoweredQuery) {
        let expected = try session.query(pipeline)
        let parsed = Parser.parse(SourceFile(name: "<test>", text: pipeline))
        guard case .pipeline(let syntax)? = parsed.statements.first?.kind else { throw EngineFailure("not a pipeline: \(pipeline)") }
        let catalog = session.context().catalog
        let logical = try Binder(catalog: catalog).bind(syntax)
        return (expected, try SQLLowering(catalog: catalog).lower(logical))
    }
}
