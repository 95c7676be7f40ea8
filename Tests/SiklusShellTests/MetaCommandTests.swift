import SiklusEngine
import XCTest
@testable import SiklusShell

/// Meta-commands that change settings or show information, run in-process.
final class MetaCommandTests: XCTestCase {
    func testHelpListsEveryCommandFromTheTable() {
        let h = ShellHarness()
        XCTAssertEqual(h.run(".help"), 0)
        for command in MetaCommands.all {
            // A usage wider than the column ends its line; its help follows on the next.
            XCTAssertTrue(h.out.text.contains(command.usage + " ") || h.out.text.contains(command.usage + "\n"), command.name)
            XCTAssertTrue(h.out.text.contains(command.help), command.name)
        }
        XCTAssertTrue(h.out.text.contains(".mode box|table|plain|csv|tsv|json|markdown|line"))
        XCTAssertTrue(h.out.text.contains("\n.timer [on|off]           Show how long"), "short usages share one column")
    }

    func testHelpForOneCommand() {
        let h = ShellHarness()
        XCTAssertEqual(h.run(".help .once"), 0)
        XCTAssertEqual(h.out.text, ".once FILE\n  Send the results of the next query statement only to FILE (dot-commands still print here)\n")
    }

    func testHelpForAnUnknownCommandSuggestsOne() {
        let h = ShellHarness()
        XCTAssertEqual(h.run(".help tabels"), 1)
        XCTAssertEqual(h.err.text, """
        test.sik:1:7: error: unknown command `.tabels`
          .help tabels
                ^~~~~~
          help: did you mean `.tables`?

        """)
    }

    func testUnknownMetaCommandIsLocatedWithSuggestion() {
        let h = ShellHarness()
        XCTAssertEqual(h.run(".timer on\n.mdoe csv\n.mode csv"), 1)
        XCTAssertEqual(h.err.text, """
        test.sik:2:1: error: unknown command `.mdoe`
          .mdoe csv
          ^~~~~
          help: did you mean `.mode`?

        """)
        XCTAssertEqual(h.shell.settings.mode, .box, "the script stopped at the error")
    }

    func testUnknownMetaCommandWithNothingCloseSuggestsHelp() {
        let h = ShellHarness()
        h.run("  .frobnicate")
        XCTAssertEqual(h.err.text, """
        test.sik:1:3: error: unknown command `.frobnicate`
            .frobnicate
            ^~~~~~~~~~~
          help: type .help to list the commands

        """)
    }

    func testModeSwitchingChangesHowResultsPrint() {
        let h = ShellHarness()
        XCTAssertEqual(h.run(".mode csv\ntable\n.mode json\ntable\n.mode\n.mode LINE\n.mode"), 0)
        let csv = OutputMode.csv.renderer.render(Samples.cohorts, options: RenderOptions())
        let json = OutputMode.json.renderer.render(Samples.cohorts, options: RenderOptions())
        XCTAssertEqual(h.out.text, csv + json + "mode: json\nmode: line\n")
        XCTAssertEqual(h.err.text, "")
    }

    func testUnknownModeSuggestsAndListsModes() {
        let h = ShellHarness()
        XCTAssertEqual(h.run(".mode boxx"), 1)
        XCTAssertEqual(h.err.text, """
        test.sik:1:7: error: unknown output mode `boxx`
          .mode boxx
                ^~~~
          help: did you mean `box`?
          help: modes: box, table, plain, csv, tsv, json, markdown, line

        """)
    }

    func testTooManyArgumentsAreUnderlined() {
        let h = ShellHarness()
        XCTAssertEqual(h.run(".mode csv excel json box"), 1)
        XCTAssertEqual(h.err.text, """
        test.sik:1:17: error: `.mode` takes at most 2 arguments
          .mode csv excel json box
                          ^~~~~~~~
          help: usage: .mode box|table|plain|csv|tsv|json|markdown|line [excel]

        """)
    }

    func testMissingArgumentPointsWhereItShouldBe() {
        let h = ShellHarness()
        XCTAssertEqual(h.run(".once"), 1)
        XCTAssertEqual(h.err.text, """
        test.sik:1:6: error: `.once` needs FILE
          .once
               ^
          help: usage: .once FILE

        """)
    }

    func testTimerAddsTimeToTheFooterOrToStderr() {
        let h = ShellHarness()
        XCTAssertEqual(h.run(".timer on\ntable\n.timer\n.mode csv\ntable\n.timer off\ntable"), 0)
        XCTAssertTrue(h.out.text.contains(#/3 rows · [0-9.]+ (ms|s)\n/#), h.out.text)
        XCTAssertTrue(h.out.text.contains("timer: on\n"))
        XCTAssertNotNil(h.err.text.wholeMatch(of: #/time: [0-9.]+ (ms|s)\n/#), h.err.text)
    }

    func testTimerTimesChartsAndTextOnStderr() {
        let h = ShellHarness()
        XCTAssertEqual(h.run(".timer on\nplot\ntext\n.timer off\nplot"), 0)
        // (This sample has no chart form: the shell notes that and shows the table; the timing stays.)
        XCTAssertEqual(h.err.text.matches(of: #/(?m)^time: [0-9.]+ (ms|s)$/#).count, 2, h.err.text)
        XCTAssertFalse(h.out.text.contains("time:"), "stdout (the chart, the text) is unchanged")
    }

    func testTimerRejectsOtherWords() {
        let h = ShellHarness()
        XCTAssertEqual(h.run(".timer maybe"), 1)
        XCTAssertTrue(h.err.text.hasPrefix("test.sik:1:8: error: expected `on` or `off`, found `maybe`\n"))
    }

    func testBailOnStopsAtTheFirstError() {
        let h = ShellHarness()
        XCTAssertEqual(h.run("table\nboom\ntext"), 1)
        XCTAssertEqual(h.executed, ["table", "boom"])
        XCTAssertEqual(h.err.text, """
        test.sik:2:1: error: cannot run `boom`
          boom
          ^~~~
          help: try `table`

        """)
    }

    func testBailOffRunsEverythingAndStillFails() {
        let h = ShellHarness()
        XCTAssertEqual(h.run(".bail off\nboom\ntext; bang; text\n.bail"), 1)
        XCTAssertEqual(h.executed, ["boom", "text", "bang", "text"])
        XCTAssertTrue(h.err.text.contains("test.sik:3:7: error: cannot run `bang`"))
        XCTAssertTrue(h.out.text.hasSuffix("some text\n\nsome text\nbail: off\n"), h.out.text)
    }

    func testBailOnSkipsTheRestOfTheLine() {
        let h = ShellHarness()
        XCTAssertEqual(h.run("text; bang; text"), 1)
        XCTAssertEqual(h.executed, ["text", "bang"])
    }

    func testSuccessfulScriptExitsZero() {
        let h = ShellHarness()
        XCTAssertEqual(h.run("table\ntext\n.bail on"), 0)
        XCTAssertEqual(h.err.text, "")
    }

    func testQuitStopsTheScript() {
        let h = ShellHarness()
        let summary = h.shell.runScript("text\n.quit\ntext", name: "q.sik")
        XCTAssertEqual(summary, RunSummary(failures: 0, quitStatus: 0))
        XCTAssertEqual(h.executed, ["text"])
    }

    func testExitWithCode() {
        let h = ShellHarness()
        XCTAssertEqual(h.run(".exit 3\ntext"), 3)
        XCTAssertEqual(h.executed, [])
        let bad = ShellHarness()
        XCTAssertEqual(bad.run(".exit soon"), 1)
        XCTAssertTrue(bad.err.text.contains("error: expected an exit status from 0 to 255, found `soon`"))
    }

    func testHistoryListsTheSuppliedLines() {
        let h = ShellHarness()
        h.shell.history = { (1...10).map { "line \($0)" } }
        h.run(".history")
        XCTAssertTrue(h.out.text.hasPrefix(" 1  line 1\n 2  line 2\n"))
        XCTAssertTrue(h.out.text.hasSuffix("10  line 10\n"))
    }

    func testTablesListsAllThreeTables() {
        let h = ShellHarness(mode: .plain)
        XCTAssertEqual(h.run(".tables"), 0)
        XCTAssertEqual(h.out.text, """
        table      rows  files
        events        0
        customers     0
        spend         0

        """)
    }

    func testSchemaWithNothingLoadedSaysHowToLoad() {
        let h = ShellHarness()
        XCTAssertEqual(h.run(".schema\n.schema spend"), 0)
        XCTAssertEqual(h.out.text, "", "a note, on stderr")
        XCTAssertEqual(h.err.text, """
        no table is loaded yet; use `load events "file.csv"` or --data DIR
        table spend is not loaded yet; use `load spend "file.csv"` or --data DIR

        """)
    }

    func testSchemaOfAnUnknownTableSuggests() {
        let h = ShellHarness()
        XCTAssertEqual(h.run(".schema evnts"), 1)
        XCTAssertEqual(h.err.text, """
        test.sik:1:9: error: unknown table `evnts`
          .schema evnts
                  ^~~~~
          help: did you mean `events`?

        """)
    }

    func testUnterminatedQuoteInAMetaCommand() {
        let h = ShellHarness()
        XCTAssertEqual(h.run(#".output "never closed"#), 1)
        XCTAssertEqual(h.err.text, """
        test.sik:1:9: error: unterminated quoted argument
          .output "never closed
                  ^~~~~~~~~~~~~
          help: close it with "

        """)
    }

    func testInteractiveShellConfirmsAndKeepsGoingAfterErrors() throws {
        let h = ShellHarness(interactive: true)
        var input = TextLineSource(".mdoe\n.mode csv\ntext")
        let summary = ScriptRunner(shell: h.shell, name: "<stdin>", interactive: true).run(&input)
        XCTAssertEqual(summary.failures, 1)
        XCTAssertEqual(h.shell.settings.mode, .csv)
        XCTAssertEqual(h.executed, ["text"])
    }
}
