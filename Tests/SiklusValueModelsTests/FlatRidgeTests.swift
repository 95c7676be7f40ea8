import Foundation
import SiklusTestSupport
import XCTest
@testable import SiklusEngine
@testable import SiklusValueModels

/// Customers who all drop out with the same probability: the Beta of BG/NBD degenerates, a and b grow together
/// along a flat ridge; the fit stops there (no 20,000-iteration crawl) and the params table says what is identified.
final class FlatRidgeTests: XCTestCase {
    func testSameDropoutForEveryoneStopsOnTheRidgeWithANote() throws {
        var random = SplitMix64(seed: 77)
        func uniform() -> Double { Double(random.next() >> 11) / Double(1 << 53) }
        var x: [Double] = [], tx: [Double] = [], age: [Double] = [], m: [Double] = []
        for _ in 0..<20_000 {
            // Whole days in weeks, as the summary makes them, so customers share histories and the test is quick.
            let T = Double(140 + random.int(0...210)) / 7, rate = 0.2 + 0.1 * uniform()
            var t = 0.0, last = 0.0, count = 0
            while true {
                t += -log(max(uniform(), 1e-12)) / rate
                if t > T { break }
                count += 1; last = (t * 7).rounded(.down) / 7
                if uniform() < 0.3 { break }   // the same dropout probability for every customer
            }
            x.append(Double(count)); tx.append(last); age.append(T); m.append(count > 0 ? 10 + 20 * uniform() : 0)
        }
        let summary = PurchaseSummary(frequency: x, recency: tx, age: age, monetary: m)
        let fit = try BetaGeometricNBD.fit(summary)
        XCTAssertLessThan(fit.iterations, 20_000)
        XCTAssertGreaterThan(fit.model.a + fit.model.b, 10_000)
        XCTAssertEqual(fit.model.a / (fit.model.a + fit.model.b), 0.3, accuracy: 0.03)
        let value = LogicalQuery.CustomerValue(kind: .params, unit: .week, horizon: nil, discount: nil, span: nil)
        let table = try ValueModelFit.paramsTable(value, summary: summary, isCancelled: { false })
        XCTAssertTrue(table.notes.contains { $0.hasPrefix("a and b are not identified (a + b > 10000)") }, "\(table.notes)")
    }
}
