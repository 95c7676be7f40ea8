import Foundation
import XCTest

/// The built `siklus` binary: flags, script sources, exit statuses and error formatting.
final class ProcessTests: TemporaryDirectoryTestCase {
    func testVersion() throws {
        let result = try SiklusBinary.run(["--version"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, "siklus 0.1.0\n")
    }

    func testCommandRunsMetaCommandsAndPipedOutputDefaultsToPlain() throws {
        let result = try SiklusBinary.run(["-c", ".mode\n.timer on\n.timer"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "mode: plain\ntimer: on\n")
        XCTAssertEqual(result.stderr, "")
    }

    func testModeFlag() throws {
        let result = try SiklusBinary.run(["--mode", "csv", "-c", ".mode"])
        XCTAssertEqual(result.stdout, "mode: csv\n")
        let bad = try SiklusBinary.run(["--mode", "fancy", "-c", ".mode"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("fancy"), bad.stderr)
    }

    func testCommandErrorIsLocatedWithoutColourAndExitsOne() throws {
        let result = try SiklusBinary.run(["-c", ".mode csv\n.mdoe json"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, """
        <command line>:2:1: error: unknown command `.mdoe`
          .mdoe json
          ^~~~~
          help: did you mean `.mode`?

        """)
        XCTAssertFalse(result.stderr.contains("\u{1B}"))
    }

    func testFileFlagAndPositionalScriptReportErrorsInTheFile() throws {
        let path = try writeFile(".mode json\n.mode\n\n.bail maybe\n.mode\n", to: "bad.sik")
        for arguments in [["-f", path], [path]] {
            let result = try SiklusBinary.run(arguments)
            XCTAssertEqual(result.status, 1, "\(arguments)")
            XCTAssertEqual(result.stdout, "mode: json\n", "stopped at the error")
            XCTAssertTrue(result.stderr.hasPrefix("\(path):4:7: error: expected `on` or `off`, found `maybe`\n  .bail maybe\n        ^~~~~\n"), result.stderr)
        }
    }

    func testStdinPipeIsAScriptWithoutPromptsOrBanner() throws {
        let result = try SiklusBinary.run([], stdin: ".mode markdown\n.mode\n.frob\n")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "mode: markdown\n")
        XCTAssertTrue(result.stderr.hasPrefix("<stdin>:3:1: error: unknown command `.frob`"), result.stderr)
        XCTAssertFalse(result.stdout.contains("siklus>"))
    }

    func testEmptyStdinSucceeds() throws {
        let result = try SiklusBinary.run([])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout + result.stderr, "")
    }

    func testShebangScriptRunsDirectly() throws {
        let path = try writeFile("#!/usr/bin/env siklus\n.mode tsv\n.mode\n", to: "run.sik")
        XCTAssertEqual(chmod(path, 0o755), 0)
        let binaryDirectory = try SiklusBinary.url().deletingLastPathComponent().path
        let result = try SiklusBinary.run([], environment: ["PATH": binaryDirectory + ":/usr/bin:/bin"], executable: URL(fileURLWithPath: path))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "mode: tsv\n")
    }

    func testBailOffReportsEveryErrorAndExitsOne() throws {
        let path = try writeFile(".bail off\n.frob\n.mode\n.read nowhere.sik\n", to: "many.sik")
        let result = try SiklusBinary.run(["-f", path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "mode: plain\n")
        XCTAssertTrue(result.stderr.contains("\(path):2:1: error: unknown command `.frob`"))
        // `.read` in a script reads its path from the script's folder, and the error names the file it tried.
        XCTAssertTrue(result.stderr.contains("\(path):4:7: error: cannot open \(directory.path)/nowhere.sik: No such file or directory"),
                      result.stderr)
    }

    func testExitCode() throws {
        XCTAssertEqual(try SiklusBinary.run(["-c", ".exit 4"]).status, 4)
        XCTAssertEqual(try SiklusBinary.run(["-c", ".quit"]).status, 0)
    }

    func testReadLocatesErrorsInTheReadFile() throws {
        let inner = try writeFile(".mode csv\n.mode\n  .nope\n", to: "inner.sik")
        let result = try SiklusBinary.run(["-c", ".read '\(inner)'\n.mode json"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "mode: csv\n")
        XCTAssertTrue(result.stderr.hasPrefix("\(inner):3:3: error: unknown command `.nope`"), result.stderr)
    }

    func testMissingScriptFile() throws {
        let result = try SiklusBinary.run([directory.appendingPathComponent("missing.sik").path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "error: cannot open \(directory.appendingPathComponent("missing.sik").path): No such file or directory\n")
    }

    func testMalformedScriptsGiveLocatedErrorsAndNeverCrash() throws {
        let cases = [
            ("unknown.sik", ".mode csv\n.definitely_not_a_command\n", ":2:1: error: "),
            ("badpath.sik", ".read /no/such/dir/x.sik\n", ":1:7: error: cannot open /no/such/dir/x.sik"),
            ("unterminated.sik", "load events \"unterminated\n", ":1:"),
            ("quote.sik", ".output \"unterminated\n", ":1:9: error: unterminated quoted argument"),
            ("garbage.sik", "\u{01}\u{7F}((((]]]] | | |\n\u{FFFD}", ":"),
        ]
        for (name, text, expected) in cases {
            let path = try writeFile(text, to: name)
            let result = try SiklusBinary.run([path])
            XCTAssertEqual(result.status, 1, name)
            XCTAssertTrue(result.stderr.hasPrefix(path + expected), "\(name): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("\n  "), "\(name) shows the source line")
        }
    }

    func testConflictingScriptSourcesAreAUsageError() throws {
        let result = try SiklusBinary.run(["-c", ".mode", "script.sik"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("give at most one of -c, -f and a script path"), result.stderr)
    }

    func testEveryCommandFlagRunsInOrder() throws {
        // A second -c used to replace the first without a word: the variable it defines was never made.
        let data = ["--data", try SiklusBinary.demoDirectory().path]
        let ok = try SiklusBinary.run(data + ["--mode", "csv", "-c", "let buyers = events | metric customers", "-c", "buyers"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertEqual(ok.stdout, "customers\n5000\n")
        // Each -c is a line of the script: an error names its flag's line, and stops the rest.
        let failed = try SiklusBinary.run(data + ["-c", ".mode csv", "-c", "evnts | metric customers", "-c", "events | metric customers"])
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.stderr.hasPrefix("<command line>:2:1: error: unknown statement or variable `evnts`"), failed.stderr)
        XCTAssertEqual(failed.stdout, "")
    }

    func testMissingDataDirectoryFailsAScript() throws {
        let result = try SiklusBinary.run(["--data", directory.appendingPathComponent("none").path, "-c", ".mode"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("error: no customers.csv, events.csv or spend.csv in"), result.stderr)
        XCTAssertEqual(result.stdout, "", "a script does not run on data that failed to load")
    }

    func testStatementOutputGoesToStdout() throws {
        let result = try SiklusBinary.run(["-c", "stages"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stdout.isEmpty)
        XCTAssertEqual(result.stderr, "")
    }

    func testDemoQueryAsCSV() throws {
        let demo = try SiklusBinary.demoDirectory()
        let result = try SiklusBinary.run(["--data", demo.path, "--mode", "csv", "-c", "cohort signup=2022-09 | metric avg_order"])
        XCTAssertEqual(result.status, 0, result.stderr)
        // One group (no `by`), so the CSV is the header and one full-precision value.
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first, "avg_order", result.stdout)
        XCTAssertEqual(lines.count, 2, result.stdout)
        XCTAssertEqual(Double(lines.last ?? "") ?? 0, 44.711413, accuracy: 1e-6)
        XCTAssertFalse(result.stdout.contains("│"))
    }

    func testAFailedExportFailsTheScript() throws {
        let demo = try SiklusBinary.demoDirectory()
        let missing = try SiklusBinary.run(["--data", demo.path, "-c", "cohort by channel | metric customers | export \"/nonexistent-dir/x.csv\""])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("error: cannot export: cannot open /nonexistent-dir/x.csv"), missing.stderr)
        // Located at the export step (column 40), with the caret under it.
        XCTAssertTrue(missing.stderr.hasPrefix("<command line>:1:40: error: cannot export"), missing.stderr)
        // A device that is always full: the write itself fails, and must not be reported as written.
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let link = FileManager.default.temporaryDirectory.appendingPathComponent("siklus-full-\(UUID().uuidString).csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/full")
        defer { try? FileManager.default.removeItem(atPath: link) }
        let full = try SiklusBinary.run(["--data", demo.path, "-c", "cohort by channel | metric customers | export \"\(link)\""])
        XCTAssertEqual(full.status, 1)
        XCTAssertTrue(full.stderr.contains("No space left on device"), full.stderr)
        XCTAssertFalse(full.stderr.contains("wrote"), full.stderr)
    }
}
