import Foundation

/// Prints how long each phase of a load took, and resident memory after it, when `SIKLUS_TRACE`
/// is set, and hands each phase to `observer` when one is set (siklus-bench); free otherwise.
public struct PhaseTimer {
    /// Receives each phase's name and seconds on the thread that marks it (the loading thread), for
    /// siklus-bench to print the load's phases; set it before a load and clear it after, never during one.
    nonisolated(unsafe) public static var observer: ((String, Double) -> Void)?

    private let traced = ProcessInfo.processInfo.environment["SIKLUS_TRACE"] != nil
    private let observer = PhaseTimer.observer
    private var last = DispatchTime.now()

    public init() {}

    /// Marks the end of phase `name`.
    public mutating func mark(_ name: String) {
        guard traced || observer != nil else { return }
        let now = DispatchTime.now()
        let ms = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e6
        observer?(name, ms / 1e3)
        if traced {
            let label = name.padding(toLength: 22, withPad: " ", startingAt: 0)
            FileHandle.standardError.write(Data("  \(label) \(String(format: "%8.1f", ms)) ms  peak rss \(Self.residentMegabytes()) MB\n".utf8))
        }
        last = now
    }

    /// Peak resident set size so far (getrusage), which is what the memory target is about.
    static func residentMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss >> 10
    }
}
