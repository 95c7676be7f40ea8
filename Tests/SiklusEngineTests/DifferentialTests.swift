import Foundation
import XCTest
import SiklusTestSupport
@testable import SiklusEngine
import SiklusLanguage
import SiklusStore

/// Siklus against `ReferenceMetrics` (plain loops over the raw rows) on many small random data sets.
///
/// Each data set is written as CSV, loaded into a fresh session and queried; every result must equal the
/// reference's exactly (doubles within 1e-9 relative). A failure names the data set's seed and keeps its
/// files for inspection.
final class DifferentialTests: XCTestCase {
    static let datasetCount = 260
    static let seed: UInt64 = 0xD1FF_2026

    private struct Query {
        let text: String
        let expected: ResultTable
    }

    func testSiklusMatchesTheReferenceOnRandomData() throws {
        var rng = SplitMix64(seed: Self.seed)
        let dir = try TestPaths.temporaryDirectory("differential")
        var failures: [String] = []
        var compared = 0
        var keep = false
        defer { if !keep { try? FileManager.default.removeItem(at: dir) } }

        for index in 0..<Self.datasetCount {
            let datasetSeed = rng.next()
            var local = SplitMix64(seed: datasetSeed)
            let data = RandomDataset.generate(&local)
            let session = try Self.load(data, into: dir.appendingPathComponent("\(index)"))
            let facts = ReferenceFacts(data)

            // Settings: as_of latest or a day in (or around) the data; churn_after default or 5–120 days.
            let (asOf, churnAfter, settings) = RandomRuns.settings(session, lastDay: facts.lastEventDay!, &local, asOfDays: -10...170)
            let reference = ReferenceMetrics(facts: facts, data: data, asOf: asOf, churnAfter: churnAfter)

            for query in queries(reference, data: data, facts: facts, &local) {
                compared += 1
                let actual: ResultTable
                do {
                    actual = try session.query(query.text)
                } catch {
                    failures.append("data set \(index) (seed \(datasetSeed)) \(settings) `\(query.text)` failed: \(error)")
                    continue
                }
                var table = actual
                if query.text.contains("funnel") { table.columns.removeAll { $0.name == "median_days" } }
                table.title = nil
                if let difference = TableComparison.difference(table, query.expected) {
                    failures.append("data set \(index) (seed \(datasetSeed), files in \(dir.path)/\(index)) \(settings)\n`\(query.text)`: \(difference)")
                    keep = true
                }
            }
            if failures.count > 12 { break }
            if !keep { try? FileManager.default.removeItem(at: dir.appendingPathComponent("\(index)")) }
        }
        for failure in failures.prefix(12) { XCTFail(failure) }
        if failures.isEmpty { XCTAssertGreaterThan(compared, Self.datasetCount * 15) }
    }

    /// A fresh session with the data set written as CSV files into `dir` and loaded (also for the retention-kind,
    /// funnel-option and trend differential tests).
    static func load(_ data: RandomDataset, into dir: URL) throws -> Session {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let session = Session()
        let files: [(TableKind, String, String)] = [
            (.customers, "customers.csv", data.customersCSV()), (.events, "events.csv", data.eventsCSV()),
        ] + (data.spend.isEmpty ? [] : [(.spend, "spend.csv", data.spendCSV())])
        for (table, name, text) in files {
            let url = dir.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            _ = try session.load(table, path: url.path)
        }
        return session
    }

    /// The queries to compare on one data set, each with the reference's answer.
    private func queries(_ r: ReferenceMetrics, data: RandomDataset, facts: ReferenceFacts, _ rng: inout SplitMix64) -> [Query] {
        var out: [Query] = []
        // Retention: three of the anchor × option combinations.
        for _ in 0..<3 {
            let firstPurchase = rng.chance(0.5), any = rng.chance(0.5), unbounded = rng.chance(0.5), percent = rng.chance(0.5)
            var text = "cohort by \(firstPurchase ? "first_purchase" : "signup") | retention"
            if any { text += " on any" }
            if unbounded { text += " unbounded" }
            if percent { text += " percent" }
            out.append(Query(text: text, expected: r.retention(anchor: firstPurchase ? .firstPurchase : .signup, anyEvent: any,
                                                               unbounded: unbounded, percent: percent)))
        }
        let orderMetrics = "metric customers, orders, revenue, avg_order, repeat_rate, conversion_rate"
        out.append(Query(text: "cohort | \(orderMetrics)", expected: r.orderMetrics(byChannel: false, repeatOnly: false)))
        out.append(Query(text: "cohort | stage retention | \(orderMetrics)", expected: r.orderMetrics(byChannel: false, repeatOnly: true)))
        out.append(Query(text: "cohort by channel | \(orderMetrics)", expected: r.orderMetrics(byChannel: true, repeatOnly: false)))
        out.append(Query(text: "cohort by channel | stage retention | \(orderMetrics)", expected: r.orderMetrics(byChannel: true, repeatOnly: true)))
        out.append(Query(text: "events | by month | metric customers, repeat_rate, conversion_rate", expected: r.monthlyConversion()))
        out.append(Query(text: "cohort | metric stage_share", expected: r.stageShare(byChannel: false)))
        out.append(Query(text: "cohort by channel | metric stage_share", expected: r.stageShare(byChannel: true)))
        for _ in 0..<3 { out.append(randomFunnel(r, data: data, &rng)) }
        out.append(transitions(r, facts: facts))
        if !data.spend.isEmpty {
            out.append(Query(text: "events | metric spend, cpa", expected: r.cpa(byMonth: false, byChannel: false)))
            out.append(Query(text: "events | by channel | metric spend, cpa", expected: r.cpa(byMonth: false, byChannel: true)))
            out.append(Query(text: "events | by month | metric spend, cpa", expected: r.cpa(byMonth: true, byChannel: false)))
            out.append(Query(text: "events | by month, channel | metric spend, cpa", expected: r.cpa(byMonth: true, byChannel: true)))
        }
        return out
    }

    /// `metric transitions` over the customers without a churn event at the same second as another event:
    /// for those the engine disagrees with its own stage_share (`KnownEngineBugTests.testTransitionsEnd…`).
    private func transitions(_ r: ReferenceMetrics, facts: ReferenceFacts) -> Query {
        let tied = facts.ids.filter { id in
            let rows = facts.events(id)
            return rows.indices.contains { i in
                rows.indices.contains { j in i != j && rows[i].ts == rows[j].ts && RefCategory.of(rows[i].name) == .churn && RefCategory.of(rows[j].name) != .churn }
            }
        }
        let kept = facts.ids.filter { !tied.contains($0) }
        let source = tied.isEmpty ? "cohort" : "cohort customer not in (\(tied.map { "\"\($0)\"" }.joined(separator: ", ")))"
        return Query(text: "\(source) | metric transitions", expected: r.transitions(customers: kept))
    }

    /// 2–4 distinct events (quoted, so `"purchase"` is the event) or distinct stages (sometimes by an
    /// Indonesian alias), a window and an order.
    private func randomFunnel(_ r: ReferenceMetrics, data: RandomDataset, _ rng: inout SplitMix64) -> Query {
        let count = rng.int(2...4)
        var steps: [ReferenceMetrics.FunnelStep] = [], written: [String] = [], names: [String] = []
        let present = Array(Set(data.events.compactMap(\.name))).sorted()
        if rng.chance(0.5) && present.count >= count {
            var pool = present
            for _ in 0..<count {
                let name = pool.remove(at: rng.int(0..<pool.count))
                steps.append(.event(name)); written.append("\"\(name)\""); names.append(name)
            }
        } else {
            let aliases: [RefStage: String] = [.awareness: "kesadaran", .purchase: "pembelian", .retention: "retensi", .advocacy: "advokasi"]
            var pool = RefStage.withEvents
            for _ in 0..<count {
                let stage = pool.remove(at: rng.int(0..<pool.count))
                steps.append(.stage(stage)); names.append("stage " + stage.name)
                let name = rng.chance(0.3) ? aliases[stage] ?? stage.name : stage.name
                // A bare name that is also an event is the event (issue 11): such a stage needs `stage`.
                written.append(present.contains(name) || rng.chance(0.5) ? "stage " + name : name)
            }
        }
        let windows: [(String, Int64)] = [("", 30 * 86_400), ("within 1d", 86_400), ("within 7d", 7 * 86_400), ("within 12h", 12 * 3_600),
                                          ("within 2w", 14 * 86_400), ("within 90d", 90 * 86_400), ("within 30d", 30 * 86_400)]
        let (windowText, window) = rng.pick(windows)
        let orders: [(String, ReferenceMetrics.FunnelOrder)] = [("", .ordered), ("ordered", .ordered), ("strict", .strict), ("any order", .anyOrder)]
        let (orderText, order) = rng.pick(orders)
        let byChannel = rng.chance(0.3)
        let text = "cohort\(byChannel ? " by channel" : "") | funnel \(written.joined(separator: " -> ")) \(windowText) \(orderText)"
        return Query(text: text, expected: r.funnel(steps: steps, names: names, window: window, order: order, byChannel: byChannel))
    }
}
