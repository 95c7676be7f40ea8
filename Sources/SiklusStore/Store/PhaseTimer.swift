import Foundation

/// Prints how long each phase of a load took, and resident memory after it, when `SIKLUS_TRACE`
/// is set; free otherwise.
public struct PhaseTimer {
    private let enabled = ProcessInfo.processInfo.environment["SIKLUS_TRACE"] != nil
    private var last = DispatchTime.now()

    public init() {}

    /// Marks the end of phase `name`.
    public mutating func mark(_ name: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        let ms = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e6
        let label = name.padding(toLength: 22, withPad: " ", startingAt: 0)
        FileHandle.standardError.write("  \(label) \(String(format: "%8.1f", ms)) ms  peak rss \(Self.residentMegabytes()) MB\n".data(using: .utf8)!)
        last = now
    }

    /// Peak resident set size so far (getrusage), which is what the memory target is about.
    static func residentMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss >> 10
    }
}
