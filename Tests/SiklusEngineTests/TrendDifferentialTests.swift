import Foundation
import XCTest
import SiklusTestSupport
@testable import SiklusEngine
import SiklusLanguage
import SiklusStore

/// `lifecycle`, `stickiness` and `dau`, `wau`, `mau`, `dau_mau` against `ReferenceMetrics`'s plain loops on random data sets (as
/// `DifferentialTests`): random periods, activity, `cohort by channel`, `where ts` ranges and as_of.
final class TrendDifferentialTests: XCTestCase {
    static let datasetCount = 60
    static let seed: UInt64 = 0x7E4D_2026

    func testLifecycleStickinessAndActiveUsersMatchTheReference() throws {
        var rng = SplitMix64(seed: Self.seed)
        let dir = try TestPaths.temporaryDirectory("trend-differential")
        defer { try? FileManager.default.removeItem(at: dir) }
        var failures: [String] = []
        var compared = 0
        for index in 0..<Self.datasetCount {
            let datasetSeed = rng.next()
            var local = SplitMix64(seed: datasetSeed)
            let data = RandomDataset.generate(&local)
            let session = try DifferentialTests.load(data, into: dir.appendingPathComponent("\(index)"))
            let facts = ReferenceFacts(data)
            var asOf = facts.lastEventDay!.endSecond
            var settings: [String] = []
            if local.chance(0.5) {
                let day = RefDay(offset: local.int(-10...170))
                asOf = day.endSecond
                settings.append("set as_of = \(day.iso)")
            }
            for statement in settings { session.mustRun(statement) }
            let reference = ReferenceMetrics(facts: facts, data: data, asOf: asOf, churnAfter: 90 * 86_400)
            for _ in 0..<4 {
                let unit = ["day", "week", "month"][local.int(0...2)]
                let byChannel = local.chance(0.5)
                var start: RefDay?, end: RefDay?
                var conditions: [String] = []
                if local.chance(0.4) { start = RefDay(offset: local.int(-20...100)); conditions.append("ts >= \(start!.iso)") }
                if local.chance(0.4) { end = RefDay(offset: local.int(20...180)); conditions.append("ts < \(end!.iso)") }
                let prefix = (byChannel ? "cohort by channel" : "events") + (conditions.isEmpty ? "" : " | where " + conditions.joined(separator: " and "))
                let purchaseOnly = local.chance(0.3)
                let cases = [
                    ("\(prefix) | lifecycle period \(unit)\(purchaseOnly ? " on purchase" : "")",
                     reference.lifecycle(unit, purchaseOnly: purchaseOnly, byChannel: byChannel, start: start?.seconds, end: end?.seconds)),
                    ("\(prefix) | stickiness period \(unit == "month" ? "week" : unit)",
                     reference.stickiness(unit == "month" ? "week" : unit, byChannel: byChannel, start: start?.seconds, end: end?.seconds)),
                ]
                let byMonth = !byChannel && local.chance(0.5)
                let source = byChannel ? "cohort by channel" : "events"
                let active = (source + (conditions.isEmpty ? "" : " | where " + conditions.joined(separator: " and "))
                              + (byMonth ? " | by month" : "") + " | metric dau, wau, mau, dau_mau",
                              reference.activeUsers(byMonth: byMonth, byChannel: byChannel, start: start?.seconds, end: end?.seconds))
                for (text, expected) in cases + [active] {
                    compared += 1
                    do {
                        var table = try session.query(text)
                        table.title = nil
                        if let difference = TableComparison.difference(table, expected) {
                            failures.append("data set \(index) (seed \(datasetSeed)) \(settings) `\(text)`: \(difference)")
                        }
                    } catch {
                        failures.append("data set \(index) (seed \(datasetSeed)) \(settings) `\(text)` failed: \(error)")
                    }
                }
            }
            if failures.count > 8 { break }
        }
        for failure in failures.prefix(8) { XCTFail(failure) }
        XCTAssertEqual(compared, Self.datasetCount * 12)
    }
}
