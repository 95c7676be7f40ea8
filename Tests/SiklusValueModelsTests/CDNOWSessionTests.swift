import Foundation
import SiklusEngine
import SiklusTestSupport
import XCTest

/// The correctness bar of issue 14: the CDNOW sample as lifetimes ships it (headerless, whitespace-separated,
/// yyyymmdd dates), loaded by Siklus itself, with `set as_of = 1997-09-30` and `period week`, gives the
/// published maximum-likelihood parameters within 0.1 % and the paper's worked customer.
final class CDNOWSessionTests: XCTestCase {
    private func session() throws -> Session {
        let session = Session()
        _ = try session.texts("load events \"\(try LifetimesReference.cdnowPath())\" header=false columns=(customer, sample, ts, cds, amount)\n"
                              + "set as_of = 1997-09-30")
        return session
    }

    func testPublishedParametersFromRawTransactions() throws {
        let s = try session()
        let params = try s.query("events | clv params period week")
        let published: [(String, String, Double)] = [
            ("bgnbd", "r", 0.242595), ("bgnbd", "alpha", 4.413603), ("bgnbd", "a", 0.792922), ("bgnbd", "b", 2.425906),
            ("gamma_gamma", "p", 6.249572), ("gamma_gamma", "q", 3.744225), ("gamma_gamma", "v", 15.443521),
        ]
        for (model, parameter, value) in published {
            assertClose(params.estimate(model, parameter), value, relative: 1e-3, "\(model) \(parameter)")
        }
        XCTAssertEqual(params.estimate("bgnbd", "log_likelihood") ?? 0, -9582.4, accuracy: 0.1)
        XCTAssertEqual(params.texts("parameter"), ["r", "alpha", "a", "b", "log_likelihood", "iterations",
                                                   "p", "q", "v", "log_likelihood", "iterations"])
        // `set period = week` instead of the step's option gives the same fit.
        _ = try s.texts("set period = week")
        XCTAssertEqual(try s.query("events | clv params").numbers("estimate"), params.numbers("estimate"))
    }

    func testPaperCustomerExpectsOnePointTwoTwoSixPurchases() throws {
        let table = try session().query("events | clv period week horizon 39w")
        XCTAssertEqual(table.rowCount, 2357)
        let x = table.numbers("frequency"), tx = table.numbers("recency"), age = table.numbers("T")
        guard let row = x.indices.first(where: { x[$0] == 2 && abs((tx[$0] ?? 0) - 30.43) < 0.005 && abs((age[$0] ?? 0) - 38.86) < 0.005 }) else {
            return XCTFail("no customer with x = 2, t_x = 30.43, T = 38.86")
        }
        XCTAssertEqual(table.numbers("expected_purchases")[row] ?? 0, 1.226, accuracy: 0.0005)
    }

    func testHoldoutCheckCountsPurchaseDaysAfterAsOf() throws {
        let table = try session().query("events | clv check period week horizon 39w")
        XCTAssertEqual(table.rowCount, 39)
        // 1,882 distinct (customer, day) purchases from 1997-10-01 to 1998-06-30, the sample's last day.
        XCTAssertEqual(table.numbers("actual").last ?? 0, 1882)
        let predicted = table.numbers("predicted").compactMap { $0 }
        XCTAssertEqual(predicted, predicted.sorted(), "cumulative predictions never decrease")
        XCTAssertEqual(predicted.last ?? 0, 1653.4, accuracy: 1)
    }
}
