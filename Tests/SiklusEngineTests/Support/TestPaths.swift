import Foundation
import SiklusEngine
import SiklusTestSupport
import XCTest

/// Files the engine tests read: the repository's demo data and the golden scripts next to this target.
enum TestPaths {
    /// `Tests/SiklusEngineTests`.
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    /// The package root.
    static let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    /// `Tests/SiklusEngineTests/Golden`.
    static let golden = testsDirectory.appendingPathComponent("Golden")
    /// `datasets/demo`.
    static let demo = packageRoot.appendingPathComponent("datasets/demo")

    static func demoFile(_ name: String) -> String { demo.appendingPathComponent(name).path }

    /// A fresh empty directory under the system temporary directory.
    static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("siklus-\(label)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension XCTestCase {
    /// A session with `events` (CSV text) loaded from a file `name`, and that file's path; the file is
    /// removed when the test ends.
    func session(events: String, name: String = "events.csv") throws -> (Session, String) {
        let files = TestFiles()
        addTeardownBlock { _ = files }
        let path = files.write(name, events)
        let session = Session()
        _ = try session.load(.events, path: path)
        return (session, path)
    }
}
