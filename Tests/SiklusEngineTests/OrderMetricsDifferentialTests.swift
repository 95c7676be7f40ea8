import Foundation
import XCTest
import SiklusTestSupport
@testable import SiklusEngine
import SiklusStore

/// The metrics of issue 15 §4 (`cpc`, `orders_per_buyer`, `median_order`, `days_between_orders`) against
/// plain loops over the generated rows (`RandomDataset`), on many small random data sets: every result must
/// equal the loop's (doubles within 1e-9 relative).
final class OrderMetricsDifferentialTests: XCTestCase {
    static let datasetCount = 120
    static let seed: UInt64 = 0x0D3E_2026

    func testOrderMetricsMatchAPlainLoopOnRandomData() throws {
        var rng = SplitMix64(seed: Self.seed)
        let dir = try TestPaths.temporaryDirectory("order-metrics-differential")
        defer { try? FileManager.default.removeItem(at: dir) }
        var failures: [String] = []
        var compared = 0, withGaps = 0
        for index in 0..<Self.datasetCount {
            let datasetSeed = rng.next()
            var local = SplitMix64(seed: datasetSeed)
            let data = RandomDataset.generate(&local)
            let session = try DifferentialTests.load(data, into: dir.appendingPathComponent("\(index)"))
            let reference = ReferenceOrderMetrics(data: data, facts: ReferenceFacts(data))
            var queries = [
                ("cohort | metric orders_per_buyer, median_order, days_between_orders", reference.perCustomerGroups(byChannel: false)),
                ("cohort by channel | metric orders_per_buyer, median_order, days_between_orders", reference.perCustomerGroups(byChannel: true)),
                ("events | by month | metric median_order, days_between_orders", reference.byMonth()),
                ("events | by order_number | metric orders, avg_order, median_order", reference.byOrderNumber()),
            ]
            if !data.spend.isEmpty {
                queries.append(("events | metric cpc", reference.cpc(byChannel: false)))
                queries.append(("events | by channel | metric cpc", reference.cpc(byChannel: true)))
            }
            compared += queries.count
            failures += Self.differences(session, queries, dataset: "data set \(index) (seed \(datasetSeed))")
            if reference.gapCount > 0 { withGaps += 1 }
            if failures.count > 12 { break }
        }
        for failure in failures.prefix(12) { XCTFail(failure) }
        XCTAssertGreaterThan(compared, Self.datasetCount * 3)
        // The data sets must exercise the gaps: most have a customer who bought twice.
        XCTAssertGreaterThan(withGaps, Self.datasetCount / 2)
    }

    /// Each query run and compared with the reference's table (titles aside): the failures, described.
    static func differences(_ session: Session, _ queries: [(String, ResultTable)], dataset: String) -> [String] {
        queries.compactMap { text, expected in
            do {
                var table = try session.query(text)
                table.title = nil
                return TableComparison.difference(table, expected).map { "\(dataset) `\(text)`: \($0)" }
            } catch {
                return "\(dataset) `\(text)` failed: \(error)"
            }
        }
    }
}

extension OrderMetricsDifferentialTests {
    /// `churn_rate within <window>` and `transitions percent` against `ReferenceMetrics`' documented stage rule,
    /// under random as_of and churn_after.
    func testWindowedChurnAndTransitionSharesMatchAPlainLoop() throws {
        var rng = SplitMix64(seed: Self.seed ^ 0x5EED)
        let dir = try TestPaths.temporaryDirectory("churn-window-differential")
        defer { try? FileManager.default.removeItem(at: dir) }
        var failures: [String] = []
        var nonEmptyBases = 0
        for index in 0..<80 {
            let datasetSeed = rng.next()
            var local = SplitMix64(seed: datasetSeed)
            let data = RandomDataset.generate(&local)
            let session = try DifferentialTests.load(data, into: dir.appendingPathComponent("\(index)"))
            let facts = ReferenceFacts(data)
            guard let lastDay = facts.lastEventDay else { continue }
            let (asOf, churnAfter, _) = RandomRuns.settings(session, lastDay: lastDay, &local)
            let reference = ReferenceMetrics(facts: facts, data: data, asOf: asOf, churnAfter: churnAfter)
            let window = local.int(1...150)
            let churn = Self.windowedChurn(reference, facts: facts, window: Int64(window) * 86_400)
            if churn.bases > 0 { nonEmptyBases += 1 }
            // Customers with a churn event tied in time with another event are left out, as in DifferentialTests.
            let tied = facts.ids.filter { id in
                let rows = facts.events(id)
                return rows.indices.contains { i in rows.indices.contains { j in
                    i != j && rows[i].ts == rows[j].ts && RefCategory.of(rows[i].name) == .churn && RefCategory.of(rows[j].name) != .churn } }
            }
            let source = tied.isEmpty ? "cohort" : "cohort customer not in (\(tied.map { "\"\($0)\"" }.joined(separator: ", ")))"
            let queries = [
                ("cohort by channel | metric churn_rate within \(window)d", churn.table),
                ("\(source) | metric transitions percent", Self.transitionShares(reference, facts: facts, customers: facts.ids.filter { !tied.contains($0) }, asOf: asOf)),
            ]
            failures += Self.differences(session, queries, dataset: "data set \(index) (seed \(datasetSeed))")
            if failures.count > 12 { break }
        }
        for failure in failures.prefix(12) { XCTFail(failure) }
        XCTAssertGreaterThan(nonEmptyBases, 40, "most data sets have buyers whose window ended by as_of")
    }

    /// Per acquisition channel: buyers whose first purchase + window is at or before as_of, and of them those
    /// whose documented stage at that moment is churn.
    static func windowedChurn(_ r: ReferenceMetrics, facts: ReferenceFacts, window: Int64) -> (table: ResultTable, bases: Int) {
        var base: [String: Int] = [:], churned: [String: Int] = [:]
        var labels = Set<String>()
        for id in facts.ids {
            let label = facts.channelLabel(id)
            labels.insert(label)
            guard let first = facts.firstPurchase(id), first.ts + window <= r.asOf else { continue }
            base[label, default: 0] += 1
            if r.stage(id, at: first.ts + window) == .churn { churned[label, default: 0] += 1 }
        }
        let sorted = labels.sorted(by: refLabelOrder)
        let values = sorted.map { base[$0, default: 0] == 0 ? nil : Double(churned[$0, default: 0]) / Double(base[$0]!) * 100 }
        return (ResultTable(columns: [ResultColumn(name: "cohort", unit: .text, values: .text(sorted)),
                                      ResultColumn(name: "churn_rate", unit: .percent, values: .number(values))], shape: .table),
                base.values.reduce(0, +))
    }

    /// Monthly transitions as shares of each row, under the entered row (each customer's first stage at a month's end).
    static func transitionShares(_ r: ReferenceMetrics, facts: ReferenceFacts, customers: [String], asOf: Int64) -> ResultTable {
        let n = RefStage.allCases.count
        var counts = Array(repeating: Array(repeating: 0, count: n), count: n + 1)   // row 0: entered
        let lastMonth = r.monthIndex(ofSecond: asOf)
        for id in customers {
            guard let first = facts.events(id).first, first.ts <= asOf else { continue }
            var previous: RefStage?, entered = false
            for month in first.day.monthIndex...lastMonth {
                let current = r.stage(id, at: min(RefDay.monthStartSecond(month + 1) - 1, asOf))
                if let previous, let current { counts[previous.rawValue + 1][current.rawValue] += 1 }
                if !entered, let current { counts[0][current.rawValue] += 1; entered = true }
                previous = current
            }
        }
        var columns = [ResultColumn(name: "from", unit: .text, values: .text(["entered"] + RefStage.allCases.map(\.name)))]
        for to in RefStage.allCases {
            columns.append(ResultColumn(name: to.name, unit: .percent, values: .number(counts.map { row in
                let total = row.reduce(0, +)
                return total == 0 ? nil : Double(row[to.rawValue]) / Double(total) * 100
            })))
        }
        return ResultTable(columns: columns, shape: .transitions)
    }
}

/// The reference: each customer's purchase events in (ts, file row) order, their amounts (missing as 0) and
/// the days between consecutive ones; medians by sorting.
struct ReferenceOrderMetrics {
    let data: RandomDataset
    let facts: ReferenceFacts

    private func purchases(_ id: String) -> [RefEvent] { facts.events(id).filter { RefCategory.of($0.name) == .purchase } }

    /// Gaps between consecutive purchases over every customer (to check the data sets have some).
    var gapCount: Int { facts.ids.reduce(0) { $0 + max(0, purchases($1).count - 1) } }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted(), mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    private static func ratio(_ a: Double, _ b: Double) -> Double? { b == 0 ? nil : a / b }

    /// `cohort [by channel] | metric orders_per_buyer, median_order, days_between_orders`.
    func perCustomerGroups(byChannel: Bool) -> ResultTable {
        struct Group { var orders = 0, buyers = 0; var values: [Double] = [], gaps: [Double] = [] }
        var groups: [String: Group] = [:]
        for id in facts.ids {
            let bought = purchases(id)
            var g = groups[byChannel ? facts.channelLabel(id) : ""] ?? Group()
            g.orders += bought.count
            if !bought.isEmpty { g.buyers += 1 }
            g.values += bought.map { $0.amount ?? 0 }
            g.gaps += zip(bought, bought.dropFirst()).map { Double($1.ts - $0.ts) / 86_400 }
            groups[byChannel ? facts.channelLabel(id) : ""] = g
        }
        let labels = byChannel ? groups.keys.sorted(by: refLabelOrder) : [""]
        let rows = labels.map { groups[$0] ?? Group() }
        var columns: [ResultColumn] = byChannel ? [ResultColumn(name: "cohort", unit: .text, values: .text(labels))] : []
        columns += [
            ResultColumn(name: "orders_per_buyer", unit: .ratio, values: .number(rows.map { Self.ratio(Double($0.orders), Double($0.buyers)) })),
            ResultColumn(name: "median_order", unit: .money, values: .number(rows.map { Self.median($0.values) })),
            ResultColumn(name: "days_between_orders", unit: .days, values: .number(rows.map { Self.median($0.gaps) })),
        ]
        return ResultTable(columns: columns, shape: .table)
    }

    /// `events | by month | metric median_order, days_between_orders`: a gap counts in its later purchase's month.
    func byMonth() -> ResultTable {
        var months = Set<Int>(), values: [Int: [Double]] = [:], gaps: [Int: [Double]] = [:]
        for id in facts.ids {
            for e in facts.events(id) { months.insert(e.day.monthIndex) }
            let bought = purchases(id)
            for e in bought { values[e.day.monthIndex, default: []].append(e.amount ?? 0) }
            for (a, b) in zip(bought, bought.dropFirst()) { gaps[b.day.monthIndex, default: []].append(Double(b.ts - a.ts) / 86_400) }
        }
        let sorted = months.sorted()
        return ResultTable(columns: [
            ResultColumn(name: "month", unit: .text, values: .text(sorted.map { RefDay.monthLabel($0) })),
            ResultColumn(name: "median_order", unit: .money, values: .number(sorted.map { Self.median(values[$0] ?? []) })),
            ResultColumn(name: "days_between_orders", unit: .days, values: .number(sorted.map { Self.median(gaps[$0] ?? []) })),
        ], shape: .series)
    }

    /// `events | by order_number | metric orders, avg_order, median_order`: each purchase numbered among the
    /// customer's purchases (whole history), other rows `(none)`; groups by number, `(none)` last.
    func byOrderNumber() -> ResultTable {
        var values: [Int: [Double]] = [:]
        var hasOther = false
        for id in facts.ids {
            var n = 0
            for e in facts.events(id) {
                guard RefCategory.of(e.name) == .purchase else { hasOther = true; continue }
                n += 1
                values[n, default: []].append(e.amount ?? 0)
            }
        }
        let numbers = values.keys.sorted()
        let groups = numbers.map { values[$0]! } + (hasOther ? [[]] : [])
        return ResultTable(columns: [
            ResultColumn(name: "order_number", unit: .text, values: .text(numbers.map(String.init) + (hasOther ? ["(none)"] : []))),
            ResultColumn(name: "orders", unit: .count, values: .integer(groups.map { Int64($0.count) })),
            ResultColumn(name: "avg_order", unit: .money, values: .number(groups.map { Self.ratio($0.reduce(0, +), Double($0.count)) })),
            ResultColumn(name: "median_order", unit: .money, values: .number(groups.map { Self.median($0) })),
        ], shape: .table)
    }

    /// `events [| by channel] | metric cpc`: spend / clicks per channel, over the rows `spend` alone shows (spend
    /// rows with something recorded; no customer metric asks for the customers' groups).
    func cpc(byChannel: Bool) -> ResultTable {
        var spend: [String: Double] = [:], clicks: [String: Double] = [:], present = Set<String>()
        for s in data.spend {
            let key = byChannel ? s.channel : ""
            spend[key, default: 0] += s.spend
            clicks[key, default: 0] += Double(s.clicks)
            if s.spend != 0 || s.impressions != 0 || s.clicks != 0 { present.insert(key) }
        }
        let keys = byChannel ? present.sorted(by: refLabelOrder) : [""]
        var columns: [ResultColumn] = byChannel ? [ResultColumn(name: "channel", unit: .text, values: .text(keys))] : []
        columns.append(ResultColumn(name: "cpc", unit: .money, values: .number(keys.map { Self.ratio(spend[$0] ?? 0, clicks[$0] ?? 0) })))
        return ResultTable(columns: columns, shape: .table)
    }
}
