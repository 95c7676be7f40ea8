import Foundation
import SiklusTestSupport
import XCTest
@testable import SiklusValueModels

/// The fitted likelihoods (distinct histories, per-value tables, chunks summed on all cores) equal the plain
/// per-customer formulas, on a summary large enough to be summed in chunks.
final class LikelihoodTableTests: XCTestCase {
    func testTablesAndChunksEqualThePerCustomerSum() {
        var random = SplitMix64(seed: 1414)
        var x: [Double] = [], tx: [Double] = [], age: [Double] = [], m: [Double] = []
        for _ in 0..<60_000 {
            let t = Double(random.int(1...400)) / 7, repeats = random.int(0...12)
            let recency = repeats == 0 ? 0 : Double(random.int(1...Int(t * 7))) / 7
            x.append(Double(repeats)); tx.append(recency); age.append(t)
            m.append(repeats == 0 ? 0 : Double(random.int(100...20_000)) / 100)
        }
        let summary = PurchaseSummary(frequency: x, recency: tx, age: age, monetary: m)
        let purchases = BetaGeometricNBD(r: 0.3, alpha: 5, a: 0.8, b: 2.5)
        let plain = x.indices.reduce(0.0) { $0 + purchases.logLikelihood(frequency: x[$1], recency: tx[$1], age: age[$1]) }
        XCTAssertEqual(purchases.logLikelihood(summary), plain, accuracy: abs(plain) * 1e-11)
        let spend = GammaGammaSpend(p: 6, q: 3.7, v: 15)
        let plainSpend = x.indices.filter { x[$0] > 0 }.reduce(0.0) { $0 + spend.logLikelihood(frequency: x[$1], monetary: m[$1]) }
        XCTAssertEqual(spend.logLikelihood(summary), plainSpend, accuracy: abs(plainSpend) * 1e-11)
    }

    func testHypergeometricSeriesAgainstClosedForms() throws {
        // ₂F₁(1, 1; 2; z) = −ln(1 − z) / z; ₂F₁(a, b; b; z) = (1 − z)^−a.
        for z in [0.1, 0.5, 0.9, 0.99] {
            let value = try XCTUnwrap(Hypergeometric.log2F1(a: 1, b: 1, c: 2, z: z))
            XCTAssertEqual(value.log, log(-log(1 - z) / z), accuracy: 1e-12)
            let power = try XCTUnwrap(Hypergeometric.log2F1(a: 40.5, b: 3, c: 3, z: z))
            XCTAssertEqual(power.log, -40.5 * log(1 - z), accuracy: 1e-9 * 40.5 * abs(log(1 - z)))
        }
        // Terms far beyond Double's range before they fall: the rescaled sum still gives the logarithm.
        let huge = try XCTUnwrap(Hypergeometric.log2F1(a: 900, b: 2, c: 2, z: 0.9))
        XCTAssertEqual(huge.log, -900 * log(0.1), accuracy: 1e-6)   // 10^900
        XCTAssertNil(Hypergeometric.log2F1(a: 1, b: 1, c: 2, z: 1))
    }
}
