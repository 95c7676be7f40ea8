import Foundation
import SiklusValueModels
import SiklusTestSupport
import XCTest

/// The published CDNOW numbers (Fader, Hardie & Lee 2005) from the summary lifetimes computes of the sample
/// in its package: the models alone, before Siklus's own summary (see `CDNOWSessionTests`).
final class CDNOWModelTests: XCTestCase {
    func testMaximumLikelihoodParametersWithinOneThousandth() throws {
        let files = TestFiles()
        let csv = try CDNOWFile.transactionsCSV(in: files)
        let reference = try LifetimesReference.fit(transactions: csv, asOf: "1997-09-30", daysPerUnit: 7, horizon: 39)
        let summary = PurchaseSummary(frequency: reference.frequency, recency: reference.recency, age: reference.T, monetary: reference.monetary)
        XCTAssertEqual(summary.count, 2357)

        let purchases = try BetaGeometricNBD.fit(summary)
        let published = [("r", 0.242595), ("alpha", 4.413603), ("a", 0.792922), ("b", 2.425906)]
        for ((name, value), (_, expected)) in zip(purchases.model.named, published) {
            XCTAssertEqual(value, expected, accuracy: expected * 1e-3, name)
        }
        XCTAssertEqual(purchases.logLikelihood, -9582.4, accuracy: 0.1)

        let spend = try GammaGammaSpend.fit(summary)
        for ((name, value), expected) in zip(spend.model.named, [6.249572, 3.744225, 15.443521]) {
            XCTAssertEqual(value, expected, accuracy: expected * 1e-3, name)
        }
        XCTAssertEqual(spend.customers, 946)

        // The paper's worked customer: x = 2, tₓ = 30.43, T = 38.86 → 1.226 purchases in the next 39 weeks.
        let expected = purchases.model.expectedPurchases(within: 39, frequency: 2, recency: 30.43, age: 38.86)
        XCTAssertEqual(expected, 1.226, accuracy: 0.0005)
    }
}
