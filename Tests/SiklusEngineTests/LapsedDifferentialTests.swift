import Foundation
import XCTest
import SiklusTestSupport
@testable import SiklusEngine
import SiklusStore

/// The `lapsed` status (issue 15 §4) against a plain loop over the generated rows: the `stage lapsed` step
/// keeps the customers whose documented stage (`ReferenceMetrics.stage`: no purchase, a staged event, the
/// latest event no churn event and more than churn_after old) is lapsed, with their events up to as_of.
/// `stage_share` and `transitions` with lapsed are compared by `DifferentialTests`, whose reference knows it.
final class LapsedDifferentialTests: XCTestCase {
    func testStageLapsedMatchesAPlainLoopOnRandomData() throws {
        var withLapsed = 0, withLapsedRetention = 0
        let failures = try RandomRuns.failures(count: 100, seed: 0x1A95_2026, folder: "lapsed-differential") { run, rng in
            guard let lastDay = run.facts.lastEventDay else { return [] }
            let facts = run.facts
            let (asOf, churnAfter, _) = RandomRuns.settings(run.session, lastDay: lastDay, &rng)
            let reference = ReferenceMetrics(facts: facts, data: run.data, asOf: asOf, churnAfter: churnAfter)
            let lapsed = facts.ids.filter { reference.currentStage($0) == .lapsed }
            if !lapsed.isEmpty { withLapsed += 1 }
            // A prospect whose furthest stage is retention (an engagement event without a purchase) lapses too.
            if lapsed.contains(where: { id in facts.events(id).indices.contains { facts.stage(id, $0) == .retention } }) { withLapsedRetention += 1 }
            return OrderMetricsDifferentialTests.differences(run.session, [
                ("cohort | stage lapsed | metric customers, events, orders", Self.table(lapsed, facts: facts, asOf: asOf, byChannel: false)),
                ("cohort by channel | stage lapsed | metric customers, events, orders", Self.table(lapsed, facts: facts, asOf: asOf, byChannel: true)),
            ], dataset: run.label)
        }
        for failure in failures.prefix(12) { XCTFail(failure) }
        XCTAssertGreaterThan(withLapsed, 50, "most data sets have a lapsed prospect")
        XCTAssertGreaterThan(withLapsedRetention, 0, "some lapsed prospect reached retention through an engagement event")
    }

    /// Per group (acquisition channel, or one row): the lapsed customers, their events up to as_of, and their
    /// orders (none: lapsed customers never bought by as_of).
    static func table(_ lapsed: [String], facts: ReferenceFacts, asOf: Int64, byChannel: Bool) -> ResultTable {
        var customers: [String: Int] = [:], events: [String: Int] = [:]
        for id in lapsed {
            let label = byChannel ? facts.channelLabel(id) : ""
            customers[label, default: 0] += 1
            events[label, default: 0] += facts.events(id).filter { $0.ts <= asOf }.count
        }
        let labels = byChannel ? customers.keys.sorted(by: refLabelOrder) : [""]
        var columns: [ResultColumn] = byChannel ? [ResultColumn(name: "cohort", unit: .text, values: .text(labels))] : []
        columns += [
            ResultColumn(name: "customers", unit: .count, values: .integer(labels.map { Int64(customers[$0, default: 0]) })),
            ResultColumn(name: "events", unit: .count, values: .integer(labels.map { Int64(events[$0, default: 0]) })),
            ResultColumn(name: "orders", unit: .count, values: .integer(labels.map { _ in 0 })),
        ]
        return ResultTable(columns: columns, shape: .table)
    }
}
