import Foundation
import SiklusLanguage
import SiklusSQL
import SiklusTestSupport
import XCTest
@testable import SiklusEngine

/// Issue 15 §1 on a connected engine: the value check reads the values of the files Siklus wrote there
/// (so warnings and the case-insensitive rewrite match memory), and says nothing for a bound existing
/// table, whose values Siklus never read.
final class EngineGuardrailTests: XCTestCase {
    func testValuesOfFilesWrittenToTheEngineAreChecked() throws {
        let remote = connectedDemo()
        defer { remote.disconnect() }
        let memory = try Session.demo(spend: false)

        let nowhere = try remote.query("cohort country=Indonesia | metric customers")
        XCTAssertEqual(nowhere.warnings.map(\.message), ["no country `Indonesia` in the data, so it matches nothing; values are ID, US, MY, SG, IN, PH, AU, GB, TH, VN"])
        XCTAssertEqual(nowhere.warnings.first?.hints, ["did you mean `ID`?"])
        XCTAssertEqual(nowhere.warnings, try memory.query("cohort country=Indonesia | metric customers").warnings)

        let query = "events | where channel = Social and event = Purchase | by events.channel | metric events"
        let there = try remote.query(query), here = try memory.query(query)
        XCTAssertEqual(there.warnings.map(\.severity), [.note, .note])
        XCTAssertEqual(there.warnings, here.warnings)
        XCTAssertNil(TableComparison.difference(there, here))
        XCTAssertEqual(there.texts("event_channel"), ["social"], "Social and Purchase matched social and purchase")

        // Funnel step conditions: checked and rewritten alike on both backends.
        let funnel = "cohort | funnel visit -> purchase where channel = Social -> purchase where channel = facebook"
        let stepsThere = try remote.query(funnel), stepsHere = try memory.query(funnel)
        XCTAssertEqual(stepsThere.warnings.map(\.severity), [.note, .warning])
        XCTAssertEqual(stepsThere.warnings, stepsHere.warnings)
        XCTAssertNil(TableComparison.difference(stepsThere, stepsHere))
        let plain = try memory.query("cohort | funnel visit -> purchase where channel = social -> purchase where channel = facebook")
        XCTAssertEqual(stepsHere.numbers("customers"), plain.numbers("customers"), "Social counts the social purchases, as `social` does")
        XCTAssertEqual(stepsHere.numbers("customers").dropFirst().first, 70)
    }

    func testABoundTableGetsNoValueWarnings() throws {
        let connector = FakeConnector()
        connector.tables = ["ev": [SQLTableColumn(name: "customer_id", type: .text), SQLTableColumn(name: "ts", type: .timestamp),
                                   SQLTableColumn(name: "event", type: .text), SQLTableColumn(name: "channel", type: .text)]]
        let session = Session.connecting(through: connector)
        session.outputs(#"connect postgres "host=x""#)
        session.outputs(#"load events table "ev""#)
        let connection = try XCTUnwrap(session.connection)
        let pipeline = try XCTUnwrap(Parser.parse(SourceFile(name: "t", text: "events | where channel = Nowhere and event = nothing | metric events"))
            .statements.first.flatMap { if case .pipeline(let p) = $0.kind { p } else { nil } })
        let compiled = try session.remoteRun(connection).compile(pipeline)
        XCTAssertEqual(compiled.warnings, [], "a bound table's values are unknown: no warning rather than a false one")
        // The plan-only guardrails still speak there.
        let stage = try XCTUnwrap(Parser.parse(SourceFile(name: "t", text: "events | stage education | metric orders"))
            .statements.first.flatMap { if case .pipeline(let p) = $0.kind { p } else { nil } })
        XCTAssertEqual(try session.remoteRun(connection).compile(stage).warnings.map(\.severity), [.warning])
    }
}

extension EngineGuardrailTests {
    /// A session connected to DuckDB with the demo customers and events written there by Siklus.
    func connectedDemo() -> Session {
        let remote = Session()
        remote.engineConnector = { _, _ throws(SQLEngineError) in
            do { return try DuckDBTestEngine() } catch { throw SQLEngineError("\(error)") }
        }
        XCTAssertNil(remote.failure(#"connect postgres "duckdb""#))
        XCTAssertNil(remote.failure("load customers \"\(TestPaths.demoFile("customers.csv"))\"; load events \"\(TestPaths.demoFile("events.csv"))\""))
        return remote
    }

    func testExplainOnTheEngineShowsTheWarnings() throws {
        let remote = connectedDemo()
        defer { remote.disconnect() }
        let text = try remote.texts("explain cohort country=Indonesia | metric customers")
        XCTAssertTrue(text.hasPrefix("""
            query
              cohort country=Indonesia | metric customers

            warnings
              <test>:1:24: warning: no country `Indonesia` in the data
            """), text)
        let defined = try remote.texts("let x = cohort country=Indonesia")
        XCTAssertTrue(defined.contains("warning: no country `Indonesia`"), "let on the engine: \(defined)")
    }
}
