import Foundation
import SiklusTestSupport
import XCTest

/// What a finished `siklus` process printed and returned.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built `siklus` executable, which sits next to the test bundle in the build directory.
enum SiklusBinary {
    /// The package's root directory (this file is `Tests/SiklusShellTests/ProcessSupport.swift`).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable: a sibling of the xctest bundle, else `.build/debug/siklus`.
    static func url() throws -> URL {
        let bundleDirectory = Bundle(for: ProcessMarker.self).bundleURL.deletingLastPathComponent()
        let candidates = [
            bundleDirectory.appendingPathComponent("siklus"),
            URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent().appendingPathComponent("siklus"),
            packageRoot.appendingPathComponent(".build/debug/siklus"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw MissingPrerequisite("the siklus executable is not built (looked in \(candidates.map(\.path)))")
        }
        return found
    }

    /// `datasets/demo`, which every checkout has.
    static func demoDirectory() throws -> URL {
        let demo = packageRoot.appendingPathComponent("datasets/demo")
        guard FileManager.default.fileExists(atPath: demo.appendingPathComponent("events.csv").path) else {
            throw MissingPrerequisite("datasets/demo/events.csv is missing from \(packageRoot.path)")
        }
        return demo
    }

    /// Runs `executable` (default: siklus) with `arguments`, feeding `stdin` (nil: /dev/null), and
    /// waits at most `timeout` seconds. Output goes through files, so a chatty child cannot block on a full pipe.
    ///
    /// Uses `posix_spawn` and `waitpid` rather than Foundation's `Process`, which on Linux waits until
    /// every inheritor of an internal socket has exited, and so never returns for `tmux`, whose
    /// server daemon inherits it.
    /// `stdoutPath` sends standard output to that file instead (e.g. `/dev/full`); `stdout` is then empty.
    /// `closedStdout` gives it a pipe whose reader is already gone (`siklus … | head` after head exited).
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                    executable: URL? = nil, timeout: TimeInterval = 30, stdoutPath: String? = nil,
                    closedStdout: Bool = false) throws -> ProcessResult {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("siklus-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outPath = scratch.appendingPathComponent("stdout").path, errPath = scratch.appendingPathComponent("stderr").path
        var inPath = "/dev/null"
        if let stdin {
            inPath = scratch.appendingPathComponent("stdin").path
            try stdin.write(toFile: inPath, atomically: true, encoding: .utf8)
        }

        let program = try (executable ?? url()).path
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        env["SIKLUS_DEMO"] = nil
        for (key, value) in environment { env[key] = value }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        var pipeEnds: [Int32] = [-1, -1]
        if closedStdout {
            guard pipe(&pipeEnds) == 0 else { throw NSError(domain: NSPOSIXErrorDomain, code: Int(errno)) }
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, stdoutPath ?? outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, envp)
        if closedStdout { close(pipeEnds[0]); close(pipeEnds[1]) }
        guard spawned == 0 else { throw NSError(domain: NSPOSIXErrorDomain, code: Int(spawned)) }
        var status: Int32 = 0
        if let finished = ChildProcess.wait(for: pid, timeout: timeout) {
            status = finished
        } else {
            XCTFail("\(program) \(arguments) did not finish within \(timeout) s")
            status = SIGKILL
        }
        let signal = status & 0x7F
        XCTAssertEqual(signal, 0, "\(program) \(arguments) was killed by signal \(signal)")
        return ProcessResult(status: (status >> 8) & 0xFF,
                             stdout: stdoutPath != nil || closedStdout ? "" : try String(contentsOfFile: outPath, encoding: .utf8),
                             stderr: try String(contentsOfFile: errPath, encoding: .utf8))
    }
}

private final class ProcessMarker {}
