import Foundation
import SiklusTestSupport
import XCTest

/// Every hostile input of issue 10 through the real `siklus` binary: the process must end by itself (no
/// signal, no timeout) whatever the input. Each fixture is a script run with `.bail off` on a small data set.
final class HostileInputProcessTests: TemporaryDirectoryTestCase {
    func testNoHostileInputKillsOrHangsTheProcess() throws {
        let fixtures = try HostileFixture.write(to: directory)
        for fixture in fixtures {
            let script = directory.appendingPathComponent(fixture.name + ".sik").path
            try (".bail off\n" + fixture.script + "\n").write(toFile: script, atomically: true, encoding: .utf8)
            // `run` fails the test when the process is killed by a signal or outlives the timeout. The shell caps
            // siklus's address space at 4 GiB, so a runaway allocation fails fast instead of filling memory.
            let siklus = try SiklusBinary.url().path
            let result = try SiklusBinary.run(["-c", "ulimit -v 4194304 && exec \"$0\" \"$@\"", siklus,
                                               "--data", directory.appendingPathComponent("data").path, script],
                                              executable: URL(fileURLWithPath: "/bin/sh"), timeout: fixture.timeout)
            XCTAssertLessThan(result.status, 2, "\(fixture.name) (item \(fixture.issueItem)) ends with status 0 or 1, not a crash: \(result.stderr.suffix(2_000))")
            if fixture.name == "output-dev-full" {
                XCTAssertEqual(result.status, 1, "a write to a full disk is an error (item 15): \(result.stderr)")
            }
        }
    }

    /// A file truncated while it loads must give an error, never SIGBUS (item 3). The truncation happens
    /// after a few different delays, since how far the load got is up to the scheduler.
    func testTruncatingAFileWhileItLoadsIsNotASignal() throws {
        let file = directory.appendingPathComponent("shrinking.csv")
        let block = Data(HostileFixture.rows(2_000).utf8)
        let header = block.firstIndex(of: 0x0A).map { $0 + 1 } ?? 0
        XCTAssertTrue(FileManager.default.createFile(atPath: file.path, contents: block))
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        for _ in 0..<250 { try handle.write(contentsOf: block[header...]) }  // about 20 MB
        try handle.close()
        let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? 0
        for delay in [50_000, 200_000, 500_000] as [useconds_t] {
            guard truncate(file.path, off_t(size)) == 0 else { return XCTFail("cannot restore \(file.path)") }
            let pid = try spawnSiklus(["--no-demo", "-c", "load events \"\(file.path)\""])
            usleep(delay)
            XCTAssertEqual(truncate(file.path, 4_096), 0)
            let status = ChildProcess.wait(for: pid, timeout: 60)
            XCTAssertNotNil(status, "the load of a truncated file hung (truncated after \(delay / 1_000) ms)")
            if let status {
                XCTAssertEqual(status & 0x7F, 0, "killed by signal \(status & 0x7F) when truncated after \(delay / 1_000) ms")
            }
        }
    }

    private func spawnSiklus(_ arguments: [String]) throws -> pid_t {
        let program = try SiklusBinary.url().path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0) }
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, environ)
        guard spawned == 0 else { throw NSError(domain: NSPOSIXErrorDomain, code: Int(spawned)) }
        return pid
    }
}
