import Foundation
import SiklusStore
import SiklusTestSupport
import SiklusTime
import XCTest
@testable import SiklusEngine

/// Issue 16, cold queries: `CustomerFacts` comes from one parallel pass over raw pointers (`CustomerFactsScan`)
/// that also yields the context's store-wide summaries, and the acquisition channel waits for a query that
/// reads it. Checked here against the plain per-customer definitions, on random data sets.
final class CustomerFactsScanTests: XCTestCase {
    func testFactsMatchTheirDefinitionsOnRandomData() throws {
        let dir = try TestPaths.temporaryDirectory("customer-facts-scan")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        var rng = SplitMix64(seed: 1616)
        for index in 0..<6 {
            // Some signups missing: the facts write their own signup array, the first event standing in.
            assertFactsMatchTheirDefinitions(try DifferentialTests.load(RandomDataset.generate(&rng), into: dir.appendingPathComponent("\(index)")),
                                             "data set \(index)")
        }
    }

    func testASignupForEveryCustomerIsTheCustomersColumn() throws {
        let dir = try TestPaths.temporaryDirectory("customer-facts-signup")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let session = Session()
        let files = [(TableKind.events, "events.csv", "customer_id,ts,event,amount,channel\nb,2023-02-01 10:00:00,visit,,search\n"
                        + "a,2023-01-05 10:00:00,purchase,30,\na,2023-01-01 10:00:00,visit,,email\n"),
                     (TableKind.customers, "customers.csv", "customer_id,signup_date,channel\na,2022-12-30,social\nb,2023-03-01,\nc,2021-06-01,email\n")]
        for (table, name, text) in files {
            let url = dir.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            _ = try session.load(table, path: url.path)
        }
        assertFactsMatchTheirDefinitions(session, "every customer signed up")
        XCTAssertEqual(session.context().facts.earliestSignup, CivilTime.days(year: 2021, month: 6, day: 1) * CivilTime.secondsPerDay)
    }

    /// Customers without events (a customers file alone, or customers the events never name) still get every
    /// fact: no purchase, the customers-table signup.
    func testCustomersWithoutEvents() throws {
        let dir = try TestPaths.temporaryDirectory("customer-facts-no-events")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let customers = dir.appendingPathComponent("customers.csv"), events = dir.appendingPathComponent("events.csv")
        try "customer_id,signup_date,channel\na,2022-12-30,social\nb,2023-03-01,\nc,,email\n".write(to: customers, atomically: true, encoding: .utf8)
        try "customer_id,ts,event,amount\nd,2023-01-05 10:00:00,purchase,30\n".write(to: events, atomically: true, encoding: .utf8)
        let session = Session()
        _ = try session.load(.customers, path: customers.path)
        assertFactsMatchTheirDefinitions(session, "customers only")
        XCTAssertEqual(session.context().facts.firstPurchase, [CustomerFacts.none, CustomerFacts.none, CustomerFacts.none])
        let later = Session()
        _ = try later.load(.events, path: events.path)
        _ = try later.load(.customers, path: customers.path)
        assertFactsMatchTheirDefinitions(later, "customers after the events")
    }

    /// Event names are marked in a register for up to 64 strings, else in an array: both kinds of store.
    func testEventNamesPresentWithFewAndManyStrings() throws {
        let dir = try TestPaths.temporaryDirectory("customer-facts-names")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        for names in [5, 90] {
            let session = Session()
            var text = "customer_id,ts,event,amount\n"
            // Names spread over customers and parts; the last names only on the last customer's last rows.
            for i in 0..<3_000 {
                let name = i % 7 == 0 ? "purchase" : "e\(i % names)"
                text += "c\(i % 211),2023-01-\(String(format: "%02d", 1 + i % 28)) 10:\(String(format: "%02d", i % 60)):00,\(name),\(i % 7 == 0 ? "5" : "")\n"
            }
            text += "c210,2023-02-01 10:00:00,last-\(names),\n"
            let url = dir.appendingPathComponent("events-\(names).csv")
            try text.write(to: url, atomically: true, encoding: .utf8)
            _ = try session.load(.events, path: url.path)
            XCTAssertEqual(session.store.strings.count > 64, names > 64)
            assertFactsMatchTheirDefinitions(session, "\(names) names")
            XCTAssertTrue(session.context().eventNames.contains("last-\(names)"))
        }
    }

    /// First purchases are found in a bit per row (`PurchaseRows`): customers whose rows span several 64-row
    /// words, with the purchase in the first, a middle or the last word or nowhere, and bits built for runs of
    /// rows that start and end inside a word (as a part of the customers does), with few and many names.
    func testFirstPurchasesAcrossWordsOfRows() throws {
        let dir = try TestPaths.temporaryDirectory("customer-facts-words")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        var rng = SplitMix64(seed: 64)
        for names in [5, 90] {
            var text = "customer_id,ts,event,amount\n"
            for (k, rows) in [1, 63, 64, 65, 130, 300, 2, 129, 700].enumerated() {
                // The purchase: none, the first row, the last, or one in the middle (a word past the first).
                let at = [-1, 0, rows - 1, rows / 2][k % 4]
                for i in 0..<rows {
                    let name = i == at ? "purchase" : "e\(Int.random(in: 0..<names, using: &rng))"
                    text += "c\(k),2023-01-01 00:00:00,\(name),\(i == at ? "5" : "")\n"
                }
            }
            let url = dir.appendingPathComponent("events-\(names).csv")
            try text.write(to: url, atomically: true, encoding: .utf8)
            let session = Session()
            _ = try session.load(.events, path: url.path)
            assertFactsMatchTheirDefinitions(session, "\(names) names")
            let context = session.context(), events = session.store.events
            let isPurchase = { (r: Int) in context.classes[events.event[r]] & EventClasses.purchase != 0 }
            for _ in 0..<200 {
                let lo = Int.random(in: 0..<events.count, using: &rng), hi = Int.random(in: lo...events.count)
                var present = [Bool](repeating: false, count: session.store.strings.count)
                let bits = PurchaseRows(rows: lo..<hi, events: events, classes: context.classes, orderFlags: [], present: &present)
                defer { bits.deallocate() }
                for _ in 0..<20 where lo < hi {
                    let a = Int.random(in: lo..<hi, using: &rng), b = Int.random(in: (a + 1)...hi, using: &rng)
                    XCTAssertEqual(bits.first(in: a..<b), (a..<b).first(where: isPurchase) ?? -1, "\(names) names, rows \(a)..<\(b) of \(lo)..<\(hi)")
                }
                XCTAssertEqual(present, (0..<present.count).map { code in (lo..<hi).contains { events.event[$0] == code } }, "\(names) names, rows \(lo)..<\(hi)")
            }
        }
    }

    private func assertFactsMatchTheirDefinitions(_ session: Session, _ label: String, line: UInt = #line) {
        let store = session.store, context = session.context(), facts = context.facts
        let n = store.customerIDs.count
        let signup = store.customers.column(for: .signup), channel = store.customers.column(for: .channel)
        var names = Set<String>(), span: ClosedRange<Int64>?, earliestSignup: Int64?
        var signups: [Int64] = [], firstPurchases: [Int64] = []
        for c in 0..<n {
            let rows = store.events.rows(of: Int32(c))
            let purchases = rows.filter { context.classes[store.events.event[$0]] & EventClasses.purchase != 0 }
            XCTAssertEqual(facts.firstEvent[c], rows.first.map { store.events.ts[$0] } ?? CustomerFacts.none, "\(label), customer \(c)", line: line)
            XCTAssertEqual(facts.lastEvent[c], rows.last.map { store.events.ts[$0] } ?? CustomerFacts.none, "\(label), customer \(c)", line: line)
            XCTAssertEqual(facts.firstPurchaseRow[c], purchases.first.map(Int32.init) ?? -1, "\(label), customer \(c)", line: line)
            XCTAssertEqual(facts.firstPurchase[c], purchases.first.map { store.events.ts[$0] } ?? CustomerFacts.none)
            var expectedSignup = facts.firstEvent[c]
            if let signup, case .int64(let values) = signup.data, c < values.count, !signup.isNull(c) { expectedSignup = values[c] }
            XCTAssertEqual(facts.signup[c], expectedSignup, "\(label), customer \(c)", line: line)
            var expectedChannel = rows.first { store.events.channel[$0] >= 0 }.map { store.events.channel[$0] } ?? -1
            if let channel, case .code(let codes) = channel.data, c < codes.count, codes[c] >= 0 { expectedChannel = codes[c] }
            XCTAssertEqual(facts.acquisitionChannel[c], expectedChannel, "\(label), customer \(c)", line: line)
            for r in rows where store.events.event[r] >= 0 { names.insert(store.strings[store.events.event[r]]) }
            if let first = rows.first.map({ store.events.ts[$0] }), let last = rows.last.map({ store.events.ts[$0] }) {
                span = span.map { min($0.lowerBound, first)...max($0.upperBound, last) } ?? first...last
            }
            if expectedSignup != CustomerFacts.none { earliestSignup = min(earliestSignup ?? .max, expectedSignup); signups.append(expectedSignup) }
            if let first = purchases.first { firstPurchases.append(store.events.ts[first]) }
        }
        XCTAssertEqual(context.eventNames, names.sorted(), label, line: line)
        XCTAssertEqual(facts.eventSpan, span, label, line: line)
        XCTAssertEqual(context.dataStart, span?.lowerBound)
        XCTAssertEqual(facts.earliestSignup, earliestSignup, label, line: line)
        // The cohort dimensions' and retention's spans, taken from this pass instead of one of their own.
        XCTAssertEqual(facts.signupSpan, signups.min().flatMap { lo in signups.max().map { lo...$0 } }, label, line: line)
        XCTAssertEqual(facts.firstPurchaseSpan, firstPurchases.min().flatMap { lo in firstPurchases.max().map { lo...$0 } }, label, line: line)
    }

    /// The acquisition channel is a second pass over every customer and the events' channel column: a query that
    /// does not group by channel (the canonical retention) must not pay for it.
    func testTheAcquisitionChannelIsComputedOnlyWhenAQueryReadsIt() throws {
        let session = try Session.demo(spend: false)
        _ = try session.query("cohort by first_purchase period month | retention")
        _ = try session.query("cohort signup=2022-09 | stage retention | metric avg_order")
        XCTAssertFalse(session.context().facts.acquisitionIsComputed, "computed for queries that never read it")
        let byChannel = try session.query("cohort by channel | metric customers")
        XCTAssertTrue(session.context().facts.acquisitionIsComputed)
        XCTAssertGreaterThan(byChannel.rowCount, 1)
    }
}
