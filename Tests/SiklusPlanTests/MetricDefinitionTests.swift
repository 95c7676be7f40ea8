import SiklusPlan
import XCTest

/// Each metric's structure (`definition`) agrees with its unit and its formula's wording, so the evaluator,
/// the SQL compiler and `help` describe the same computation.
final class MetricDefinitionTests: XCTestCase {
    func testDefinitionsAgreeWithUnitsAndFormulas() {
        for metric in Metric.allCases {
            switch metric.definition {
            case .measure(let m):
                XCTAssertTrue([.count, .money].contains(metric.unit), "\(metric): a measure is a count or money")
                XCTAssertEqual(m.readsSpend, metric.formula.contains("spend."), "\(metric): spend measures say spend.<column>")
            case .ratio(_, _, let percent):
                XCTAssertEqual(percent, metric.unit == .percent, "\(metric): percent ratios and only they are in %")
                XCTAssertTrue(metric.formula.contains("/"), "\(metric): the formula writes the division")
            case .runningRatio:
                XCTAssertEqual(metric, .ltv)
                XCTAssertTrue(metric.formula.contains("cumulative"))
            case .medianDaysToFirstPurchase:
                XCTAssertEqual(metric.unit, .days)
                XCTAssertTrue(metric.formula.hasPrefix("median"))
            case .ownTable:
                XCTAssertTrue([Metric.stage_share, .transitions].contains(metric))
            case .meanActives(let unit):
                XCTAssertEqual(metric.unit, .ratio)
                XCTAssertTrue(metric.formula.contains(unit == .day ? "on a day" : "in a \(unit.rawValue)"), "\(metric): the formula names its period")
            case .dailyOverMonthlyActives:
                XCTAssertEqual(metric, .dau_mau)
                XCTAssertTrue(metric.formula.hasSuffix("as %"))
            case .median(let sample):
                XCTAssertEqual(metric.unit, sample == .orderValue ? .money : .days)
                XCTAssertTrue(metric.formula.hasPrefix("median over"), "\(metric): the formula says it is a median")
            case .customerMedian(let sample):
                XCTAssertEqual(metric.unit, sample.countsOrders ? .ratio : .money)
                XCTAssertTrue(metric.formula.hasPrefix("median over customers"), "\(metric): the formula says it is a median over customers")
                XCTAssertEqual(sample.buyersOnly, metric.formula.contains("customers with >= 1 purchase event"), "\(metric): the formula says whose values count")
            }
        }
    }

    /// The ratios' parts as the catalog words them (`avg_order = revenue / orders`).
    func testRatioMetricsNameTheirParts() {
        XCTAssertEqual(Metric.avg_order.definition, .ratio(.revenue, over: .orders, percent: false))
        XCTAssertEqual(Metric.avg_order.formula, "revenue / orders")
        XCTAssertEqual(Metric.orders_per_customer.formula, "orders / customers")
        XCTAssertEqual(Metric.ctr.definition, .ratio(.clicks, over: .impressions, percent: true))
        XCTAssertEqual(Metric.ctr.formula, "clicks / impressions, as %")
        XCTAssertEqual(Metric.cpc.definition, .ratio(.spend, over: .clicks, percent: false))
        XCTAssertEqual(Metric.orders_per_buyer.definition, .ratio(.orders, over: .purchasers, percent: false))
    }
}
