import Foundation
import XCTest
import SiklusTestSupport
@testable import SiklusEngine
import SiklusStore

/// Funnel trends (`by month`) and breakdowns by an events column (`by events.channel attribution …`)
/// against a plain loop on random data sets: each customer's best attempt is found as in
/// `FunnelOptionsDifferentialTests.best`, and the customer counts once, under the label of one row of it
/// (trends: the entry row's month; a breakdown: the channel on the attributed step's row, `(none)` when
/// that step was not reached or the row has no channel).
final class FunnelSplitDifferentialTests: XCTestCase {
    func testTrendsAndBreakdownsMatchAPlainLoop() throws {
        var rng = SplitMix64(seed: 0xF0_2026_1333)
        let dir = try TestPaths.temporaryDirectory("funnel-split")
        defer { try? FileManager.default.removeItem(at: dir) }
        var compared = 0, withNone = 0, multiGroup = 0
        for index in 0..<40 {
            var local = SplitMix64(seed: rng.next())
            let data = RandomDataset.generate(&local)
            let session = try DifferentialTests.load(data, into: dir.appendingPathComponent("\(index)"))
            let facts = ReferenceFacts(data)
            for _ in 0..<4 {
                let spec = FunnelOptionsDifferentialTests.randomSpec(&local, present: Set(data.events.compactMap(\.name)))
                let n = spec.steps.count
                let attribution = [("first", { (p: [Int]) in spec.order == "any order" ? p.min() : p.first }),
                                   ("last", { (p: [Int]) in spec.order == "any order" ? p.max() : p.last })]
                    + [(1...n).map { k in ("step \(k)", { (p: [Int]) in p.count >= k ? p[k - 1] : nil }) }[local.int(0...(n - 1))]]
                let (word, pick) = attribution[local.int(0...2)]
                // Breakdown: label → customers reaching each step.
                var breakdown: [String: [Int64]] = [:], trends: [String: [Int64]] = [:]
                for id in facts.ids {
                    let rows = facts.events(id)
                    let positions = FunnelOptionsDifferentialTests.best(rows, spec)
                    guard !positions.isEmpty else { continue }
                    let channel = pick(positions).flatMap { rows[$0].channel.flatMap { $0.isEmpty ? nil : $0 } } ?? "(none)"
                    let entry = rows[(spec.order == "any order" ? positions.min() : positions.first) ?? 0]
                    let month = String(entry.day.iso.prefix(7))
                    for s in 0..<positions.count {
                        breakdown[channel, default: Array(repeating: 0, count: n)][s] += 1
                        trends[month, default: Array(repeating: 0, count: n)][s] += 1
                    }
                }
                // Labels byte-wise, `(none)` last.
                let labels = breakdown.keys.sorted { a, b in
                    if (a == "(none)") != (b == "(none)") { return b == "(none)" }
                    return Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
                }
                let expectedLabels = labels.flatMap { Array(repeating: $0, count: n) }
                let expectedCounts = labels.flatMap { breakdown[$0] ?? [] }

                let text = spec.text + " by events.channel attribution \(word)"
                let table = try session.query(text)
                XCTAssertEqual(Self.texts(table, "event_channel"), expectedLabels, "data set \(index): `\(text)`")
                XCTAssertEqual(Self.integers(table, "customers"), expectedCounts, "data set \(index): `\(text)`")

                let trendText = spec.text + " by month"
                let trend = try session.query(trendText)
                let months = trends.keys.sorted()
                XCTAssertEqual(Self.texts(trend, "month"), months, "data set \(index): `\(trendText)`")
                XCTAssertEqual(Self.integers(trend, "entered"), months.map { trends[$0]?[0] ?? 0 }, "data set \(index): `\(trendText)`")
                XCTAssertEqual(Self.integers(trend, "step_\(n)"), months.map { trends[$0]?[n - 1] ?? 0 }, "data set \(index): `\(trendText)`")
                compared += 1
                if labels.contains("(none)") { withNone += 1 }
                if labels.count > 2, months.count > 2 { multiGroup += 1 }
            }
        }
        XCTAssertEqual(compared, 160)
        XCTAssertGreaterThan(withNone, 20, "some customers should have no value on the attributed row")
        XCTAssertGreaterThan(multiGroup, 40, "the splits should have several groups")
    }

    static func texts(_ table: ResultTable, _ name: String) -> [String] {
        guard case .text(let values)? = table.columns.first(where: { $0.name == name })?.values else { return [] }
        return values.map { $0 ?? "NULL" }
    }

    static func integers(_ table: ResultTable, _ name: String) -> [Int64] {
        guard case .integer(let values)? = table.columns.first(where: { $0.name == name })?.values else { return [] }
        return values.map { $0 ?? -1 }
    }
}
