import Foundation
import SiklusTestSupport
@testable import SiklusEngine

/// The loop the differential tests share: random data sets, each written, loaded into a fresh session and
/// handed over with its reference facts and its own random stream (for settings and queries).
enum RandomRuns {
    struct Run {
        let label: String
        let data: RandomDataset
        let session: Session
        let facts: ReferenceFacts
    }

    /// Runs `body` on `count` data sets from `seed`; it returns its failures. Stops after more than 12.
    static func failures(count: Int, seed: UInt64, folder: String, _ body: (Run, inout SplitMix64) throws -> [String]) throws -> [String] {
        var rng = SplitMix64(seed: seed)
        let dir = try TestPaths.temporaryDirectory(folder)
        defer { try? FileManager.default.removeItem(at: dir) }
        var failures: [String] = []
        for index in 0..<count where failures.count <= 12 {
            let datasetSeed = rng.next()
            var local = SplitMix64(seed: datasetSeed)
            let data = RandomDataset.generate(&local)
            let session = try DifferentialTests.load(data, into: dir.appendingPathComponent("\(index)"))
            failures += try body(Run(label: "data set \(index) (seed \(datasetSeed))", data: data, session: session, facts: ReferenceFacts(data)), &local)
        }
        return failures
    }

    /// Half the time as_of on a random day (`asOfDays` after the data's first), half the time churn_after
    /// 5–120 days: run on the session, and returned for the reference with the statements run (defaults: the
    /// end of the last day with an event, 90 days).
    @discardableResult
    static func settings(_ session: Session, lastDay: RefDay, _ rng: inout SplitMix64,
                         asOfDays: ClosedRange<Int> = 20...170) -> (asOf: Int64, churnAfter: Int64, statements: [String]) {
        var asOf = lastDay.endSecond, churnAfter: Int64 = 90 * 86_400
        var statements: [String] = []
        if rng.chance(0.5) {
            let day = RefDay(offset: rng.int(asOfDays))
            asOf = day.endSecond
            statements.append("set as_of = \(day.iso)")
        }
        if rng.chance(0.5) {
            let days = rng.int(5...120)
            churnAfter = Int64(days) * 86_400
            statements.append("set churn_after = \(days)d")
        }
        for statement in statements { session.mustRun(statement) }
        return (asOf, churnAfter, statements)
    }
}
