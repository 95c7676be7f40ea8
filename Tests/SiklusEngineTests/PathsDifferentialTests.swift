import XCTest
import SiklusTestSupport
@testable import SiklusEngine

/// `paths` and behavioural cohorts against `PathsDataset`'s plain loops on many small random data sets:
/// every table must be the reference's exactly.
final class PathsDifferentialTests: XCTestCase {
    func testPathsAndBehaviouralCohortsMatchTheReference() throws {
        var random = SplitMix64(seed: 0x9A7B_2026)
        var compared = 0, nonEmpty = 0
        for index in 0..<120 {
            let data = PathsDataset(&random)
            let files = TestFiles()
            let session = Session()
            _ = try session.load(.customers, path: files.write("customers.csv", data.customersCSV))
            if !data.rows.isEmpty { _ = try session.load(.events, path: files.write("events.csv", data.eventsCSV)) }
            guard !data.rows.isEmpty else { continue }
            // Names the data holds (the binder refuses others, with suggestions).
            let present = PathsDataset.names.filter { name in data.rows.contains { $0.event == name } }
            guard !present.isEmpty else { continue }

            // Paths: random options, sometimes over a narrowed scope.
            let from = random.chance(0.4) ? random.pick(present) : nil
            let to = random.chance(0.4) ? random.pick(present) : nil
            let steps = random.int(2...6), gapMinutes = random.pick([1, 30, 60, 600, 100_000]), edges = random.int(1...60)
            let excluded = random.chance(0.3) ? random.pick(present) : nil
            var text = "events" + (excluded.map { " | where event != \($0)" } ?? "") + " | paths"
            if let from { text += " from \(from)" }
            if let to { text += " to \(to)" }
            text += " steps \(steps) session \(gapMinutes)m edges \(edges)"
            // `event != x` keeps rows with another name (a missing name matches no comparison).
            let expected = data.paths(from: from, to: to, steps: steps, gap: Int64(gapMinutes) * 60, edges: edges) { row in
                excluded.map { row.event != nil && row.event != $0 } ?? true
            }
            let table = try session.query(text)
            XCTAssertEqual(LoweringRows.cells(table), expected, "data set \(index): \(text)")
            compared += 1
            if !expected.isEmpty { nonEmpty += 1 }

            // Behavioural cohorts: a count, a comparison and a window, sometimes negated.
            let event = random.pick(present), n = random.int(0...3)
            let ops: [(String, (Int, Int) -> Bool)] = [(">=", (>=)), (">", (>)), ("=", (==)), ("<", (<)), ("<=", (<=)), ("!=", (!=))]
            let (op, compare) = random.pick(ops)
            let days = random.int(1...40), negated = random.chance(0.3)
            let window = random.pick(["", " within \(days)d", " within \(days)d of signup"])
            let cohort = "cohort did \(negated ? "not " : "")\(event) \(op) \(n) times\(window) | by customer | metric customers"
            let members = data.behaviour(event: event, holds: { compare($0, n) != negated },
                                         last: window.hasSuffix("d") ? Int64(days) * 86_400 : nil,
                                         sinceSignup: window.hasSuffix("signup") ? Int64(days) * 86_400 : nil, asOf: data.asOf)
            let customers = try session.query(cohort).texts("customer").compactMap { $0 }.sorted()
            XCTAssertEqual(customers, members, "data set \(index): \(cohort)")
            compared += 1
        }
        XCTAssertGreaterThan(compared, 150)
        XCTAssertGreaterThan(nonEmpty, 30, "too few data sets had a path")
    }
}

/// A result table as text cells, row by row.
enum LoweringRows {
    static func cells(_ table: ResultTable) -> [[String?]] {
        (0..<table.rowCount).map { r in
            table.columns.map { column in
                switch column.values {
                case .text(let v): v[r]
                case .integer(let v): v[r].map { String($0) }
                case .number(let v): v[r].map { "\($0)" }
                }
            }
        }
    }
}
