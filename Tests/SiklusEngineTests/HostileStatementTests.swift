import Foundation
import SiklusTestSupport
import XCTest
@testable import SiklusEngine
import SiklusLanguage
import SiklusStore

/// Every hostile input of issue 10 run in a `Session`: nothing may crash or hang, and each statement that
/// fails leaves the loaded tables, variables, settings and stages exactly as they were. Each fixture runs in
/// a child process, so a crash or hang fails only its own fixture instead of ending the test process.
///
/// The child is this test bundle started again with this test alone, told by `childVariable` which fixture
/// to check: a fresh process, not a `fork()` of this one. A forked child inherits every lock another thread
/// of the test process held at that instant (the shared Spark session's reader, a worker of a parallel
/// scan, the Swift runtime's caches) and, running a whole session, could wait on one forever.
final class HostileStatementTests: XCTestCase {
    /// In the child: "name<TAB>script file<TAB>data directory<TAB>report file".
    static let childVariable = "SIKLUS_HOSTILE_STATEMENT_CHILD"
    private static let thisTest = "SiklusEngineTests.HostileStatementTests/testFailingHostileStatementsChangeNothing"

    func testFailingHostileStatementsChangeNothing() throws {
        if let job = ProcessInfo.processInfo.environment[Self.childVariable] { Self.runChild(job) }
        let directory = try TestPaths.temporaryDirectory("hostile")
        defer { try? FileManager.default.removeItem(at: directory) }
        let fixtures = try HostileFixture.write(to: directory).filter { !$0.shellOnly }
        XCTAssertGreaterThanOrEqual(fixtures.count, 8)
        for fixture in fixtures {
            let script = directory.appendingPathComponent(fixture.name + ".sik").path
            let report = directory.appendingPathComponent(fixture.name + ".report").path
            try fixture.script.write(toFile: script, atomically: true, encoding: .utf8)
            let job = [fixture.name, script, directory.appendingPathComponent("data").path, report].joined(separator: "\t")
            let label = "\(fixture.name) (issue item \(fixture.issueItem))"
            let result: (status: Int32, stdout: String, stderr: String)
            do {
                // This test bundle's own executable (the XCTest runner on Linux), as siklus-fuzz starts its workers.
                result = try TestProcess.run("/proc/self/exe", [Self.thisTest], environment: [Self.childVariable: job], timeout: fixture.timeout)
            } catch {
                // Past the fixture's time ("… ran past 20 s": a hang), or the child could not be started.
                XCTFail("\(label): \(error)")
                continue
            }
            switch result.status {
            case 0:
                let problems = (try? String(contentsOfFile: report, encoding: .utf8)) ?? "no report written"
                XCTAssertEqual(problems, "", "\(label): \(problems)")
            case 129...:
                XCTFail("\(label): crashed with signal \(result.status - 128): \(result.stderr.suffix(2_000))")
            default:
                XCTFail("\(label): the child exited with status \(result.status): \(result.stderr.suffix(2_000))")
            }
        }
    }

    /// The child's whole run: checks one fixture, writes its report and exits without returning to XCTest.
    /// Its address space is capped at 4 GiB, so a runaway allocation fails fast instead of swallowing the
    /// machine's memory.
    private static func runChild(_ job: String) -> Never {
        let fields = job.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 4, let script = try? String(contentsOfFile: fields[1], encoding: .utf8) else {
            FileHandle.standardError.write(Data("bad \(childVariable): \(job)\n".utf8))
            _exit(3)
        }
        var limit = rlimit(rlim_cur: 4 << 30, rlim_max: 4 << 30)
        setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit)
        check(name: fields[0], script: script, data: fields[2], report: fields[3])
        _exit(0)
    }

    /// Runs the fixture's statements on the base data with a variable defined, writing one line per failed
    /// statement that changed the session (empty: all is well) to `report`.
    private static func check(name: String, script: String, data: String, report: String) {
        var problems = ""
        do {
            let session = Session()
            for table in [TableKind.customers, .events, .spend] {
                _ = try session.load(table, path: "\(data)/\(table.rawValue).csv")
            }
            if let failure = session.failure("let v = cohort by channel") { problems += "setup failed: \(failure.message)\n" }
            let source = SourceFile(name: name + ".sik", text: script)
            var before = EvaluatorFuzzTests.State(session)
            session.run(source) { outcome in
                let after = EvaluatorFuzzTests.State(session)
                if case .failure(let diagnostic) = outcome, after != before {
                    problems += "a failed statement changed the session: \(diagnostic.render(in: source))\n"
                }
                before = after
                return true
            }
        } catch {
            problems += "setup failed: \(error)\n"
        }
        _ = FileManager.default.createFile(atPath: report, contents: Data(problems.utf8))
    }
}
