import Foundation

/// Shrinks a crashing input line by line: drops each line (never a CSV's header) while the shorter input
/// still kills a replay process with a signal. Each try is one process, so this stays bounded (≤ 64 lines).
enum Minimizer {
    static func minimize(_ path: String, target: FuzzOptions.Target, options: FuzzOptions, index: Int) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        guard lines.count > 1, lines.count <= 64 else { return nil }
        let trial = path + ".trial"
        defer { try? FileManager.default.removeItem(atPath: trial) }
        var position = target == .csv ? 1 : 0
        while position < lines.count {
            var shorter = lines
            shorter.remove(at: position)
            if crashes(Array(shorter.joined(separator: [0x0A])), trial: trial, target: target, options: options, index: index) {
                lines = shorter
            } else {
                position += 1
            }
        }
        return Array(lines.joined(separator: [0x0A]))
    }

    private static func crashes(_ bytes: [UInt8], trial: String, target: FuzzOptions.Target, options: FuzzOptions, index: Int) -> Bool {
        guard FileManager.default.createFile(atPath: trial, contents: Data(bytes)) else { return false }
        let arguments = ["siklus-fuzz", "--replay", trial, "--target", target.rawValue, "--seed", String(options.seed),
                         "--first", String(index), "--corpus", options.corpus, "--out", options.out]
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        guard let pid = try? spawn("/proc/self/exe", arguments, environment: environment, stderr: "/dev/null") else { return false }
        let deadline = Date().addingTimeInterval(options.hangSeconds)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline { kill(pid, SIGKILL); waitpid(pid, &status, 0); return false }
            usleep(10_000)
        }
        return status & 0x7F != 0
    }
}
