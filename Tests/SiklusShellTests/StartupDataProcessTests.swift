import Foundation
import XCTest

/// The built `siklus` binary loading data named on the command line: `--events/--customers/--spend FILE`
/// (alone or with `--data DIR`) and `siklus data.csv`, which loads the file as events.
final class StartupDataProcessTests: TemporaryDirectoryTestCase {
    /// A `--data` directory with 2 customers, 3 events and 1 spend row under the standard names.
    private func writeDataDirectory() throws -> String {
        try writeFile("customer_id,signup,channel\nu1,2022-09-01,social\nu2,2022-09-02,search\n", to: "data/customers.csv")
        try writeFile("customer_id,ts,event,amount\nu1,2022-09-14,purchase,10\nu2,2022-09-15,purchase,20\nu2,2022-10-15,purchase,5\n",
                  to: "data/events.csv")
        try writeFile("date,channel,spend\n2022-09-01,social,100\n", to: "data/spend.csv")
        return directory.appendingPathComponent("data").path
    }

    /// Five events of three customers, one of them (u9) unknown to the directory's customers file.
    private let otherEvents = "customer_id,ts,event,amount\nu1,2022-09-14,purchase,1\nu1,2022-09-20,purchase,2\n"
        + "u2,2022-09-15,visit,\nu9,2022-09-16,purchase,4\nu9,2022-09-17,visit,\n"

    func testEventsFlagReplacesTheDirectorysEventsFile() throws {
        let data = try writeDataDirectory()
        let events = try writeFile(otherEvents, to: "other-events.csv")
        let result = try SiklusBinary.run(["--data", data, "--events", events, "--mode", "csv",
                                           "-c", "events | metric events, customers; cohort | metric customers"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "events,customers\n5,3\n\ncustomers\n3\n")
        XCTAssertTrue(result.stderr.contains("loaded events from other-events.csv: 5 rows"), "the named file's report: \(result.stderr)")
        XCTAssertFalse(result.stderr.contains("customers.csv"), "the directory's own files load quietly, as before")
    }

    func testTableFlagsWithoutADirectory() throws {
        _ = try writeDataDirectory()
        let result = try SiklusBinary.run(["--customers", directory.appendingPathComponent("data/customers.csv").path,
                                           "--spend", directory.appendingPathComponent("data/spend.csv").path,
                                           "--mode", "csv", "-c", ".tables"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("customers,2,"), result.stdout)
        XCTAssertTrue(result.stdout.contains("spend,1,"), result.stdout)
        XCTAssertTrue(result.stdout.contains("events,0"), "no events file was named: \(result.stdout)")
    }

    func testAMissingNamedFileFailsTheScript() throws {
        let data = try writeDataDirectory()
        let missing = directory.appendingPathComponent("nope.csv").path
        let result = try SiklusBinary.run(["--data", data, "--spend", missing, "-c", "events | metric events"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains(missing), result.stderr)
        XCTAssertEqual(result.stdout, "", "a script does not run on data that failed to load")
    }

    func testADataFileArgumentLoadsEventsAndRunsStdin() throws {
        let events = try writeFile(otherEvents, to: "orders.csv")
        let result = try SiklusBinary.run([events, "--mode", "csv"], stdin: "events | metric events, customers\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "events,customers\n5,3\n")
        XCTAssertTrue(result.stderr.hasPrefix("loaded events from orders.csv: 5 rows, 3 customers"), result.stderr)
    }

    func testDataFileKindsByNameAndBySniffing() throws {
        let tsv = otherEvents.replacingOccurrences(of: ",", with: "\t")
        let files = [
            ("orders.tsv", tsv), ("orders.TXT", otherEvents),
            ("export.dat", otherEvents),  // no data extension: CSV-shaped text is sniffed as data
            ("pipes", otherEvents.replacingOccurrences(of: ",", with: "|")),
        ]
        for (name, text) in files {
            let path = try writeFile(text, to: name)
            let result = try SiklusBinary.run([path, "--mode", "csv", "-c", "events | metric events"])
            XCTAssertEqual(result.status, 0, "\(name): \(result.stderr)")
            XCTAssertEqual(result.stdout, "events\n5\n", name)
        }
    }

    func testScriptsStayScripts() throws {
        let data = try writeDataDirectory()
        // No extension and a first line that is a statement (with a `|`): a script, as before.
        let query = try writeFile("events | metric events\n", to: "query")
        let sik = try writeFile("# a comment, with a comma\nevents | metric events\n", to: "report.sik")
        let comment = try writeFile("-- counts, per table\nevents | metric events\n", to: "report.q")
        for script in [query, sik, comment] {
            let result = try SiklusBinary.run(["--data", data, "--mode", "csv", script])
            XCTAssertEqual(result.status, 0, "\(script): \(result.stderr)")
            XCTAssertEqual(result.stdout, "events\n3\n", script)
        }
    }

    func testLoadReplaceReplacesTheTableInTheBinary() throws {
        let data = try writeDataDirectory()
        let other = try writeFile(otherEvents, to: "other.csv")
        let script = "load events \"\(other)\" replace\nevents | metric events, customers\ncohort | metric customers\n"
        let result = try SiklusBinary.run(["--data", data, "--mode", "csv"], stdin: script)
        XCTAssertEqual(result.status, 0, result.stderr)
        // 5 rows of u1, u2, u9 instead of the directory's 3 rows; u1, u2 (customers rows) and u9.
        // The load report goes to stderr: stdout holds the two results, a blank line apart.
        XCTAssertEqual(result.stdout, "events,customers\n5,3\n\ncustomers\n3\n")
    }

    func testADataFileAndEventsFlagTogetherIsAUsageError() throws {
        let events = try writeFile(otherEvents, to: "orders.csv")
        let result = try SiklusBinary.run([events, "--events", events, "-c", ".tables"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("give the events file once"), result.stderr)
        let both = try SiklusBinary.run(["-f", "a.sik", "b.sik"])
        XCTAssertNotEqual(both.status, 0)
        XCTAssertTrue(both.stderr.contains("give at most one of -c, -f and a script path"), both.stderr)
    }
}
