import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage
import SiklusTestSupport
import SiklusTime

/// Issue 16, cold `cohort signup=2022-09 | …`: a cohort filter that is one comparison of `signup` or
/// `first_purchase` with a time keeps exactly the customers its closure keeps, through bounds on the facts'
/// array (every operator, on random data sets with missing signups and non-buyers).
final class CustomerTimeBoundsTests: XCTestCase {
    func testBoundsKeepTheCustomersTheComparisonKeeps() throws {
        let dir = try TestPaths.temporaryDirectory("customer-time-bounds")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        var rng = SplitMix64(seed: 0x16_C0_1D)
        let span = SourceSpan(start: 0, end: 1)
        var checked = 0
        for index in 0..<4 {
            let session = try DifferentialTests.load(RandomDataset.generate(&rng), into: dir.appendingPathComponent("\(index)"))
            let context = session.context()
            let n = context.customerCount
            for attribute in [Attribute.signup, .firstPurchase] {
                for op in ComparisonOperator.allCases {
                    for literal in [DateLiteral.month(year: 2023, month: rng.int(1...6)), .day(year: 2023, month: rng.int(1...6), day: rng.int(1...28)),
                                    .quarter(year: 2023, quarter: rng.int(1...2))] {
                        let predicate = Predicate.compile(.compare(attribute, op, .time(TimeRange.of(literal)), span: span), context)
                        XCTAssertEqual(predicate.customerTimes == nil, op == .notEqual, "\(attribute) \(op)")
                        let expected = (0..<Int32(n)).filter { predicate.test($0, -1) }
                        XCTAssertEqual(Scope.cohort(predicate, context).customers, expected, "data set \(index): \(attribute) \(op) \(literal)")
                        checked += expected.count
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 0, "some comparison kept a customer")
    }
}
