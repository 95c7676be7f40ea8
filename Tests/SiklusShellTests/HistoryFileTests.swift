import Foundation
import XCTest
@testable import SiklusShell

/// The history file is never written through a symlink (the interactive shell's libedit history).
final class HistoryFileTests: TemporaryDirectoryTestCase {
    private func writeLines(_ text: String) -> (String) -> Bool {
        { path in (try? text.write(toFile: path, atomically: false, encoding: .utf8)) != nil }
    }

    func testASymlinkedHistoryFileIsRefusedAndItsTargetUntouched() throws {
        let target = path("precious"), link = path("history")
        try "keep me".write(toFile: target, atomically: true, encoding: .utf8)
        XCTAssertEqual(chmod(target, 0o644), 0)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        XCTAssertEqual(HistoryFile.refusal(link), "\(link) is a symlink; history is not read or written through it (kept for this session only)")
        XCTAssertNotNil(HistoryFile.save(to: link, write: writeLines("_HiStOrY_V2_\n")))
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "keep me")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int, 0o644)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: link)[.type] as? FileAttributeType, .typeSymbolicLink)
    }

    func testSavingReplacesARegularFileAndLeavesNoTemporaryFile() throws {
        let history = path("history")
        XCTAssertNil(HistoryFile.refusal(history), "a missing file is created")
        XCTAssertNil(HistoryFile.save(to: history, write: writeLines("one\n")))
        XCTAssertNil(HistoryFile.save(to: history, write: writeLines("two\n")))
        XCTAssertEqual(try String(contentsOfFile: history, encoding: .utf8), "two\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["history"])
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: history)[.posixPermissions] as? Int, 0o600)
    }

    func testADirectoryIsRefused() {
        XCTAssertEqual(HistoryFile.refusal(directory.path), "\(directory.path) is not a regular file; history is kept for this session only")
    }
}
