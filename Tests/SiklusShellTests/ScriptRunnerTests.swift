import Foundation
import SiklusEngine
import XCTest
@testable import SiklusShell

/// How input lines become chunks, and how scripts and the interactive loop run them.
final class ScriptRunnerTests: XCTestCase {
    private func chunks(_ text: String) -> [InputChunk] {
        var accumulator = StatementAccumulator(needsContinuation: Session().needsContinuation)
        var result: [InputChunk] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            result += accumulator.add(String(line), number: index + 1)
        }
        if let chunk = accumulator.finish() { result.append(chunk) }
        return result
    }

    func testLinesGroupIntoChunks() {
        XCTAssertEqual(chunks("cohort a |\n  metric b\n\n.mode csv\nhelp metrics;\nstages; stages\ncohort x \\\n  | metric y"), [
            .statements("cohort a |\n  metric b", firstLine: 1),
            .meta(".mode csv", line: 4),
            .help("help metrics;", line: 5),
            .statements("stages; stages", firstLine: 6),
            .statements("cohort x \\\n  | metric y", firstLine: 7),
        ])
    }

    func testAMetaCommandMayFollowASemicolonAndStatementsMayFollowIt() {
        XCTAssertEqual(chunks(".mode csv; cohort | metric customers"), [
            .meta(".mode csv", line: 1),
            .statements("           cohort | metric customers", firstLine: 1),
        ])
        XCTAssertEqual(chunks("load events \"a.csv\"; .mode csv;.timer on; stages; stages\n.mode json;"), [
            .statements("load events \"a.csv\";", firstLine: 1),
            .meta("                     .mode csv", line: 1),
            .meta("                               .timer on", line: 1),
            .statements(String(repeating: " ", count: 42) + "stages; stages", firstLine: 1),
            .meta(".mode json", line: 2),
        ])
    }

    func testASemicolonInsideQuotesOrACommentDoesNotSplit() {
        XCTAssertEqual(chunks(".output \"a;b.csv\"; stages"), [.meta(".output \"a;b.csv\"", line: 1), .statements("                   stages", firstLine: 1)])
        XCTAssertEqual(chunks(".output 'x"), [.meta(".output 'x", line: 1)])
        XCTAssertEqual(chunks("explain \"a; .b\""), [.statements("explain \"a; .b\"", firstLine: 1)])
        XCTAssertEqual(chunks("stages # then; .mode csv"), [.statements("stages # then; .mode csv", firstLine: 1)])
    }

    func testAMetaCommandAfterAContinuedStatementEndsIt() {
        XCTAssertEqual(chunks("cohort a |\n  metric b; .mode csv"), [
            .statements("cohort a |\n  metric b;", firstLine: 1),
            .meta("            .mode csv", line: 2),
        ])
    }

    func testAMetaLookingLineInsideAStatementIsPartOfIt() {
        XCTAssertEqual(chunks("cohort a |\n.mode csv"), [.statements("cohort a |\n.mode csv", firstLine: 1)])
    }

    func testUnfinishedStatementAtEndOfInputStillRuns() {
        XCTAssertEqual(chunks("cohort a |"), [.statements("cohort a |", firstLine: 1)])
    }

    func testHelpRequestsAreOnlyShortLines() {
        XCTAssertEqual(HelpRequest(line: "help")?.topic, .some(nil))
        XCTAssertEqual(HelpRequest(line: "  help  avg_order ;")?.topic, "avg_order")
        XCTAssertEqual(HelpRequest(line: "  help  avg_order ;")?.topicStart, 8)
        XCTAssertNil(HelpRequest(line: "help me please"))
        XCTAssertNil(HelpRequest(line: "helpful"))
    }

    func testShebangLineIsIgnoredButCounted() {
        let h = ShellHarness()
        XCTAssertEqual(h.run("#!/usr/bin/env siklus\nboom"), 1)
        XCTAssertTrue(h.err.text.hasPrefix("test.sik:2:1: error: cannot run `boom`"))
        XCTAssertEqual(h.executed, ["boom"])
    }

    func testContinuationLinesKeepTheirLineNumbers() {
        let h = ShellHarness()
        h.run("text\n\ntext |\n  boom")
        XCTAssertEqual(h.executed, ["text", "text |\n  boom"])
        XCTAssertTrue(h.err.text.hasPrefix("test.sik:3:1: error:"), h.err.text)
    }

    func testSecondStatementOnALineIsLocatedByColumn() {
        let h = ShellHarness()
        h.run("text;  boom")
        XCTAssertEqual(h.err.text, """
        test.sik:1:8: error: cannot run `boom`
          text;  boom
                 ^~~~
          help: try `table`

        """)
    }

    func testHelpWithoutTopicListsEveryStatementAndStep() throws {
        let h = ShellHarness()
        XCTAssertEqual(h.run("help"), 0)
        let overview = try XCTUnwrap(Session().help(nil), "help without a topic has an overview")
        XCTAssertEqual(h.out.text, overview + "\n")
        let lines = h.out.text.split(separator: "\n").map(String.init)
        func words(after label: String) -> Set<String> {
            guard let line = lines.first(where: { $0.hasPrefix(label) }) else { return [] }
            return Set(line.dropFirst(label.count).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        let vocabulary = Session().vocabulary
        XCTAssertEqual(words(after: "statements  "), Set(vocabulary.statements), h.out.text)
        XCTAssertEqual(words(after: "steps       "), Set(vocabulary.steps), h.out.text)
    }

    func testHelpForAKnownWordAndAMetaCommand() throws {
        let h = ShellHarness()
        XCTAssertEqual(h.run("help cohort\nhelp .mode"), 0)
        let cohort = try XCTUnwrap(Session().help("cohort"), "the catalog has help for cohort")
        XCTAssertTrue(cohort.hasPrefix("cohort: start from customers chosen by attribute"), cohort)
        XCTAssertTrue(cohort.contains("\n  syntax:  cohort ") && cohort.contains("\n  example: cohort "), cohort)
        XCTAssertTrue(h.out.text.hasPrefix(cohort + "\n"), "the shell prints the catalog's text first:\n\(h.out.text)")
        XCTAssertTrue(h.out.text.hasSuffix(".mode box|table|plain|csv|tsv|json|markdown|line [excel]\n  Set how results are printed (no argument: show the current mode); "
                                           + "`csv excel`: csv for a spreadsheet in the session's language\n"), h.out.text)
    }

    func testHelpForAnUnknownTopicSuggests() {
        let h = ShellHarness()
        XCTAssertEqual(h.run("help cohrot"), 1)
        XCTAssertEqual(h.err.text, """
        test.sik:1:6: error: no help for `cohrot`
          help cohrot
               ^~~~~~
          help: did you mean `cohort`?

        """)
    }

    func testInteractiveRunKeepsGoingAndInterruptDropsThePendingStatement() {
        struct Scripted: LineSource {
            var events: [InputEvent]
            var prompts: [Bool] = []
            mutating func nextLine(continuation: Bool) -> InputEvent {
                prompts.append(continuation)
                return events.isEmpty ? .end : events.removeFirst()
            }
        }
        let h = ShellHarness(interactive: true)
        var input = Scripted(events: [.line("boom"), .line("text |"), .interrupt, .line("text"), .line("table |"), .line(" x")])
        let summary = ScriptRunner(shell: h.shell, name: "<stdin>", interactive: true).run(&input)
        XCTAssertEqual(summary.failures, 2)
        XCTAssertEqual(summary.exitStatus, 1)
        XCTAssertEqual(h.executed, ["boom", "text", "table |\n x"])
        XCTAssertEqual(input.prompts, [false, false, true, false, false, true, false])
        XCTAssertTrue(h.err.text.contains("<stdin>:1:1: error: cannot run `table |\n x`"), "line numbers restart per statement")
    }

    func testCtrlCDuringAStatementSkipsTheRestOfTheLine() {
        let h = ShellHarness(interactive: true)
        let original = h.shell.runStatements
        h.shell.runStatements = { source, handler in
            ShellInterrupt.raise()
            original(source, handler)
        }
        var input = TextLineSource("text; text")
        _ = ScriptRunner(shell: h.shell, name: "<stdin>", interactive: true).run(&input)
        XCTAssertEqual(h.executed, ["text"])
        XCTAssertEqual(h.err.text, "interrupted\n")
        XCTAssertFalse(ShellInterrupt.isRaised)
    }

    /// A statement that Ctrl-C stopped reports its own cancellation ("cancelled: the query was stopped on
    /// PostgreSQL"); the loop used to add "interrupted" after it: two messages for one Ctrl-C.
    func testACancelledStatementPrintsOneMessage() {
        let h = ShellHarness(interactive: true)
        let original = h.shell.runStatements
        h.shell.runStatements = { source, handler in
            ShellInterrupt.raise()  // Ctrl-C while the engine ran the statement
            original(source, handler)
        }
        var input = TextLineSource("cancelled\ntext")
        _ = ScriptRunner(shell: h.shell, name: "<stdin>", interactive: true).run(&input)
        let lines = h.err.text.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.contains("|") }
        XCTAssertTrue(h.err.text.contains("error: cannot run `cancelled`"), h.err.text)
        XCTAssertEqual(h.executed, ["cancelled", "text"], "the prompt carries on")
        // The failed statement's error is the only message for its Ctrl-C; the Ctrl-C during `text`, which
        // succeeded, is still reported.
        XCTAssertEqual(lines.filter { $0 == "interrupted" }.count, 1, h.err.text)
        XCTAssertEqual(lines.last, "interrupted", h.err.text)
        XCTAssertFalse(ShellInterrupt.isRaised)
    }

    func testCtrlCStopsAScriptRunByRead() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("long.sik").path
        try "text\ntext\ntext\n".write(toFile: script, atomically: true, encoding: .utf8)
        let h = ShellHarness(interactive: true)
        let original = h.shell.runStatements
        h.shell.runStatements = { source, handler in
            original(source, handler)
            ShellInterrupt.raise()  // Ctrl-C while the first statement of the script ran
        }
        var input = TextLineSource(".read \(script)\n.bail")
        _ = ScriptRunner(shell: h.shell, name: "<stdin>", interactive: true).run(&input)
        XCTAssertEqual(h.executed, ["text"])
        XCTAssertEqual(h.err.text, "interrupted\n")
        XCTAssertTrue(h.out.text.hasSuffix("bail: on\n"), "the interactive loop carries on")
        XCTAssertFalse(ShellInterrupt.isRaised)
    }

    func testTextLineSourceSplitsLinesAndDropsCarriageReturns() {
        var source = TextLineSource("a\r\nb\n\nc\n")
        var lines: [InputEvent] = []
        while true {
            let event = source.nextLine(continuation: false)
            lines.append(event)
            if event == .end { break }
        }
        XCTAssertEqual(lines, [.line("a"), .line("b"), .line(""), .line("c"), .end])
    }
}
