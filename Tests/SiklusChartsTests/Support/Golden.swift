import Foundation
import XCTest

/// Compares output with a file under `Golden/`, byte for byte. With `SIKLUS_RECORD=1` in the
/// environment it writes the file instead and fails, so a re-record is always deliberate.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden")

    static var recording: Bool { ProcessInfo.processInfo.environment["SIKLUS_RECORD"] == "1" }

    static func assertMatches(_ actual: String, name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = directory.appendingPathComponent(name)
        // Files end in a newline so `cat` shows them cleanly; charts themselves do not.
        let contents = actual + "\n"
        if recording {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try contents.write(to: url, atomically: true, encoding: .utf8)
                XCTFail("recorded \(name); run again without SIKLUS_RECORD=1 to compare", file: file, line: line)
            } catch {
                XCTFail("cannot record \(url.path): \(error)", file: file, line: line)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("missing golden file \(url.path); record it with SIKLUS_RECORD=1", file: file, line: line)
            return
        }
        guard expected != contents else { return }
        let expectedLines = expected.components(separatedBy: "\n")
        let actualLines = contents.components(separatedBy: "\n")
        let index = Array(zip(expectedLines, actualLines)).firstIndex { $0 != $1 } ?? min(expectedLines.count, actualLines.count)
        let want = index < expectedLines.count ? expectedLines[index].debugDescription : "(end of file)"
        let got = index < actualLines.count ? actualLines[index].debugDescription : "(end of output)"
        XCTFail("\(name) differs at line \(index + 1):\n  expected \(want)\n  actual   \(got)\n(re-record with SIKLUS_RECORD=1 if the change is intended)",
                file: file, line: line)
    }
}

/// Measuring output independently of the module's own width code: escapes removed with a
/// regular expression, then one column per character (fixtures hold no wide characters).
enum Measure {
    static func strippingEscapes(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    static func lines(_ text: String) -> [String] {
        strippingEscapes(text).components(separatedBy: "\n")
    }
}
