import Foundation
import SiklusEngine
import SiklusSQL
import SiklusTestSupport
import XCTest
@testable import SiklusShell

/// `.engine`, `.clear` while connected, and completion of `connect` and `load … table`.
final class EngineCommandTests: XCTestCase {
    private let out = CapturedOutput()
    private let err = CapturedOutput()
    private var opened: [FakeSQLEngine] = []

    /// A shell on a real session whose `connect` opens fake engines holding `tables`.
    private func shell(tables: [String: [SQLTableColumn]] = [:], interactive: Bool = false) -> Shell {
        let session = Session()
        session.engineConnector = { [unowned self] dialect, target throws(SQLEngineError) in
            let engine = FakeSQLEngine(dialect: dialect, summary: "\(dialect.displayName) at \(target)", tables: tables)
            opened.append(engine)
            return engine
        }
        return Shell(session: session, io: ShellIO(out: out, err: err), settings: ShellSettings(mode: .plain), isInteractive: interactive)
    }

    func testEngineShowsInMemoryThenTheConnectionAndItsTables() {
        let shell = shell(tables: ["sales.orders": [SQLTableColumn(name: "cust", type: .text), SQLTableColumn(name: "ts", type: .timestamp),
                                                    SQLTableColumn(name: "amount", type: .number)]])
        XCTAssertEqual(shell.runScript(".engine", name: "t.sik").exitStatus, 0)
        XCTAssertEqual(out.text, "in-memory (the loaded tables); `connect postgres \"…\"` or `connect spark` runs pipelines on an engine\n")

        var mark = out.text.count
        let script = """
        connect postgres "host=db"
        load events table "sales.orders" map customer=cust
        .engine
        """
        XCTAssertEqual(shell.runScript(script, name: "t.sik").exitStatus, 0, err.text)
        XCTAssertEqual(String(out.text.dropFirst(mark)), """
        PostgreSQL at host=db
          events: table sales.orders (3 columns; amount=amount customer=cust ts=ts); a transaction log: every row is a purchase
          customers: not bound
          spend: not bound

        """)
        XCTAssertTrue(err.text.contains("connected to PostgreSQL at host=db"), "notes go to stderr: \(err.text)")
        XCTAssertTrue(err.text.contains("bound events to sales.orders on PostgreSQL at host=db: 3 columns"), err.text)

        mark = out.text.count
        XCTAssertEqual(shell.runScript("disconnect\n.engine", name: "t.sik").exitStatus, 0)
        XCTAssertTrue(out.text.dropFirst(mark).hasPrefix("in-memory"), out.text)
        XCTAssertEqual(opened.map(\.isClosed), [true])
    }

    func testEngineIsInTheCommandTable() {
        let command = MetaCommands.named("engine")
        XCTAssertEqual(command?.argumentCount, 0...0)
        XCTAssertTrue(MetaCommands.helpText.contains(".engine"))
        let shell = shell()
        XCTAssertEqual(shell.runScript(".engine postgres", name: "t.sik").exitStatus, 1)
    }

    func testClearWhileConnectedUnbindsAndKeepsTheInMemoryTables() throws {
        let files = TestFiles()
        let local = files.write("e.csv", "customer_id,ts,event\nu1,2022-09-14,visit\n")
        let shell = shell(tables: ["t": [SQLTableColumn(name: "customer_id", type: .text), SQLTableColumn(name: "ts", type: .timestamp)]],
                          interactive: true)
        let script = #"load events "\#(local)"; connect spark; load events table "t""# + "\n.clear"
        XCTAssertEqual(shell.runScript(script, name: "t.sik").exitStatus, 0, err.text)
        XCTAssertTrue(err.text.contains("unbound events from t"), err.text)
        XCTAssertTrue(shell.session.engineStatus.bindings.isEmpty)
        XCTAssertEqual(shell.session.store.events.count, 1)
    }

    func testCompletionOffersEnginesAndTheTableWord() {
        let source = CompletionSource(vocabulary: Session().vocabulary, knownValues: { _ in [] },
                                      listDirectory: { _ in [("events.csv", false)] })
        func complete(_ line: String) -> Completion { Completer.complete(line: line, cursor: line.count, source: source) }
        XCTAssertEqual(complete("con").candidates, ["connect"])
        XCTAssertEqual(complete("dis").candidates, ["disconnect"])
        XCTAssertEqual(complete("connect ").candidates, ["postgres", "spark"])
        XCTAssertEqual(complete("connect sp"), Completion(context: .engine, word: "sp", candidates: ["spark"], suffix: " "))
        XCTAssertEqual(complete("load events t").candidates, ["table"])
        XCTAssertEqual(complete("load events t").context, .loadSource)
        XCTAssertEqual(complete("load events ").candidates, ["table"])
        XCTAssertEqual(complete(#"load events "e"#).candidates, ["events.csv"], "a file path still completes")
        XCTAssertEqual(complete(#"load events table "e"#).candidates, [], "an engine table is not a file")
        XCTAssertEqual(complete(#"connect postgres "e"#).candidates, [], "a connection string is not a file")
        XCTAssertEqual(complete("events | by t").context, .column, "`table` is offered only after `load <table>`")
    }
}
