import Foundation
import SiklusTestSupport
import XCTest

/// The real `siklus` binary runs one script (a dozen pipelines, `--mode csv`) locally, then with
/// `connect postgres "…"` (this process's throwaway cluster) and `connect spark` before the same loads:
/// the outputs must agree line by line, cell by cell: counts, labels and ordering identical, numbers
/// within 1e-9 relative (engines sum in other orders).
final class EngineScriptProcessTests: XCTestCase {
    static let pipelines = [
        "events | metric customers, events, orders, revenue",
        "cohort by channel | metric customers, conversion_rate, repeat_rate, avg_order, ltv",
        "cohort by signup period quarter | metric churn_rate, orders_per_customer",
        "events | by month | metric active, engagement, time_to_purchase | limit 12",
        "cohort country in (ID, US) | by country | metric revenue | sort revenue desc",
        "events | where amount > 100 and channel = social | by quarter | metric orders, revenue",
        "cohort | stage retention | by channel | metric avg_order",
        "cohort by first_purchase period month | retention percent horizon 6",
        "cohort by signup period month | funnel awareness -> consideration -> purchase within 30d",
        "events | funnel visit -> add_to_cart -> purchase within 14d strict",
        "cohort by channel | metric stage_share",
        "events | by channel | metric spend, cpa",
        "cohort | by customer | metric revenue | top 5",
    ]

    private func script(connect: String?) throws -> String {
        let demo = try SiklusBinary.demoDirectory()
        let loads = ["customers", "events", "spend"].map { #"load \#($0) "\#(demo.appendingPathComponent("\($0).csv").path)""# }
        return ([connect].compactMap { $0 } + loads + Self.pipelines).joined(separator: "\n") + "\n"
    }

    private func run(connect: String?, timeout: TimeInterval) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("siklus-engine-script-\(UUID().uuidString.prefix(8)).sik")
        try script(connect: connect).write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try SiklusBinary.run(["-q", "--mode", "csv", file.path], timeout: timeout)
        XCTAssertEqual(result.status, 0, "siklus with \(connect ?? "no connect") failed:\n\(result.stderr.suffix(3000))")
        XCTAssertFalse(result.stderr.contains("error"), "errors with \(connect ?? "no connect"):\n\(result.stderr.suffix(3000))")
        return result.stdout
    }

    func testPostgreSQLGivesTheLocalOutput() throws {
        let server = try PostgresTestServer.shared()
        let local = try run(connect: nil, timeout: 120)
        compare(try run(connect: #"connect postgres "\#(server.conninfo)""#, timeout: 300), local, engine: "PostgreSQL")
    }

    func testSparkGivesTheLocalOutput() throws {
        let local = try run(connect: nil, timeout: 120)
        compare(try run(connect: "connect spark", timeout: 600), local, engine: "Spark")
    }

    /// Same lines; in each, the same cells: equal text, or numbers within 1e-9 relative.
    private func compare(_ actual: String, _ expected: String, engine: String, file: StaticString = #filePath, line: UInt = #line) {
        let got = actual.split(separator: "\n", omittingEmptySubsequences: false), want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertGreaterThan(want.count, Self.pipelines.count * 2, "the local run printed too little:\n\(expected)", file: file, line: line)
        // Lines in common are compared even when the counts differ, so a stopped script shows how far it agreed.
        if got.count != want.count {
            XCTFail("\(engine): \(got.count) lines, locally \(want.count)", file: file, line: line)
        }
        for (i, (a, b)) in zip(got, want).enumerated() where a != b {
            let x = Self.cells(String(a)), y = Self.cells(String(b))
            let same = x.count == y.count && zip(x, y).allSatisfy { p, q in
                if p == q { return true }
                guard let u = Double(p), let v = Double(q) else { return false }
                return abs(u - v) <= 1e-9 * max(abs(u), abs(v))
            }
            if !same { return XCTFail("\(engine): line \(i + 1) is `\(a)`, locally `\(b)`", file: file, line: line) }
        }
    }

    /// The cells of one CSV line (RFC 4180 quoting).
    static func cells(_ line: String) -> [String] {
        var cells: [String] = [], cell = "", quoted = false, previousQuote = false
        for ch in line {
            if quoted {
                if ch == "\"" { quoted = false; previousQuote = true } else { cell.append(ch) }
                continue
            }
            switch ch {
            case "\"": if previousQuote { cell.append("\"") }; quoted = true
            case ",": cells.append(cell); cell = ""
            default: cell.append(ch)
            }
            previousQuote = false
        }
        return cells + [cell]
    }
}
