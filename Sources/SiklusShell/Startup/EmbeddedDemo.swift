import CDemoData
import Foundation

/// The demo dataset and lesson embedded in the binary (`CDemoData`), written out once per process to a
/// private temporary folder when no copy is found on disk, so a `siklus` copied anywhere on its own
/// still opens on the demo data and runs the lesson. The folder is removed when the process exits.
public enum EmbeddedDemo {
    /// The names of the embedded files; empty when the build could not embed them.
    public static var fileNames: [String] {
        (0..<siklus_demo_file_count()).map { String(cString: siklus_demo_file_name($0)) }
    }

    /// The bytes of the embedded file `name`, if any.
    public static func contents(of name: String) -> [UInt8]? {
        for index in 0..<siklus_demo_file_count() where String(cString: siklus_demo_file_name(index)) == name {
            var size = 0
            guard let bytes = siklus_demo_file_bytes(index, &size) else { return nil }
            return Array(UnsafeBufferPointer(start: bytes, count: size))
        }
        return nil
    }

    /// The folder holding the embedded files, written on first use (`mkdtemp`, mode 0700: no other user
    /// can plant files in it). Nil, with the reason, when nothing is embedded or it cannot be written.
    public static func folder() -> Result<String, DemoUnavailable> {
        lock.lock()
        defer { lock.unlock() }
        if let extracted { return extracted }
        let result = extract()
        extracted = result
        return result
    }

    private static let lock = NSLock()
    /// Guarded by `lock`.
    nonisolated(unsafe) private static var extracted: Result<String, DemoUnavailable>?

    private static func extract() -> Result<String, DemoUnavailable> {
        guard !fileNames.isEmpty else { return .failure(DemoUnavailable("this build of siklus has no embedded demo data")) }
        let base = (ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
        removeFoldersOfEndedProcesses(in: base)
        // The name holds the owner's pid, so a later run can remove the folder of a killed shell.
        var template = Array((base + "/siklus-demo-\(getpid())-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            return .failure(DemoUnavailable("cannot create a folder for the demo data in \(base): \(String(cString: strerror(errno)))"))
        }
        let folder = String(cString: made)
        ExtractedDemoCleanup.register(folder)
        for name in fileNames {
            guard let bytes = contents(of: name),
                  FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(bytes)) else {
                return .failure(DemoUnavailable("cannot write the demo data to \(folder)"))
            }
        }
        return .success(folder)
    }
}

extension EmbeddedDemo {
    /// Removes `siklus-demo-<pid>-…` folders in `base` of this user whose process has ended (killed before
    /// its exit handler ran: a closed terminal). O(entries of `base`).
    static func removeFoldersOfEndedProcesses(in base: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else { return }
        for name in names where name.hasPrefix("siklus-demo-") {
            let parts = name.split(separator: "-")
            guard parts.count == 4, let pid = pid_t(parts[2]), pid > 0, pid != getpid() else { continue }
            var info = stat()
            guard lstat(base + "/" + name, &info) == 0, info.st_uid == getuid(), (info.st_mode & S_IFMT) == S_IFDIR else { continue }
            if kill(pid, 0) != 0, errno == ESRCH { try? FileManager.default.removeItem(atPath: base + "/" + name) }
        }
    }
}

/// Why the demo data cannot be used.
public struct DemoUnavailable: Error, CustomStringConvertible, Equatable {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// Removes the folder of the extracted demo at exit (`atexit`: also after `exit()`).
private enum ExtractedDemoCleanup {
    nonisolated(unsafe) static var folder: String?

    static func register(_ path: String) {
        folder = path
        atexit {
            guard let folder = ExtractedDemoCleanup.folder else { return }
            try? FileManager.default.removeItem(atPath: folder)
        }
    }
}
