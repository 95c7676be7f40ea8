import Foundation

/// Prints how long each phase of a load took, and resident memory after it, when `SIKLUS_TRACE`
/// is set; free otherwise.
struct PhaseTimer {
    private let enabled = ProcessInfo.processInfo.environment["SIKLUS_TRACE"] != nil
    private var last = DispatchTime.now()

    /// Marks the end of phase `name`.
    mutating func mark(_ name: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        let ms = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e6
        let label = name.padding(toLength: 22, withPad: " ", startingAt: 0)
        FileHandle.standardError.write("  \(label) \(String(format: "%8.1f", ms)) ms  rss \(Self.residentMegabytes()) MB\n".data(using: .utf8)!)
        last = now
    }

    /// Current resident set size, from /proc/self/statm (0 where unavailable).
    static func residentMegabytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) >> 20
    }
}
