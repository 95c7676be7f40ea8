import Foundation

/// Runs workers for each target until the time is up, restarting one after each crash, hang or broken
/// promise, and saves every such input under `OUT/findings/` with what happened and how to reproduce it.
struct Supervisor {
    let options: FuzzOptions
    /// Distinct findings (by crash signature), and how many inputs repeated one.
    private(set) var findings = 0
    private(set) var repeats = 0
    /// Crash signature → the input saved for it, so a repeat prints one line and is not kept.
    private var seen: [String: String] = [:]
    private static let maxFindings = 20, maxRepeats = 200

    init(options: FuzzOptions) { self.options = options }

    /// Fuzzes every target for its share of the time; returns how many inputs ran per target.
    mutating func run() throws -> [(FuzzOptions.Target, Int)] {
        // Findings of an earlier run would read as this run's.
        try? FileManager.default.removeItem(atPath: options.out + "/findings")
        try FileManager.default.createDirectory(atPath: options.out + "/findings", withIntermediateDirectories: true)
        var counts: [(FuzzOptions.Target, Int)] = []
        let share = options.seconds / Double(options.targets.count)
        for target in options.targets {
            let deadline = Date().timeIntervalSince1970 + share
            let files = WorkerFiles(out: options.out, target: target, fileExtension: target == .csv ? "csv" : "sik")
            var next = 0
            while Date().timeIntervalSince1970 < deadline, findings < Self.maxFindings, repeats < Self.maxRepeats {
                try? FileManager.default.removeItem(atPath: files.index)
                let (end, stderr) = try runWorker(target, first: next, until: deadline, files: files)
                let last = files.lastIndex() ?? next - 1
                if case .finished = end { next = last + 1; break }
                try save(target, index: last, files: files, end: end, stderr: stderr)
                next = last + 1
            }
            counts.append((target, next))
        }
        return counts
    }

    enum WorkerEnd {
        case finished, broke, crashed(signal: Int32), hung, failed(status: Int32)
    }

    /// Starts a worker and watches it: an input that makes no progress for `hangSeconds` is a hang.
    private func runWorker(_ target: FuzzOptions.Target, first: Int, until: Double, files: WorkerFiles) throws -> (WorkerEnd, String) {
        let errPath = "\(options.out)/worker-\(target.rawValue).stderr"
        let arguments = ["siklus-fuzz", "--worker", "--target", target.rawValue, "--seed", String(options.seed),
                         "--first", String(first), "--until", String(until), "--corpus", options.corpus, "--out", options.out]
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=yes,interactive=no,color=no"
        let pid = try spawn("/proc/self/exe", arguments, environment: environment, stderr: errPath)
        var status: Int32 = 0
        var seen = files.lastIndex(), changed = Date()
        var end = WorkerEnd.finished
        while waitpid(pid, &status, WNOHANG) == 0 {
            usleep(20_000)
            let now = files.lastIndex()
            if now != seen { seen = now; changed = Date(); continue }
            if Date().timeIntervalSince(changed) > options.hangSeconds {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                end = .hung
                break
            }
        }
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        if case .hung = end { return (end, stderr) }
        let signal = status & 0x7F, exitStatus = (status >> 8) & 0xFF
        if signal != 0 { end = .crashed(signal: signal) } else if exitStatus == 3 { end = .broke } else if exitStatus != 0 { end = .failed(status: exitStatus) }
        return (end, stderr)
    }

    /// Keeps the input that ended a worker and prints what happened.
    private mutating func save(_ target: FuzzOptions.Target, index: Int, files: WorkerFiles, end: WorkerEnd, stderr: String) throws {
        let crash = CrashReport(stderr: stderr)
        if let first = seen[crash.signature] {
            repeats += 1
            if repeats <= 3 { print("input #\(index) of \(target.rawValue) ends the same way as \(first) (repeats are not kept)") }
            return
        }
        findings += 1
        let ext = target == .csv ? "csv" : "sik"
        let saved = "\(options.out)/findings/\(target.rawValue)-\(options.seed)-\(index).\(ext)"
        seen[crash.signature] = saved
        try? FileManager.default.removeItem(atPath: saved)
        try FileManager.default.copyItem(atPath: files.input, toPath: saved)
        let what: String
        switch end {
        case .crashed(let signal): what = "CRASH (signal \(signal))"
        case .hung: what = "HANG (no progress for \(Int(options.hangSeconds)) s)"
        case .broke: what = "BROKEN PROMISE"
        case .failed(let status): what = "WORKER FAILED (exit \(status))"
        case .finished: what = "?"
        }
        if case .crashed = end, let smaller = Minimizer.minimize(saved, target: target, options: options, index: index) {
            _ = FileManager.default.createFile(atPath: saved, contents: Data(smaller))
        }
        let input = (try? Data(contentsOf: URL(fileURLWithPath: saved))) ?? Data()
        let shown = String(decoding: input.prefix(600), as: UTF8.self).debugDescription
        let reproduce = target == .query
            ? "siklus --data \(options.out)/data \(saved)   (or siklus-fuzz --replay \(saved) --target query --out \(options.out))"
            : "siklus-fuzz --replay \(saved) --target csv --seed \(options.seed) --first \(index)"
        let report = """
            \(what) on \(target.rawValue) input #\(index) (seed \(options.seed)), saved to \(saved)
              input (\(input.count) bytes, minimized by line): \(shown)\(input.count > 600 ? "…" : "")
              reproduce: \(reproduce)
            \(crash.lines.map { "  | " + $0 }.joined(separator: "\n"))

            """
        try (report + "\nfull stderr of the worker:\n" + stderr).write(toFile: saved + ".txt", atomically: true, encoding: .utf8)
        print(report)
    }
}

/// Starts `program` with stdin and stdout on /dev/null and stderr into `stderr`.
func spawn(_ program: String, _ arguments: [String], environment: [String: String], stderr: String) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, program, &actions, nil, argv, envp)
    guard result == 0 else { throw UsageError("cannot start a worker: \(String(cString: strerror(result)))") }
    return pid
}
