import Foundation
import XCTest
import SiklusTestSupport
@testable import SiklusEngine
import SiklusStore

/// Every retention kind (start first time / recurring, rolling, brackets, min_events, value, unbounded,
/// percent, detail) against `ReferenceRetentionKinds` on random data sets: the table and its mean rows
/// must be the reference's (doubles within 1e-9 relative).
final class RetentionKindDifferentialTests: XCTestCase {
    static let datasetCount = 60

    func testEveryRetentionKindMatchesAPlainLoop() throws {
        var rng = SplitMix64(seed: 0x2E7E_2026)
        let dir = try TestPaths.temporaryDirectory("retention-kinds")
        defer { try? FileManager.default.removeItem(at: dir) }
        var failures: [String] = [], compared = 0
        for index in 0..<Self.datasetCount {
            let datasetSeed = rng.next()
            var local = SplitMix64(seed: datasetSeed)
            let data = RandomDataset.generate(&local)
            let session = try DifferentialTests.load(data, into: dir.appendingPathComponent("\(index)"))
            let facts = ReferenceFacts(data)
            guard var asOf = facts.lastEventDay?.endSecond else { continue }
            if local.chance(0.5) {
                let day = RefDay(offset: local.int(-10...170))
                asOf = day.endSecond
                session.mustRun("set as_of = \(day.iso)")
            }
            let reference = ReferenceRetentionKinds(facts: facts, asOf: asOf)
            let names = Array(Set(data.events.compactMap(\.name))).sorted()
            for _ in 0..<6 {
                let (text, options) = Self.randomQuery(names: names, &local)
                compared += 1
                do {
                    let actual = try session.query(text), expected = reference.table(options)
                    var table = actual
                    table.title = nil
                    if let difference = TableComparison.difference(table, expected) {
                        failures.append("data set \(index) (seed \(datasetSeed)) `\(text)`: \(difference)")
                    } else if let difference = Self.footerDifference(actual.footer, expected.footer) {
                        failures.append("data set \(index) (seed \(datasetSeed)) `\(text)` mean rows: \(difference)")
                    }
                } catch {
                    failures.append("data set \(index) (seed \(datasetSeed)) `\(text)` failed: \(error)")
                }
            }
            if failures.count > 8 { break }
        }
        for failure in failures.prefix(8) { XCTFail(failure) }
        XCTAssertGreaterThan(compared, Self.datasetCount * 5)
    }

    /// A random retention query and the reference's options for it.
    static func randomQuery(names: [String], _ rng: inout SplitMix64) -> (String, ReferenceRetentionKinds.Options) {
        var o = ReferenceRetentionKinds.Options()
        var words = ["retention"]
        var source = "cohort by signup"
        switch rng.int(0...3) {
        case 0: o.anchor = .signup
        case 1: o.anchor = .firstPurchase; source = "cohort by first_purchase"
        case 2:
            let name = names.isEmpty ? "purchase" : rng.pick(names)
            o.anchor = .start(name); source = "cohort"; words.append("start \"\(name)\"")
        default:
            let name = names.isEmpty ? "purchase" : rng.pick(names)
            o.anchor = .recurring(name); source = "cohort"; words += ["start \"\(name)\"", "recurring"]
        }
        switch rng.int(0...2) {
        case 0: break
        case 1: o.activity = ""; words.append("on any")
        default:
            let name = names.isEmpty ? "purchase" : rng.pick(names)
            o.activity = name; words.append("on \"\(name)\"")
        }
        // Rolling windows keep the rows in months: only with the signup or first-purchase cohorts.
        if case .start = o.anchor {} else if case .recurring = o.anchor {} else if rng.chance(0.4) {
            let (unit, days) = rng.pick([("day", 1), ("week", 7), ("month", 30)])
            o.rollingDays = days; words += ["rolling", "period \(unit)"]
        }
        if rng.chance(0.3) {
            o.brackets = (0..<rng.int(1...3)).map { _ in rng.int(1...4) }
            words.append("brackets (" + o.brackets!.map(String.init).joined(separator: ", ") + ")")
        } else if rng.chance(0.3) {
            o.horizon = rng.int(1...5); words.append("horizon \(o.horizon!)")
        }
        if rng.chance(0.3) { o.minEvents = rng.int(2...3); words.append("min_events \(o.minEvents)") }
        switch rng.int(0...3) {
        case 0: o.value = .orders; words.append("value orders")
        case 1: o.value = .revenue; words.append("value revenue")
        default: if rng.chance(0.4) { o.unbounded = true; words.append("unbounded") }
        }
        if rng.chance(0.5) { o.percent = true; words.append("percent") }
        var text = "\(source) | \(words.joined(separator: " "))"
        if rng.chance(0.4) { o.detail = true; text += " | detail" }
        return (text, o)
    }

    static func footerDifference(_ actual: [ResultFooterRow], _ expected: [ResultFooterRow]) -> String? {
        guard actual.count == expected.count else { return "\(actual.count) rows ≠ \(expected.count)" }
        for (a, e) in zip(actual, expected) {
            guard a.label == e.label, a.unit == e.unit, a.values.count == e.values.count else { return "\(a) ≠ \(e)" }
            for (x, y) in zip(a.values, e.values) {
                switch (x, y) {
                case (nil, nil): continue
                case let (p?, q?) where abs(p - q) <= 1e-9 * max(1, abs(p), abs(q)): continue
                default: return "\(a.label): \(a.values) ≠ \(e.values)"
                }
            }
        }
        return nil
    }
}
