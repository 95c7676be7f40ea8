import Foundation
import SiklusTestSupport
import XCTest

/// `ChildProcess.wait` must never report success for a child it could not wait for.
final class ChildProcessWaitTests: XCTestCase {
    func testAProcessThatIsNotAChildIsReportedAsFailed() {
        // pid 1 is never this process's child: waitpid fails with ECHILD.
        let status = ChildProcess.wait(for: 1, timeout: 1)
        XCTAssertEqual(status, ChildProcess.unwaitable)
        XCTAssertNotEqual(status, 0)
    }

    func testAnExitedChildGivesItsStatus() throws {
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup("exit 3"), nil]
        defer { argv.forEach { free($0) } }
        XCTAssertEqual(posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ), 0)
        let status = try XCTUnwrap(ChildProcess.wait(for: pid, timeout: 10))
        XCTAssertEqual((status >> 8) & 0xff, 3)
    }
}
