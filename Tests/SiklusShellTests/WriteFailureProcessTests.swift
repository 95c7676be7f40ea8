import Foundation
import XCTest

/// The built binary when its output cannot be written: a full disk is an error and a non-zero exit, a
/// closed pipe on stdout ends the run quietly with 141 (as `cat` would under `set -o pipefail`).
final class WriteFailureProcessTests: XCTestCase {
    private func requireDevFull() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("needs /dev/full") }
    }

    func testStandardOutputOnAFullDiskFailsOnce() throws {
        try requireDevFull()
        let result = try SiklusBinary.run(["-c", ".bail off\n.mode\n.mode\n.mode"], stdoutPath: "/dev/full")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "error: cannot write standard output: No space left on device; the results are incomplete\n")
    }

    func testOutputToAFullDiskIsALocatedError() throws {
        try requireDevFull()
        let result = try SiklusBinary.run(["-c", ".output /dev/full\n.mode"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("<command line>:2:1: error: cannot write /dev/full: No space left on device"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    func testHelpToAFullDiskFails() throws {
        try requireDevFull()
        let result = try SiklusBinary.run(["-c", ".output /dev/full\nhelp"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("<command line>:2:1: error: cannot write /dev/full: No space left on device"), result.stderr)
    }

    func testAClosedPipeOnStandardOutputEndsTheRunQuietly() throws {
        // Many lines, so the run would go on long after the reader left; the harness asserts no signal.
        let script = Array(repeating: ".mode", count: 500).joined(separator: "\n") + "\n.bail maybe"
        let result = try SiklusBinary.run(["-c", script], closedStdout: true)
        XCTAssertEqual(result.status, 141)
        XCTAssertEqual(result.stderr, "", "the `.bail maybe` error is never reached, and EPIPE is not reported")
    }
}
