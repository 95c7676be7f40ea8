import Foundation
import SiklusTestSupport
import XCTest

/// Chart output compared with a file under `Golden/` (see `GoldenFile`: `SIKLUS_RECORD=1` re-records).
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden")

    static func assertMatches(_ actual: String, name: String, file: StaticString = #filePath, line: UInt = #line) {
        // Files end in a newline so `cat` shows them cleanly; charts themselves do not.
        GoldenFile.assertMatches(actual + "\n", at: directory.appendingPathComponent(name), file: file, line: line)
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
