import Foundation

/// What a worker's stderr says about its end: the Swift runtime's message and the frames of the backtrace
/// (without registers and images), and a signature (message and first Siklus frame) to group repeats.
struct CrashReport {
    let lines: [String]
    let signature: String

    init(stderr: String) {
        var kept: [String] = []
        var threads = 0
        for line in stderr.split(separator: "\n") {
            if line.hasPrefix("Thread ") { threads += 1 }
            // Only the crashed thread's frames: other threads, registers and images are noise here.
            if threads > 1 || line.hasPrefix("Registers:") || line.hasPrefix("Images") { break }
            if line.hasPrefix("*** ") || line.hasPrefix("Thread ") || line.contains("Fatal error") || line.contains("failed:")
                || line.hasPrefix("finding:") || line.contains("💣") || line.range(of: #"^\s*\d+ "#, options: .regularExpression) != nil {
                kept.append(String(line))
            }
        }
        lines = Array(kept.prefix(40))
        let message = kept.first { $0.contains("Fatal error") || $0.contains("💣") || $0.hasPrefix("finding:") } ?? ""
        let frame = kept.first { $0.contains("/Sources/Siklus") }.flatMap { line in
            line.range(of: #"/Sources/[^ ]+\.swift:\d+"#, options: .regularExpression).map { String(line[$0]) }
        }
        // Addresses and sizes differ between repeats of one bug ("failed to allocate 507019815296 bytes").
        signature = message.replacingOccurrences(of: #"0x[0-9a-f]+|[0-9]+"#, with: "N", options: .regularExpression) + " @ " + (frame ?? "?")
    }
}
