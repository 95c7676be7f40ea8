import SiklusEngine
import XCTest
@testable import SiklusShell

/// Completion of issue 15 §4's metrics, their step options, `by order_number` and the `lapsed` stage.
final class OrderMetricsCompletionTests: XCTestCase {
    private let source = CompletionSource(vocabulary: Session().vocabulary, knownValues: { _ in [] }, listDirectory: { _ in [] })

    private func candidates(_ line: String) -> [String] {
        Completer.complete(line: line, cursor: line.count, source: source).candidates
    }

    func testNewMetricsComplete() {
        XCTAssertEqual(candidates("events | metric cp"), ["cpa", "cpc"])
        XCTAssertEqual(candidates("cohort | metric orders_per_"), ["orders_per_buyer", "orders_per_customer"])
        XCTAssertEqual(candidates("cohort | metric avg_order, med"), ["median_order", "median_orders_per_buyer", "median_pendapatan_per_pelanggan",
                                                                 "median_pendapatan_per_pembeli", "median_pesanan", "median_pesanan_per_pembeli",
                                                                 "median_revenue_per_buyer", "median_revenue_per_customer"])
        XCTAssertEqual(candidates("cohort | metric days_b"), ["days_between_orders"])
    }

    func testOptionsFollowTheMetricTheyApplyTo() {
        XCTAssertEqual(candidates("cohort | metric transitions "), ["percent"])
        XCTAssertEqual(candidates("cohort | metric churn_rate w"), ["within"])
        XCTAssertEqual(candidates("cohort | metric repeat_rate, churn_rate "), ["within"])
        XCTAssertEqual(candidates("help metric transitions "), [], "only inside a metric step")
    }

    func testOrderNumberIsADimension() {
        XCTAssertEqual(candidates("events | by order_"), ["order_number"])
    }

    func testLapsedCompletesAsAStage() {
        XCTAssertEqual(candidates("cohort | stage la"), ["lapsed"])
        XCTAssertEqual(candidates("cohort | stage meng"), ["menghilang"])
        XCTAssertEqual(candidates("help stage la"), ["lapsed"])
    }

    func testCustomerMediansComplete() {
        XCTAssertEqual(candidates("cohort | metric median_revenue_per_"), ["median_revenue_per_buyer", "median_revenue_per_customer"])
        XCTAssertEqual(candidates("cohort | metric median_orders_"), ["median_orders_per_buyer"])
        XCTAssertEqual(candidates("cohort | metric median_pendapatan_per_pel"), ["median_pendapatan_per_pelanggan"])
    }
}
