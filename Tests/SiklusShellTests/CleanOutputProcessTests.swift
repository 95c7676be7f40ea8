import Foundation
import XCTest

/// The built binary keeps stdout for results: load reports, notes and confirmations go to stderr
/// (silenced by `-q`), so `--mode csv`/`json` output can be piped into another tool as is.
final class CleanOutputProcessTests: TemporaryDirectoryTestCase {
    /// A tiny event log: three customers, two purchases with amounts, one signup only.
    private var events: String!

    override func setUpWithError() throws {
        try super.setUpWithError()
        events = path("events.csv")
        try """
        customer_id,ts,event,amount
        c1,2024-01-03,signup,
        c1,2024-01-05,purchase,10.125
        c2,2024-01-04,signup,
        c2,2024-02-06,purchase,20
        c3,2024-02-07,signup,

        """.write(toFile: events, atomically: true, encoding: .utf8)
    }

    func testCSVOfALoadAndAQueryIsExactlyTheTable() throws {
        let result = try SiklusBinary.run(["--mode", "csv", "-c", "load events \"\(events!)\"; events | metric customers"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "customers\n3\n")
        XCTAssertTrue(result.stderr.contains("events.csv"), "the load report is on stderr: \(result.stderr)")
    }

    func testConfirmationsGoToStderrAndListingsToStdout() throws {
        let script = "load events \"\(events!)\"\nset period = week\nlet buyers = events | metric customers\nstage consideration += signup\nstages\nbuyers"
        let result = try SiklusBinary.run(["--mode", "csv", "-c", script])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("period = week"), result.stderr)
        XCTAssertTrue(result.stderr.contains("buyers = events | metric customers"), result.stderr)
        XCTAssertTrue(result.stdout.hasSuffix("customers\n3\n"), result.stdout)
        XCTAssertFalse(result.stdout.contains("period = week"), result.stdout)
        XCTAssertFalse(result.stdout.contains("buyers ="), result.stdout)
        // The edit's confirmation (the stage map) on stderr; `stages`, a listing asked for, on stdout once.
        let edited = "trial_start, signup"
        XCTAssertTrue(result.stderr.contains(edited), result.stderr)
        XCTAssertEqual(result.stdout.components(separatedBy: edited).count, 2, result.stdout)
    }

    func testQuietPrintsOnlyResults() throws {
        for flag in ["-q", "--quiet"] {
            let export = directory.appendingPathComponent("x.csv").path
            let result = try SiklusBinary.run([flag, "--mode", "csv", "-c",
                                               "load events \"\(events!)\"; set period = week; events | metric customers | export \"\(export)\"; events | metric customers"])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.stdout, "customers\n3\n", flag)
            XCTAssertEqual(result.stderr, "", "\(flag): no load report, confirmation or `wrote` line")
        }
        let errors = try SiklusBinary.run(["-q", "-c", "events | metric nonsense"])
        XCTAssertEqual(errors.status, 1)
        XCTAssertTrue(errors.stderr.contains("error:"), "errors are never silenced: \(errors.stderr)")
    }

    func testOutputFileReceivesResultsOnly() throws {
        let file = directory.appendingPathComponent("out.csv").path
        let script = ".mode csv\n.output \(file)\nload events \"\(events!)\"\nset period = week\nevents | metric customers\n.output stdout"
        let result = try SiklusBinary.run(["-c", script])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "customers\n3\n")
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("period = week"), result.stderr)
    }
}

extension CleanOutputProcessTests {
    func testJSONOfALoadAndTwoQueriesIsJSONLines() throws {
        let result = try SiklusBinary.run(["--mode", "json", "-c",
                                           "load events \"\(events!)\"; events | metric customers; events | by event | metric customers"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, result.stdout)
        let first = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [[String: Any]], result.stdout)
        XCTAssertEqual(first.map { ($0["customers"] as? NSNumber)?.intValue }, [3])
        let second = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [[String: Any]], result.stdout)
        XCTAssertEqual(Set(second.compactMap { $0["event"] as? String }), ["purchase", "signup"])
    }

    func testCSVOfTwoQueriesIsTwoTablesSeparatedByABlankLine() throws {
        let result = try SiklusBinary.run(["--mode", "csv", "-c", "load events \"\(events!)\"; events | metric customers; events | metric customers"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "customers\n3\n\ncustomers\n3\n")
    }
}

extension CleanOutputProcessTests {
    /// 10.125 + 20 of revenue: 30.13 to read, 30.125 as data.
    func testModesForReadingFormatNumbersAndCSVKeepsFullPrecision() throws {
        let query = "load events \"\(events!)\"\nevents | by event | metric customers, revenue"
        let plain = try SiklusBinary.run(["--mode", "plain", "-c", query])
        XCTAssertEqual(plain.stdout, "event     customers  revenue\npurchase          2    30.13\nsignup            3     0.00\n")
        let csv = try SiklusBinary.run(["--mode", "csv", "-c", query])
        XCTAssertEqual(csv.stdout, "event,customers,revenue\npurchase,2,30.125\nsignup,3,0\n")
    }

    func testMaxrowsCutsModesForReadingOnly() throws {
        let query = "load events \"\(events!)\"\n.maxrows 1\nevents | by event | metric customers"
        let plain = try SiklusBinary.run(["--mode", "plain", "-c", query])
        XCTAssertEqual(plain.stdout, "event     customers\npurchase          2\n… 1 row …\n")
        let csv = try SiklusBinary.run(["--mode", "csv", "-c", query])
        XCTAssertEqual(csv.stdout, "event,customers\npurchase,2\nsignup,3\n")
    }
}

extension CleanOutputProcessTests {
    func testCommandTextAcceptsDotCommandsAfterASemicolonAndOnTheirOwnLine() throws {
        let inline = try SiklusBinary.run(["-q", "-c", ".mode csv; load events \"\(events!)\"; events | metric customers; .mode json; events | metric customers"])
        XCTAssertEqual(inline.status, 0, inline.stderr)
        XCTAssertEqual(inline.stdout, "customers\n3\n[{\"customers\": 3}]\n")
        let ownLine = try SiklusBinary.run(["-q", "-c", "load events \"\(events!)\"\n.mode csv\nevents | metric customers"])
        XCTAssertEqual(ownLine.stdout, "customers\n3\n", ownLine.stderr)
    }

    func testErrorsAfterADotCommandOnTheSameLineKeepTheirColumns() throws {
        let result = try SiklusBinary.run(["-c", ".mode csv; .mdoe json"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("<command line>:1:12: error: unknown command `.mdoe`"), result.stderr)
        let statement = try SiklusBinary.run(["-c", ".mode csv; stagez"])
        XCTAssertEqual(statement.status, 1)
        XCTAssertTrue(statement.stderr.hasPrefix("<command line>:1:12: error:"), statement.stderr)
    }
}
