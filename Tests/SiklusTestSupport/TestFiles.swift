import Foundation

/// Writes test files into a fresh temporary directory, removed when the last reference goes (keep one
/// for the test's length: a stored property, or `addTeardownBlock { _ = files }`).
public final class TestFiles {
    public let directory: URL

    public init() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("siklus-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Writes `text` (as UTF-8, exactly) to `name` and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) -> String {
        write(name, bytes: Array(text.utf8))
    }

    /// Writes `bytes` to `name` (creating the folders it names) and returns its path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) -> String {
        let url = directory.appendingPathComponent(name)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let written = FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        precondition(written, "cannot write \(url.path)")
        return url.path
    }
}
