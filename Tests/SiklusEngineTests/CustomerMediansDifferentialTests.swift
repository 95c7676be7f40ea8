import Foundation
import XCTest
import SiklusTestSupport
@testable import SiklusEngine
import SiklusStore

/// The per-customer medians of issue 15 §4 (`median_revenue_per_customer`, `median_revenue_per_buyer`,
/// `median_orders_per_buyer`) against plain loops over the generated rows: per group, each customer's
/// revenue (missing amounts 0) or orders, medians by sorting (the mean of the two middle values for an even
/// count). Non-buyers add 0 to `median_revenue_per_customer` only.
final class CustomerMediansDifferentialTests: XCTestCase {
    static let query = "median_revenue_per_customer, median_revenue_per_buyer, median_orders_per_buyer"

    func testCustomerMediansMatchAPlainLoopOnRandomData() throws {
        var evenBuyerCounts = 0
        let failures = try RandomRuns.failures(count: 100, seed: 0x3ED1_2026, folder: "customer-medians-differential") { run, _ in
            let facts = run.facts
            let byChannel: (Customer) -> [String] = { [facts.channelLabel($0.id)] }
            let months: (Customer) -> [String] = { customer in Array(Set(customer.events.map { RefDay.monthLabel($0.day.monthIndex) })) }
            let inMonth: (Customer, String) -> [RefEvent] = { customer, label in customer.events.filter { RefDay.monthLabel($0.day.monthIndex) == label } }
            if facts.ids.filter({ id in facts.events(id).contains { RefCategory.of($0.name) == .purchase } }).count % 2 == 0 { evenBuyerCounts += 1 }
            return OrderMetricsDifferentialTests.differences(run.session, [
                ("cohort | metric \(Self.query)", Self.table(facts, group: { _ in [""] }, dimension: nil, shape: .table)),
                ("cohort by channel | metric \(Self.query)", Self.table(facts, group: byChannel, dimension: "cohort", shape: .table)),
                ("events | by month | metric \(Self.query)", Self.table(facts, group: months, dimension: "month", shape: .series, rowsOf: inMonth)),
            ], dataset: run.label)
        }
        for failure in failures.prefix(12) { XCTFail(failure) }
        XCTAssertGreaterThan(evenBuyerCounts, 20, "the data sets exercise the mean of the two middle values")
    }

    struct Customer {
        let id: String
        let events: [RefEvent]
    }

    /// One row per group label (in the engine's order), each median over the group's customers. `group` gives
    /// a customer's groups; `rowsOf` their rows in one group (all rows without an event dimension).
    static func table(_ facts: ReferenceFacts, group: (Customer) -> [String], dimension: String?, shape: ResultShape,
                      rowsOf: (Customer, String) -> [RefEvent] = { customer, _ in customer.events }) -> ResultTable {
        var revenues: [String: [Double]] = [:], buyerRevenues: [String: [Double]] = [:], buyerOrders: [String: [Double]] = [:]
        // `events` lists customers with an event; `cohort` every customer.
        let ids = dimension == "month" ? facts.ids.filter { !facts.events($0).isEmpty } : facts.ids
        for id in ids {
            let customer = Customer(id: id, events: facts.events(id))
            for label in group(customer) {
                let purchases = rowsOf(customer, label).filter { RefCategory.of($0.name) == .purchase }
                let revenue = purchases.reduce(0.0) { $0 + ($1.amount ?? 0) }
                revenues[label, default: []].append(revenue)
                buyerRevenues[label, default: []] += purchases.isEmpty ? [] : [revenue]
                buyerOrders[label, default: []] += purchases.isEmpty ? [] : [Double(purchases.count)]
            }
        }
        let labels = dimension == nil ? [""] : revenues.keys.sorted(by: dimension == "month" ? (<) : refLabelOrder)
        var columns: [ResultColumn] = dimension.map { [ResultColumn(name: $0, unit: .text, values: .text(labels))] } ?? []
        columns += [
            ResultColumn(name: "median_revenue_per_customer", unit: .money, values: .number(labels.map { ReferenceOrderMetrics.median(revenues[$0] ?? []) })),
            ResultColumn(name: "median_revenue_per_buyer", unit: .money, values: .number(labels.map { ReferenceOrderMetrics.median(buyerRevenues[$0] ?? []) })),
            ResultColumn(name: "median_orders_per_buyer", unit: .ratio, values: .number(labels.map { ReferenceOrderMetrics.median(buyerOrders[$0] ?? []) })),
        ]
        return ResultTable(columns: columns, shape: shape)
    }
}
