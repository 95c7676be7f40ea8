import Foundation
import SiklusEngine
import SiklusTestSupport
import XCTest

/// Siklus against lifetimes 0.11.3 on seeded random transaction logs: the RFM columns exactly (monetary to
/// rounding), and the log-likelihood at the optimum, p_alive, expected purchases and expected order values
/// to 1e-3 relative, in days, weeks and months.
final class LifetimesDifferentialTests: XCTestCase {
    private func compare(seed: UInt64, unit: String, daysPerUnit: Double, horizon: String, horizonUnits: Double) throws {
        let files = TestFiles()
        let path = files.write("transactions.csv", RandomTransactions.csv(seed: seed, customers: 1500))
        let asOf = "2023-09-30"
        let reference = try LifetimesReference.fit(transactions: path, asOf: asOf, daysPerUnit: daysPerUnit, horizon: horizonUnits)
        let session = Session()
        _ = try session.texts("load events \"\(path)\" map customer=customer ts=date amount=amount\nset as_of = \(asOf)")
        let context = "seed \(seed), period \(unit)"

        let rfm = try session.query("events | rfm period \(unit)")
        let ids = rfm.texts("customer").map { $0 ?? "" }
        XCTAssertEqual(Set(ids), Set(reference.customers), context)
        XCTAssertGreaterThan(ids.count, 1000, context)
        XCTAssertGreaterThan(reference.frequency.filter { $0 > 0 }.count, 300, "\(context): enough repeat buyers for a non-flat likelihood")
        let row = Dictionary(uniqueKeysWithValues: reference.customers.enumerated().map { ($1, $0) })
        let x = rfm.numbers("frequency"), tx = rfm.numbers("recency"), age = rfm.numbers("T"), m = rfm.numbers("monetary")
        for (i, id) in ids.enumerated() {
            guard let j = row[id] else { continue }
            XCTAssertEqual(x[i], reference.frequency[j], "\(context) \(id) frequency")
            XCTAssertEqual(tx[i], reference.recency[j], "\(context) \(id) recency")
            XCTAssertEqual(age[i], reference.T[j], "\(context) \(id) T")
            assertClose(m[i], reference.monetary[j], relative: 1e-12, "\(context) \(id) monetary")
        }

        let params = try session.query("events | clv params period \(unit)")
        assertClose(params.estimate("bgnbd", "log_likelihood"), reference.bgnbd.log_likelihood, relative: 1e-3, "\(context) bgnbd")
        assertClose(params.estimate("gamma_gamma", "log_likelihood"), reference.gamma_gamma.log_likelihood, relative: 1e-3, "\(context) gamma_gamma")
        // Siklus's optimum is never worse than lifetimes' (both maximise the same likelihood).
        XCTAssertGreaterThanOrEqual((params.estimate("bgnbd", "log_likelihood") ?? -.infinity) + 1e-6, reference.bgnbd.log_likelihood, context)

        let clv = try session.query("events | clv period \(unit) horizon \(horizon)")
        let alive = clv.numbers("p_alive"), expected = clv.numbers("expected_purchases"), orderValue = clv.numbers("expected_order_value")
        for (i, id) in clv.texts("customer").enumerated() {
            guard let id, let j = row[id] else { continue }
            assertClose(alive[i], reference.p_alive[j], relative: 1e-3, floor: 1e-6, "\(context) \(id) p_alive")
            assertClose(expected[i], reference.expected_purchases[j], relative: 1e-3, floor: 1e-6, "\(context) \(id) expected_purchases")
            assertClose(orderValue[i], reference.expected_order_value[j], relative: 1e-3, "\(context) \(id) expected_order_value")
        }
    }

    func testWeeks() throws { try compare(seed: 14, unit: "week", daysPerUnit: 7, horizon: "26w", horizonUnits: 26) }
    func testDays() throws { try compare(seed: 1401, unit: "day", daysPerUnit: 1, horizon: "90d", horizonUnits: 90) }
    func testMonths() throws { try compare(seed: 1402, unit: "month", daysPerUnit: 30, horizon: "12mo", horizonUnits: 12) }
}
