import Foundation

/// The temp folder of one Spark session (`siklus-spark-<uuid>`): the bridge program, logs, warehouse and
/// the tables Siklus writes. It names the Siklus process that owns it (`owner.pid`), so a session whose
/// Siklus was killed (no `close()`) is cleaned up by the next `connect`.
enum SparkSessionFolder {
    static let prefix = "siklus-spark-"

    /// Creates a fresh folder owned by this process, first removing folders whose owner has died.
    static func create(in parent: URL = FileManager.default.temporaryDirectory) throws -> URL {
        removeAbandoned(in: parent)
        let folder = parent.appendingPathComponent(prefix + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try String(getpid()).write(to: folder.appendingPathComponent("owner.pid"), atomically: true, encoding: .utf8)
        return folder
    }

    /// Removes the session folders in `parent` whose owning process is gone (never one without an
    /// `owner.pid`, nor one whose owner still runs).
    ///
    /// - Complexity: O(entries of `parent`).
    static func removeAbandoned(in parent: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            let folder = parent.appendingPathComponent(name)
            guard let text = try? String(contentsOf: folder.appendingPathComponent("owner.pid"), encoding: .utf8),
                  let owner = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)),
                  owner != getpid(), !SparkBridgeProcess.isRunning(owner) else { continue }
            try? FileManager.default.removeItem(at: folder)
        }
    }
}
