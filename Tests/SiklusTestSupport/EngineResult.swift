import Foundation

/// What a test engine returned for one query: column names and rows of cells as text (numbers in
/// their shortest round-trip form, NULL as nil), or the engine's error message.
public struct EngineRows: Equatable, CustomStringConvertible {
    public var columns: [String]
    public var rows: [[String?]]

    public init(columns: [String], rows: [[String?]]) {
        self.columns = columns
        self.rows = rows
    }

    public var description: String { "\(columns) \(rows.map { $0.map { $0 ?? "NULL" } })" }
}

/// An engine's refusal of a query.
public struct EngineFailure: Error, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Runs a program to its end with a deadline, returning its status, stdout and stderr.
public enum TestProcess {
    /// posix_spawn and waitpid rather than Foundation's `Process`: a child that leaves a daemon behind
    /// (pg_ctl starting a server) must not keep the caller waiting.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                           directory: URL? = nil, timeout: TimeInterval = 600) throws -> (status: Int32, stdout: String, stderr: String) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("siklus-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        // Files, not pipes: a child that writes more than a pipe holds would block while we wait.
        let out = scratch.appendingPathComponent("out").path, err = scratch.appendingPathComponent("err").path
        // In `directory`: through a shell that changes to it, then becomes the program.
        let (executable, arguments) = directory.map { ("/bin/sh", ["-c", "cd \"$0\" && exec \"$@\"", $0.path, executable] + arguments) }
            ?? (executable, arguments)
        let env = ProcessInfo.processInfo.environment.merging(environment ?? [:]) { $1 }.map { "\($0.key)=\($0.value)" }
        let pid = try spawn([executable] + arguments, stdout: out, stderr: err, environment: env)
        guard let status = ChildProcess.wait(for: pid, timeout: timeout) else {
            throw EngineFailure("\(executable) ran past \(Int(timeout)) s")
        }
        let text = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exit, text(out), text(err))
    }

    /// Starts `argv` (`argv[0]` a path) with stdin from /dev/null, stdout to the file `stdout` and stderr to
    /// `stderr` (nil: the same file), under `environment` (nil: this process's); the caller waits for it with
    /// `ChildProcess.wait`. posix_spawn, not Foundation's `Process`: Process reaps its children on its own
    /// thread, so a waitpid of ours can lose the exit status, and a test hangs.
    public static func spawn(_ argv: [String], stdout: String, stderr: String? = nil, environment: [String]? = nil) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if let stderr {
            posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        let cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        let cEnvironment: [UnsafeMutablePointer<CChar>?]? = environment.map { $0.map { strdup($0) } + [nil] }
        defer { (cArguments + (cEnvironment ?? [])).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = cEnvironment.map { posix_spawn(&pid, argv[0], &actions, nil, cArguments, $0) }
            ?? posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ)
        guard spawned == 0 else { throw EngineFailure("cannot run \(argv[0]): \(String(cString: strerror(spawned)))") }
        return pid
    }

    /// The full path of `name` on `PATH`, or nil.
    public static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
