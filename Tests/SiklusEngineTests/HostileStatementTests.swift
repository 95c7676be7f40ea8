import Foundation
import SiklusTestSupport
import XCTest
@testable import SiklusEngine
import SiklusLanguage
import SiklusStore

/// Every hostile input of issue 10 run in a `Session`: nothing may crash or hang, and each statement that
/// fails leaves the loaded tables, variables, settings and stages exactly as they were. Each fixture runs in
/// a forked child, so a crash or hang fails only its own fixture instead of ending the test process.
final class HostileStatementTests: XCTestCase {
    func testFailingHostileStatementsChangeNothing() throws {
        let directory = try TestPaths.temporaryDirectory("hostile")
        defer { try? FileManager.default.removeItem(at: directory) }
        let fixtures = try HostileFixture.write(to: directory).filter { !$0.shellOnly }
        XCTAssertGreaterThanOrEqual(fixtures.count, 8)
        for fixture in fixtures {
            let report = directory.appendingPathComponent(fixture.name + ".report").path
            let end = Self.inChild(timeout: fixture.timeout) {
                Self.check(fixture, data: directory.appendingPathComponent("data").path, report: report)
            }
            let label = "\(fixture.name) (issue item \(fixture.issueItem))"
            switch end {
            case .exited(0):
                let problems = (try? String(contentsOfFile: report, encoding: .utf8)) ?? "no report written"
                XCTAssertEqual(problems, "", "\(label): \(problems)")
            case .exited(let status): XCTFail("\(label): the child exited with status \(status)")
            case .signaled(let signal): XCTFail("\(label): crashed with signal \(signal)")
            case .timedOut: XCTFail("\(label): hung for \(Int(fixture.timeout)) s")
            }
        }
    }

    /// Runs the fixture's statements on the base data with a variable defined, writing one line per failed
    /// statement that changed the session (empty: all is well) to `report`.
    private static func check(_ fixture: HostileFixture, data: String, report: String) {
        var problems = ""
        do {
            let session = Session()
            for table in [TableKind.customers, .events, .spend] {
                _ = try session.load(table, path: "\(data)/\(table.rawValue).csv")
            }
            if let failure = session.failure("let v = cohort by channel") { problems += "setup failed: \(failure.message)\n" }
            let source = SourceFile(name: fixture.name + ".sik", text: fixture.script)
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

    enum ChildEnd: Equatable { case exited(Int32), signaled(Int32), timedOut }

    /// Runs `body` in a forked child that exits right after it; the parent waits at most `timeout` seconds.
    /// The child's address space is capped at 4 GiB, so a runaway allocation fails fast instead of
    /// swallowing the machine's memory.
    static func inChild(timeout: TimeInterval, _ body: () -> Void) -> ChildEnd {
        let pid = fork()
        if pid == 0 {
            var limit = rlimit(rlim_cur: 4 << 30, rlim_max: 4 << 30)
            setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit)
            body()
            _exit(0)
        }
        guard pid > 0 else { return .exited(-1) }
        guard let status = ChildProcess.wait(for: pid, timeout: timeout) else { return .timedOut }
        return status & 0x7F != 0 ? .signaled(status & 0x7F) : .exited((status >> 8) & 0xFF)
    }
}
