import Foundation
import XCTest
import SiklusTestSupport
@testable import SiklusEngine
import SiklusStore

/// Funnels with alternatives, step filters and exclusions against a plain loop over each customer's rows,
/// on random data sets: every attempt from a step-1 row takes the earliest later row of each next step
/// within the window (`strict`: the very next row; `any order`: the first row of each step in the window),
/// and an attempt with an excluded event strictly between the rows of its two steps counts nowhere.
final class FunnelOptionsDifferentialTests: XCTestCase {
    struct Spec {
        var steps: [Set<String>]
        var minimumAmount: [Double?]
        var exclusions: [(name: String, from: Int, to: Int)]
        var window: Int64
        var order: String

        var text: String {
            let parts = steps.indices.map { i -> String in
                let names = steps[i].sorted()
                var part = names.count == 1 ? names[0] : "(" + names.joined(separator: ", ") + ")"
                if let amount = minimumAmount[i] { part += " where amount > \(Int(amount))" }
                return part
            }
            var text = "cohort | funnel " + parts.joined(separator: " -> ") + " within \(window)s"
            if order != "ordered" { text += " " + order }
            for e in exclusions { text += " exclude \(e.name) between \(e.from + 1) and \(e.to + 1)" }
            return text
        }
    }

    func testAlternativesFiltersAndExclusionsMatchAPlainLoop() throws {
        var rng = SplitMix64(seed: 0xF0_2026_13)
        let dir = try TestPaths.temporaryDirectory("funnel-options")
        defer { try? FileManager.default.removeItem(at: dir) }
        var compared = 0, nonTrivial = 0
        for index in 0..<60 {
            var local = SplitMix64(seed: rng.next())
            let data = RandomDataset.generate(&local)
            let session = try DifferentialTests.load(data, into: dir.appendingPathComponent("\(index)"))
            let facts = ReferenceFacts(data)
            for _ in 0..<6 {
                let present = Set(data.events.compactMap(\.name))
                let spec = Self.randomSpec(&local, present: present)
                let expected = facts.ids.map { Self.level(facts.events($0), spec) }
                let counts = spec.steps.indices.map { s in Int64(expected.filter { $0 > s }.count) }
                let table = try session.query(spec.text + " quantiles")
                guard case .integer(let customers)? = table.columns.first(where: { $0.name == "customers" })?.values else {
                    return XCTFail("no customers column for `\(spec.text)`")
                }
                XCTAssertEqual(customers.compactMap { $0 }, counts, "data set \(index): `\(spec.text)`")
                for (column, expectedValues) in Self.timeColumns(facts.ids.map { id in Self.best(facts.events(id), spec).map { facts.events(id)[$0].ts } }, spec) {
                    guard case .number(let actual)? = table.columns.first(where: { $0.name == column })?.values else {
                        return XCTFail("no \(column) for `\(spec.text) quantiles`")
                    }
                    XCTAssertEqual(actual.count, expectedValues.count)
                    for (a, e) in zip(actual, expectedValues) where !Self.close(a, e) {
                        XCTFail("data set \(index): `\(spec.text) quantiles` \(column): \(actual) != \(expectedValues)")
                        break
                    }
                }
                compared += 1
                if counts.last ?? 0 > 0, !spec.exclusions.isEmpty { nonTrivial += 1 }
                // `dropped k`: exactly the customers whose level is k.
                let k = local.int(1...(spec.steps.count - 1))
                let listed = try session.query(spec.text + " | dropped \(k) | rows 1000000")
                guard case .text(let ids)? = listed.columns.first?.values else { return XCTFail("no customer column for `dropped`") }
                let expectedIDs = Set(facts.ids.indices.filter { expected[$0] == k }.map { facts.ids[$0] })
                XCTAssertEqual(Set(ids.compactMap { $0 }), expectedIDs, "data set \(index): `\(spec.text) | dropped \(k)`")
            }
        }
        XCTAssertEqual(compared, 360)
        XCTAssertGreaterThan(nonTrivial, 20, "exclusions should meet funnels that complete")
    }

    static let stepPool = ["visit", "page_view", "ad_impression", "product_view", "add_to_cart", "trial_start", "purchase", "review",
                           "email_open", "login", "article_view", "webinar"]
    static let exclusionPool = ["cancel", "unsubscribe", "mystery_event", "share"]

    /// A funnel over names the data holds (the binder refuses others).
    static func randomSpec(_ rng: inout SplitMix64, present: Set<String>) -> Spec {
        var pool = stepPool.filter(present.contains)
        let excluded = exclusionPool.filter(present.contains)
        let n = rng.int(2...min(4, max(2, pool.count / 2)))
        var steps: [Set<String>] = []
        for _ in 0..<n {
            var names = Set<String>()
            for _ in 0..<(rng.chance(0.35) ? 2 : 1) { names.insert(pool.remove(at: rng.int(0...(pool.count - 1)))) }
            steps.append(names)
        }
        let amounts = (0..<n).map { _ in rng.chance(0.25) ? Double(rng.int(20...150)) : nil }
        var exclusions: [(String, Int, Int)] = []
        for _ in 0..<(excluded.isEmpty ? 0 : rng.int(0...2)) {
            let from = rng.int(0...(n - 2))
            exclusions.append((excluded[rng.int(0...(excluded.count - 1))], from, rng.int((from + 1)...(n - 1))))
        }
        let windows: [Int64] = [3_600, 86_400, 604_800, 2_592_000, 7_776_000]
        let window = windows[rng.int(0...4)]
        let order = ["ordered", "ordered", "strict", "any order"][rng.int(0...3)]
        return Spec(steps: steps, minimumAmount: amounts, exclusions: exclusions, window: window, order: order)
    }

    /// The furthest step (count) of the customer's best unspoilt attempt.
    static func level(_ rows: [RefEvent], _ spec: Spec) -> Int { best(rows, spec).count }

    /// The rows of the customer's best unspoilt attempt (the first attempt reaching the most steps).
    static func best(_ rows: [RefEvent], _ spec: Spec) -> [Int] {
        let n = spec.steps.count
        func matches(_ s: Int, _ i: Int) -> Bool {
            guard let name = rows[i].name, spec.steps[s].contains(name) else { return false }
            if let minimum = spec.minimumAmount[s] { return (rows[i].amount ?? -1) > minimum }
            return true
        }
        func spoilt(_ positions: [Int]) -> Bool {
            spec.exclusions.contains { e in
                guard e.to < positions.count else { return false }
                let low = min(positions[e.from], positions[e.to]), high = max(positions[e.from], positions[e.to])
                return (low + 1..<max(low + 1, high)).contains { rows[$0].name == e.name }
            }
        }
        var best: [Int] = []
        for start in rows.indices {
            var positions: [Int] = []
            if spec.order == "any order" {
                guard (0..<n).contains(where: { matches($0, start) }) else { continue }
                for s in 0..<n {
                    guard let j = (start..<rows.count).first(where: { rows[$0].ts <= rows[start].ts + spec.window && matches(s, $0) }) else { break }
                    positions.append(j)
                }
            } else {
                guard matches(0, start) else { continue }
                positions = [start]
                while positions.count < n {
                    let from = positions[positions.count - 1] + 1
                    let candidates = spec.order == "strict" ? Array(from..<min(from + 1, rows.count)) : Array(from..<rows.count)
                    guard let j = candidates.first(where: { matches(positions.count, $0) }), rows[j].ts <= rows[start].ts + spec.window else { break }
                    positions.append(j)
                }
            }
            if positions.count > best.count, !spoilt(positions) { best = positions }
        }
        return best
    }

    /// Per step (step 1: nil), the days from the previous step (any order: from the attempt's earliest step)
    /// of the customers reaching it: quantiles interpolated between order statistics, and the mean.
    static func timeColumns(_ attempts: [[Int64]], _ spec: Spec) -> [(String, [Double?])] {
        let quantiles: [(String, Double)] = [("p25_days", 0.25), ("p75_days", 0.75), ("p90_days", 0.9)]
        var columns = quantiles.map { ($0.0, [Double?]()) } + [("mean_days", [Double?]())]
        for s in spec.steps.indices {
            var days: [Double] = []
            for times in attempts where times.count > s && s > 0 {
                let from = spec.order == "any order" ? times.min()! : times[s - 1]
                days.append(Double(times[s] - from) / 86_400)
            }
            days.sort()
            for (i, q) in quantiles.enumerated() {
                guard s > 0, !days.isEmpty else { columns[i].1.append(nil); continue }
                let h = Double(days.count - 1) * q.1, lo = Int(h.rounded(.down)), hi = Int(h.rounded(.up))
                columns[i].1.append(days[lo] + (days[hi] - days[lo]) * (h - Double(lo)))
            }
            columns[quantiles.count].1.append(s > 0 && !days.isEmpty ? days.reduce(0, +) / Double(days.count) : nil)
        }
        return columns
    }

    static func close(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return abs(a - b) <= 1e-9 * max(1, abs(b))
    }
}
