import Foundation
import XCTest
@testable import SiklusEngine
import SiklusLanguage

/// Runs every `Golden/*.sik` script on the demo data and compares the rendered outcomes with the
/// `.expected` file beside it. With `SIKLUS_RECORD=1` the expected files are written instead, and the
/// test fails so that a re-record is always deliberate.
///
/// Directives (comment lines of their own, anywhere in the script):
/// - `# no-spend`: load customers and events only;
/// - `# no-data`: load nothing.
///
/// Scripts run with the `Golden` directory as the working directory, so they can load `data/…` files.
final class GoldenQueryTests: XCTestCase {
    static var recording: Bool { ProcessInfo.processInfo.environment["SIKLUS_RECORD"] == "1" }

    static func scripts() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: TestPaths.golden, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "sik" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The transcript of one script: every outcome, separated by blank lines.
    static func transcript(of url: URL) throws -> String {
        let text = try String(contentsOf: url, encoding: .utf8)
        let directives = Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        let session = Session()
        if !directives.contains("# no-data") {
            _ = try session.load(.customers, path: TestPaths.demoFile("customers.csv"))
            _ = try session.load(.events, path: TestPaths.demoFile("events.csv"))
            if !directives.contains("# no-spend") {
                _ = try session.load(.spend, path: TestPaths.demoFile("spend.csv"))
            }
        }
        let source = SourceFile(name: url.lastPathComponent, text: text)
        var parts: [String] = []
        let previous = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(TestPaths.golden.path)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        session.run(source) { outcome in
            parts.append(PlainTable.render(outcome, in: source))
            return true
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    func testGoldenScripts() throws {
        let scripts = try Self.scripts()
        XCTAssertGreaterThan(scripts.count, 10, "golden scripts missing from \(TestPaths.golden.path)")
        var recorded: [String] = []
        for script in scripts {
            let actual = try Self.transcript(of: script)
            let expectedURL = script.deletingPathExtension().appendingPathExtension("expected")
            if Self.recording {
                try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
                recorded.append(expectedURL.lastPathComponent)
                continue
            }
            guard let expected = try? String(contentsOf: expectedURL, encoding: .utf8) else {
                XCTFail("missing \(expectedURL.lastPathComponent); record it with SIKLUS_RECORD=1")
                continue
            }
            if expected != actual { XCTFail(Self.firstDifference(name: expectedURL.lastPathComponent, expected, actual)) }
        }
        if Self.recording {
            XCTFail("recorded \(recorded.count) expected files; run again without SIKLUS_RECORD=1 to compare")
        }
    }

    func testEveryExpectedFileHasAScript() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: TestPaths.golden.path)
        for name in files where name.hasSuffix(".expected") {
            let script = String(name.dropLast(".expected".count)) + ".sik"
            XCTAssertTrue(files.contains(script), "\(name) has no \(script)")
        }
    }

    static func firstDifference(name: String, _ expected: String, _ actual: String) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        let index = Array(zip(e, a)).firstIndex { $0 != $1 } ?? min(e.count, a.count)
        let want = index < e.count ? e[index].debugDescription : "(end of file)"
        let got = index < a.count ? a[index].debugDescription : "(end of output)"
        return "\(name) differs at line \(index + 1):\n  expected \(want)\n  actual   \(got)\n(re-record with SIKLUS_RECORD=1 if the change is intended)"
    }
}
