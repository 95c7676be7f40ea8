import XCTest
import SiklusLanguage
import SiklusTestSupport
@testable import SiklusEngine

/// Events columns named like columns the SQL compiler derives (`stage`, `period`, `level`, `t1`,
/// `row_no`, `purchase_no`, `customer_no`): read under another name inside the query, so they run on the
/// engines and give the in-memory tables, where they were refused before.
final class InternalColumnNamesEngineTests: XCTestCase {
    static let pipelines = [
        "events | by level | metric customers, orders, revenue",
        "events | where period > 2 | by t1 | metric events, customers",
        "events | where purchase_no = \"b\" | metric customers, revenue",
        "events | by customer_no | metric orders",
        "events | where row_no >= 3 | funnel visit -> purchase",
        "cohort | where level = \"gold\" | retention period week",
        "events | rfm | by segment | metric customers",
        "events | paths",
        "events | rows 12",
        "events | rows 12 | sort period desc, stage",
        "events | by stage | metric customers",
    ]

    func testOnDuckDB() throws { try compare(.duckdb) }
    func testOnPostgreSQL() throws { try compare(.postgres) }

    private func compare(_ engine: MatrixEngine) throws {
        let files = TestFiles()
        var lines = ["customer,ts,event,amount,channel,stage,period,level,t1,row_no,purchase_no,customer_no"]
        for c in 0..<30 {
            for k in 0..<(2 + c % 4) {
                let event = k % 2 == 0 ? "visit" : "purchase"
                let amount = event == "purchase" ? "\(10 + (c * 7 + k) % 23)" : ""
                lines.append("c\(c),2023-0\(1 + k % 3)-\(10 + (c + k) % 18) 0\(k):00:00,\(event),\(amount),\(c % 2 == 0 ? "email" : "ads"),"
                             + "s\(k % 2),\(k + c % 3),\(c % 3 == 0 ? "gold" : "silver"),\(c % 4),\(k + 1),\(["a", "b"][k % 2]),n\(c % 5)")
            }
        }
        let path = files.write("events.csv", lines.joined(separator: "\n"))
        let pair = try MatrixPair(engine, ledger: MatrixLedger(engine))
        pair.run("load events \"\(path)\"", label: "load")
        var tables = 0
        for pipeline in Self.pipelines {
            pair.run(pipeline, label: pipeline)
            if (try? pair.memory.query(pipeline)) != nil { tables += 1 }
        }
        let ledger = pair.finish()
        XCTAssertEqual(ledger.problems, [])
        XCTAssertEqual(ledger.equal, tables, ledger.summary)
        XCTAssertGreaterThanOrEqual(tables, 8, ledger.summary)
    }
}
