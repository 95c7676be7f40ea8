import XCTest
@testable import SiklusEngine
import SiklusLanguage

/// Properties the golden outputs on the demo data must have: parts add up to wholes, shares to 100,
/// funnels never grow, and the numbers `datasets/demo/README.md` reports (computed with DuckDB).
final class DemoInvariantTests: XCTestCase {
    nonisolated(unsafe) private static var shared: Session?
    /// One demo session for the read-only checks (loading takes a moment in debug builds).
    private func demo() throws -> Session {
        if let s = Self.shared { return s }
        let s = try Session.demo()
        Self.shared = s
        return s
    }

    private func sum(_ values: [Double?]) -> Double { values.reduce(0) { $0 + ($1 ?? 0) } }

    func testSplitsAddUpToTheWhole() throws {
        let s = try demo()
        let total = try s.query("cohort | metric customers, orders, revenue, events")
        for split in ["cohort by channel", "cohort by country", "cohort by signup period quarter", "cohort by first_purchase period year"] {
            let t = try s.query("\(split) | metric customers, orders, revenue, events")
            XCTAssertEqual(sum(t.numbers("customers")), total.scalar("customers"), split)
            XCTAssertEqual(sum(t.numbers("orders")), total.scalar("orders"), split)
            XCTAssertEqual(sum(t.numbers("events")), total.scalar("events"), split)
            XCTAssertEqual(sum(t.numbers("revenue")), try XCTUnwrap(total.scalar("revenue")), accuracy: 1e-6, split)
        }
        for split in ["by stage", "by event", "by events.channel", "by quarter", "by day"] {
            let t = try s.query("events | \(split) | metric events, orders, revenue")
            XCTAssertEqual(sum(t.numbers("events")), total.scalar("events"), split)
            XCTAssertEqual(sum(t.numbers("orders")), total.scalar("orders"), split)
            XCTAssertEqual(sum(t.numbers("revenue")), try XCTUnwrap(total.scalar("revenue")), accuracy: 1e-6, split)
        }
        // Each event is in exactly one stage; purchase + retention orders are all orders.
        let purchase = try s.query("events | stage purchase | metric orders")
        let retention = try s.query("events | stage retention | metric orders")
        XCTAssertEqual((purchase.scalar("orders") ?? 0) + (retention.scalar("orders") ?? 0), total.scalar("orders"))
        let spend = try s.query("events | metric spend")
        let byChannel = try s.query("events | by channel | metric spend")
        let byMonth = try s.query("events | by month | metric spend")
        XCTAssertEqual(sum(byChannel.numbers("spend")), try XCTUnwrap(spend.scalar("spend")), accuracy: 1e-6)
        XCTAssertEqual(sum(byMonth.numbers("spend")), try XCTUnwrap(spend.scalar("spend")), accuracy: 1e-6)
    }

    func testRatiosAgreeWithTheirParts() throws {
        let s = try demo()
        for source in ["cohort", "cohort by channel", "events | by quarter", "cohort signup=2022-09 | stage retention"] {
            let t = try s.query("\(source) | metric customers, orders, revenue, avg_order, orders_per_customer, ltv, conversion_rate")
            let customers = t.numbers("customers"), orders = t.numbers("orders"), revenue = t.numbers("revenue")
            for i in 0..<t.rowCount {
                let c = customers[i]!, o = orders[i]!, r = revenue[i]!
                XCTAssertEqual(t.numbers("avg_order")[i] ?? .nan, r / o, accuracy: 1e-9, source)
                XCTAssertEqual(t.numbers("orders_per_customer")[i] ?? .nan, o / c, accuracy: 1e-9, source)
                if !source.contains("by quarter") { XCTAssertEqual(t.numbers("ltv")[i] ?? .nan, r / c, accuracy: 1e-9, source) }
            }
        }
        // Purchasers = conversion × customers = customers with a first purchase.
        let t = try s.query("cohort by channel | metric customers, conversion_rate")
        let buyers = try s.query("cohort by channel | stage purchase | metric customers")
        for i in 0..<t.rowCount {
            XCTAssertEqual((t.numbers("conversion_rate")[i] ?? 0) * (t.numbers("customers")[i] ?? 0) / 100,
                           buyers.numbers("customers")[i] ?? .nan, accuracy: 1e-9)
        }
    }

    func testStageSharesTotalAHundred() throws {
        let s = try demo()
        for source in ["cohort", "cohort by channel", "cohort by signup period quarter", "cohort signup=2022-09"] {
            let t = try s.query("\(source) | metric stage_share")
            let groups = t.column("cohort").map { _ in Set(t.texts("cohort").compactMap { $0 }) } ?? ["all"]
            let n = Stage.allCases.count
            XCTAssertEqual(t.rowCount, groups.count * n, source)
            for g in 0..<groups.count {
                let rows = (g * n)..<(g * n + n)
                XCTAssertEqual(rows.reduce(0) { $0 + (t.numbers("share")[$1] ?? 0) }, 100, accuracy: 1e-9, source)
                XCTAssertEqual(t.texts("stage")[rows].compactMap { $0 }, Stage.allCases.map(\.name), source)
            }
        }
        // Every demo customer has a staged event, so counts add up to all customers.
        let all = try s.query("cohort | metric stage_share")
        XCTAssertEqual(sum(all.numbers("customers")), 5000)
        // Churned customers = the churn stage step's customers; lapsed ones = the lapsed step's.
        for stage in [Stage.churn, .lapsed] {
            let kept = try s.query("cohort | stage \(stage.name) | metric customers")
            XCTAssertEqual(all.numbers("customers")[stage.rawValue], kept.scalar("customers"), stage.name)
        }
    }

    func testRetentionInvariants() throws {
        let s = try demo()
        for period in ["month", "quarter", "week"] {
            let counts = try s.query("cohort by first_purchase period \(period) | retention")
            let percent = try s.query("cohort by first_purchase period \(period) | retention percent")
            let unbounded = try s.query("cohort by first_purchase period \(period) | retention unbounded")
            // Period 0 of a first-purchase cohort is every member: they all bought then.
            XCTAssertEqual(counts.numbers("0"), counts.numbers("customers"), period)
            XCTAssertTrue(percent.numbers("0").allSatisfy { $0 == 100 }, period)
            XCTAssertEqual(sum(counts.numbers("customers")), 1192, period)
            let offsets = counts.columns.map(\.name).filter { Int($0) != nil }
            for row in 0..<counts.rowCount {
                var previous = Double.infinity
                for k in offsets {
                    let bounded = counts.numbers(k)[row], open = unbounded.numbers(k)[row]
                    XCTAssertEqual(bounded == nil, open == nil, "\(period) row \(row) k=\(k)")
                    guard let bounded, let open else { continue }
                    XCTAssertGreaterThanOrEqual(open, bounded, "\(period) row \(row) k=\(k)")
                    XCTAssertLessThanOrEqual(open, previous, "unbounded retention never grows: \(period) row \(row) k=\(k)")
                    previous = open
                    let size = counts.numbers("customers")[row]!
                    XCTAssertEqual(percent.numbers(k)[row] ?? .nan, bounded / size * 100, accuracy: 1e-9)
                }
                // Available cells form a prefix of each row, and the last cohort has only period 0.
                let available = offsets.map { counts.numbers($0)[row] != nil }
                XCTAssertEqual(available, available.sorted { $0 && !$1 }, "\(period) row \(row)")
            }
            XCTAssertEqual(offsets.filter { counts.numbers($0).last! != nil }, ["0"], period)
        }
        // On any event, signup cohorts: the sizes are the signup counts of the cohort source.
        let bySignup = try s.query("cohort by signup period quarter | retention on any")
        let sizes = try s.query("cohort by signup period quarter | metric customers")
        XCTAssertEqual(bySignup.numbers("customers"), sizes.numbers("customers"))
        for row in 0..<bySignup.rowCount { XCTAssertLessThanOrEqual(bySignup.numbers("0")[row]!, bySignup.numbers("customers")[row]!) }
    }

    /// `horizon N` cuts columns, never activity: the unbounded table with a horizon is the first N+1
    /// columns of the one without (issue 11: the horizon used to drop "or later" activity past it).
    func testUnboundedRetentionWithAHorizonIsAPrefixOfTheFullTable() throws {
        let s = try demo()
        for (source, activity) in [("cohort by first_purchase period month", ""), ("cohort by signup period week", " on any"),
                                   ("cohort by signup period quarter", " on login")] {
            let full = try s.query("\(source) | retention\(activity) unbounded")
            for horizon in [1, 3, 6] {
                let cut = try s.query("\(source) | retention\(activity) unbounded horizon \(horizon)")
                let offsets = cut.columns.map(\.name).filter { Int($0) != nil }
                XCTAssertEqual(offsets, (0...horizon).map(String.init), "\(source) horizon \(horizon)")
                XCTAssertEqual(cut.texts("cohort"), full.texts("cohort"))
                for k in offsets + ["customers"] {
                    XCTAssertEqual(cut.numbers(k), full.numbers(k), "\(source)\(activity) horizon \(horizon) column \(k)")
                }
            }
        }
    }

    func testFunnelsNeverGrow() throws {
        let s = try demo()
        let funnels = [
            "cohort | funnel awareness -> education -> consideration -> purchase -> retention",
            "cohort by channel | funnel visit -> product_view -> add_to_cart -> purchase within 60d",
            "cohort | funnel visit -> product_view -> add_to_cart -> purchase within 7d strict",
            "cohort | funnel visit -> product_view -> add_to_cart -> purchase within 7d any order",
            "cohort by signup period quarter | funnel awareness -> purchase within 1y",
        ]
        for query in funnels {
            let t = try s.query(query)
            let steps = Set(t.texts("step").compactMap { $0 }).count
            let customers = t.numbers("customers"), fromFirst = t.numbers("from_first"), fromPrevious = t.numbers("from_previous")
            for start in stride(from: 0, to: t.rowCount, by: steps) {
                XCTAssertEqual(fromFirst[start], 100, query)
                for i in (start + 1)..<(start + steps) {
                    XCTAssertLessThanOrEqual(customers[i]!, customers[i - 1]!, query)
                    XCTAssertEqual(fromFirst[i] ?? .nan, customers[i]! / customers[start]! * 100, accuracy: 1e-9, query)
                    if customers[i - 1]! > 0 {
                        XCTAssertEqual(fromPrevious[i] ?? .nan, customers[i]! / customers[i - 1]! * 100, accuracy: 1e-9, query)
                    } else {
                        XCTAssertNil(fromPrevious[i], query)
                    }
                }
            }
        }
        // Looser rules reach at least as far: strict <= ordered <= any order; longer windows reach further.
        let strict = try s.query("cohort | funnel visit -> product_view -> add_to_cart within 7d strict").numbers("customers")
        let ordered = try s.query("cohort | funnel visit -> product_view -> add_to_cart within 7d").numbers("customers")
        let anyOrder = try s.query("cohort | funnel visit -> product_view -> add_to_cart within 7d any order").numbers("customers")
        let wide = try s.query("cohort | funnel visit -> product_view -> add_to_cart within 70d").numbers("customers")
        for i in 0..<3 {
            XCTAssertLessThanOrEqual(strict[i]!, ordered[i]!)
            XCTAssertLessThanOrEqual(ordered[i]!, anyOrder[i]!)
            XCTAssertLessThanOrEqual(ordered[i]!, wide[i]!)
        }
    }

    func testTransitionsNeverGoBackAlongTheJourney() throws {
        let s = try demo()
        let t = try s.query("cohort | metric transitions")
        let journey = Stage.journey
        for (i, from) in journey.enumerated() {
            for to in journey[..<i] {
                XCTAssertEqual(t.numbers(to.name)[i], 0, "\(from.name) → \(to.name)")
            }
        }
    }

    func testCumulativeLTVNeverFalls() throws {
        let s = try demo()
        let t = try s.query("cohort by channel | by month | metric ltv")
        let cohorts = t.texts("cohort"), ltv = t.numbers("ltv")
        for i in 1..<t.rowCount where cohorts[i] == cohorts[i - 1] {
            XCTAssertGreaterThanOrEqual(ltv[i]!, ltv[i - 1]!)
        }
        let final = try s.query("cohort by channel | metric ltv").numbers("ltv")
        let lastPerCohort = (0..<t.rowCount).filter { $0 == t.rowCount - 1 || cohorts[$0] != cohorts[$0 + 1] }.map { ltv[$0]! }
        for (a, b) in zip(lastPerCohort, final) { XCTAssertEqual(a, b!, accuracy: 1e-9) }
    }

    /// The "What you should see" tables of datasets/demo/README.md, computed there with DuckDB.
    func testNumbersFromTheDemoReadme() throws {
        let s = try demo()
        let t = try s.query("cohort by channel | metric customers, conversion_rate, repeat_rate")
        let educated = try s.query("cohort by channel | stage education | metric customers")
        let considered = try s.query("cohort by channel | stage consideration | metric customers")
        let purchasers = try s.query("cohort by channel | stage purchase | metric customers")
        let readme: [String: (customers: Double, educated: Double, considered: Double, purchasers: Double, conversion: Double, repeatRate: Double)] = [
            "search": (1472, 889, 665, 381, 25.9, 39.1), "social": (1251, 714, 520, 265, 21.2, 40.0),
            "email": (607, 414, 311, 201, 33.1, 44.8), "referral": (533, 378, 308, 183, 34.3, 38.8),
            "affiliate": (496, 272, 202, 103, 20.8, 35.0), "display": (641, 299, 190, 59, 9.2, 40.7),
        ]
        XCTAssertEqual(Set(t.texts("cohort").compactMap { $0 }), Set(readme.keys))
        for (i, channel) in t.texts("cohort").enumerated() {
            let want = try XCTUnwrap(readme[channel ?? ""])
            XCTAssertEqual(t.numbers("customers")[i], want.customers, channel!)
            XCTAssertEqual(educated.numbers("customers")[i], want.educated, channel!)
            XCTAssertEqual(considered.numbers("customers")[i], want.considered, channel!)
            XCTAssertEqual(purchasers.numbers("customers")[i], want.purchasers, channel!)
            XCTAssertEqual(t.numbers("conversion_rate")[i] ?? .nan, want.conversion, accuracy: 0.05, channel!)
            XCTAssertEqual(t.numbers("repeat_rate")[i] ?? .nan, want.repeatRate, accuracy: 0.05, channel!)
        }
        let all = try s.query("cohort | metric customers, conversion_rate, repeat_rate")
        XCTAssertEqual(all.scalar("conversion_rate") ?? .nan, 23.8, accuracy: 0.05)
        XCTAssertEqual(all.scalar("repeat_rate") ?? .nan, 39.9, accuracy: 0.05)

        let first = try s.query("events | stage purchase | metric orders, avg_order")
        let repeats = try s.query("events | stage retention | metric orders, avg_order")
        XCTAssertEqual(first.scalar("orders"), 1192)
        XCTAssertEqual(first.scalar("avg_order") ?? .nan, 39.78, accuracy: 0.005)
        XCTAssertEqual(repeats.scalar("orders"), 908)
        XCTAssertEqual(repeats.scalar("avg_order") ?? .nan, 48.34, accuracy: 0.005)

        let sept = try s.query("cohort signup=2022-09 | metric customers, conversion_rate, repeat_rate")
        XCTAssertEqual(sept.scalar("customers"), 175)
        XCTAssertEqual((sept.scalar("conversion_rate") ?? 0) * 175 / 100, 40, accuracy: 1e-9)
        XCTAssertEqual(sept.scalar("repeat_rate"), 50)
        let septRepeat = try s.query("cohort signup=2022-09 | stage retention | metric avg_order")
        XCTAssertEqual(septRepeat.scalar("avg_order") ?? .nan, 46.36, accuracy: 0.005)

        let cpa = try s.query("events | by channel | metric cpa")
        let spendPerPurchaser = ["display": 199.22, "social": 63.87, "affiliate": 50.89, "search": 40.02, "email": 0.47, "referral": 0]
        for (i, channel) in cpa.texts("channel").enumerated() {
            XCTAssertEqual(cpa.numbers("cpa")[i] ?? .nan, try XCTUnwrap(spendPerPurchaser[channel ?? ""]), accuracy: 0.005, channel!)
        }
        XCTAssertEqual(try s.query("events | stage advocacy | metric customers").scalar("customers"), 61)
        XCTAssertEqual(try s.query("events | where channel in (search, social, email, referral, display, affiliate) | metric events").scalar("events"), 19579 - 631)
        let untracked = try s.query("events | by events.channel | metric events")
        XCTAssertEqual(untracked.numbers("events").last ?? nil, 631)
        // Churn among buyers: 136 cancelled or unsubscribed, 790 more silent for over 90 days.
        let buyers = try s.query("cohort | stage purchase | metric customers, churn_rate")
        XCTAssertEqual((buyers.scalar("churn_rate") ?? 0) * 1192 / 100, 136 + 790, accuracy: 1e-6)
    }
}
