import Foundation

/// The session's two logs and their last lines for error messages.
struct SparkLogs {
    let spark: String
    let bridge: String

    init(directory: URL) {
        spark = directory.appendingPathComponent("spark.log").path
        bridge = directory.appendingPathComponent("bridge.log").path
    }

    /// "\n" + the last lines of both logs (Java stack frames left out), each under its path, or under its
    /// name alone when the folder is about to go (`withPaths` false); nothing for an empty log.
    func tail(lines: Int = 12, withPaths: Bool = true) -> String {
        var text = ""
        for path in [bridge, spark] {
            guard let contents = Self.end(of: path) else { continue }
            let last = contents.split(separator: "\n", omittingEmptySubsequences: true)
                .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("at ") }
                .suffix(lines)
            let label = withPaths ? path : URL(fileURLWithPath: path).lastPathComponent
            if !last.isEmpty { text += "\n--- last lines of \(label):\n" + last.map { String($0.prefix(300)) }.joined(separator: "\n") }
        }
        return text
    }

    /// The last 64 KiB of a file as text (a log can grow large in a long session).
    private static func end(of path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd() else { return nil }
        try? handle.seek(toOffset: size > 65_536 ? size - 65_536 : 0)
        guard let data = try? handle.readToEnd() else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
