import Foundation
import XCTest

/// Expected output kept in a file beside the tests, compared in full.
///
/// With `SIKLUS_RECORD=1` in the environment the file is written instead and the test fails, so a re-record
/// is always deliberate (then read `git diff`). A mismatch prints the differing lines as a diff, with context.
public enum GoldenFile {
    /// True when the run re-records golden files instead of comparing them.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["SIKLUS_RECORD"] == "1" }

    /// Compares `actual` with the whole text of the file at `url`, or records it.
    public static func assertMatches(_ actual: String, at url: URL, file: StaticString = #filePath, line: UInt = #line) {
        if isRecording {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: url, atomically: true, encoding: .utf8)
                XCTFail("recorded \(url.path); run again without SIKLUS_RECORD=1 to compare", file: file, line: line)
            } catch {
                XCTFail("cannot record \(url.path): \(error)", file: file, line: line)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("missing golden file \(url.path); record it with SIKLUS_RECORD=1", file: file, line: line)
            return
        }
        if let diff = difference(expected: expected, actual: actual, name: url.lastPathComponent) {
            XCTFail(diff, file: file, line: line)
        }
    }

    /// nil when the texts are equal; else the changed region as `-expected`/`+actual` lines with two lines of
    /// context (at most 60 lines of it), and how to re-record.
    public static func difference(expected: String, actual: String, name: String) -> String? {
        guard expected != actual else { return nil }
        let want = expected.components(separatedBy: "\n"), got = actual.components(separatedBy: "\n")
        var prefix = 0
        while prefix < want.count, prefix < got.count, want[prefix] == got[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < want.count - prefix, suffix < got.count - prefix,
              want[want.count - 1 - suffix] == got[got.count - 1 - suffix] { suffix += 1 }
        let context = 2
        let start = max(0, prefix - context)
        var lines = ["\(name) differs from line \(prefix + 1) (- expected, + actual):"]
        lines += want[start..<prefix].map { "  " + $0 }
        lines += want[prefix..<(want.count - suffix)].map { "- " + $0.debugDescription.dropFirst().dropLast() }
        lines += got[prefix..<(got.count - suffix)].map { "+ " + $0.debugDescription.dropFirst().dropLast() }
        lines += want[(want.count - suffix)..<min(want.count, want.count - suffix + context)].map { "  " + $0 }
        if lines.count > 61 { lines = Array(lines.prefix(61)) + ["  … (\(lines.count - 61) more lines)"] }
        lines.append("(re-record with SIKLUS_RECORD=1 if the change is intended, then review git diff)")
        return lines.joined(separator: "\n")
    }
}
