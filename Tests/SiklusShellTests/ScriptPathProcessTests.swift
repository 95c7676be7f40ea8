import Foundation
import XCTest

/// Relative paths in a script file are read against the script's folder (`load`, `.read`, `.output`,
/// `.once`, `.export`, `| export`), so a script runs from any working directory; a script read with
/// `.read` uses its own folder. At the prompt, with `-c` and on stdin they are relative to the working directory.
final class ScriptPathProcessTests: TemporaryDirectoryTestCase {
    private func contents(_ name: String) -> String? {
        try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    /// `project/` holds the data and `main.sik`, which reads `sub/inner.sik`, which loads `../customers.csv`.
    private func writeProject() throws {
        try writeFile("customer_id,ts,event\nu1,2022-09-14,visit\nu2,2022-09-15,visit\nu3,2022-09-16,visit\n", to: "project/events.csv")
        try writeFile("customer_id,signup\nu1,2022-09-01\nu4,2022-09-02\n", to: "project/customers.csv")
        try writeFile("load customers \"../customers.csv\"\n.once \"inner-once.csv\"\ncohort | metric customers\n", to: "project/sub/inner.sik")
        try writeFile("""
            .mode csv
            load events "events.csv"
            .read sub/inner.sik
            events | metric events
            events | metric customers | export "exported.csv"
            .output results.csv
            events | metric events
            .output stdout
            .export last.csv

            """, to: "project/main.sik")
    }

    /// Standard output without load reports (a `loaded …` line and its indented lines), which are
    /// notes rather than results.
    private func results(_ stdout: String) -> String {
        var kept: [Substring] = [], inReport = false
        for line in stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("loaded ") { inReport = true; continue }
            if inReport, line.hasPrefix("  ") { continue }
            inReport = false
            kept.append(line)
        }
        return kept.joined(separator: "\n")
    }

    /// Runs siklus with `arguments` from the working directory `cwd`, through `/bin/sh`.
    private func run(in cwd: String, _ arguments: [String], stdin: String? = nil) throws -> ProcessResult {
        let quoted = ([try SiklusBinary.url().path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        return try SiklusBinary.run(["-c", "cd '\(cwd)' && exec " + quoted.joined(separator: " ")], stdin: stdin,
                                    executable: URL(fileURLWithPath: "/bin/sh"))
    }

    func testAScriptReadsItsPathsFromItsOwnFolder() throws {
        try writeProject()
        try writeFile("", to: "elsewhere/.keep")
        let result = try run(in: directory.appendingPathComponent("elsewhere").path, ["../project/main.sik"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(results(result.stdout), "events\n3\n")
        XCTAssertEqual(contents("project/sub/inner-once.csv"), "customers\n4\n", "`.once` in sub/inner.sik writes next to it")
        XCTAssertEqual(contents("project/exported.csv"), "customers\n3\n")
        XCTAssertEqual(contents("project/results.csv"), "events\n3\n")
        XCTAssertEqual(contents("project/last.csv"), "events\n3\n")
        XCTAssertNil(contents("elsewhere/results.csv"), "nothing is written in the working directory")
    }

    func testAtThePromptPathsAreRelativeToTheWorkingDirectory() throws {
        try writeProject()
        let project = directory.appendingPathComponent("project").path
        let command = try run(in: project, ["--mode", "csv", "-c", "load events \"events.csv\"; events | metric events\n.read sub/inner.sik"])
        XCTAssertEqual(command.status, 0, command.stderr)
        XCTAssertEqual(results(command.stdout), "events\n3\n")
        XCTAssertEqual(contents("project/sub/inner-once.csv"), "customers\n4\n", "a `.read` script still uses its own folder")
        let piped = try run(in: project, ["--mode", "csv"], stdin: "load events \"events.csv\"\nevents | metric customers\n")
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertEqual(results(piped.stdout), "customers\n3\n")
    }

    func testAFailedLoadInAScriptNamesTheFileItTried() throws {
        let script = try writeFile("load events \"missing.csv\"\n", to: "project/broken.sik")
        let result = try run(in: "/", [script])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains(directory.appendingPathComponent("project/missing.csv").path), result.stderr)
    }

    func testTheTourRunsFromAnotherDirectory() throws {
        let tour = try SiklusBinary.demoDirectory().appendingPathComponent("tour.sik").path
        let result = try run(in: directory.path, [tour])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stderr.contains("error"), result.stderr)
        XCTAssertTrue(result.stdout.contains("worked example: customer "), "the tour runs to its end")
    }
}
