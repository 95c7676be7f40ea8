import Foundation
import XCTest
@testable import SiklusShell

/// `ScriptFile.read` on what `siklus SCRIPT`, `-f` and `.read` may be given: pipes, FIFOs, devices,
/// `/proc` files and encodings, each read or refused with its real reason, never a hang.
final class ScriptFileTests: TemporaryDirectoryTestCase {
    private func reason(_ path: String) -> String {
        do {
            _ = try ScriptFile.read(path)
            return "read"
        } catch {
            return error.description
        }
    }

    func testAFIFOWithDataIsRead() throws {
        let fifo = path("script.fifo")
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        // A reader first, so the writer's open does not block; the data waits in the pipe after the writer closes.
        let keeper = open(fifo, O_RDONLY | O_NONBLOCK)
        defer { close(keeper) }
        let writer = open(fifo, O_WRONLY)
        XCTAssertGreaterThanOrEqual(writer, 0)
        XCTAssertEqual(write(writer, ".mode csv\n", 10), 10)
        close(writer)
        XCTAssertEqual(try ScriptFile.read(fifo), ".mode csv\n")
    }

    func testAFIFOWithNoWriterIsAnErrorNotAHang() throws {
        let fifo = path("idle.fifo")
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        XCTAssertEqual(reason(fifo), "cannot read \(fifo): it is a pipe or FIFO with no writer (nothing to read); start the writer first")
    }

    func testAPipeNamedByDevFdIsRead() throws {
        var ends: [Int32] = [-1, -1]
        XCTAssertEqual(pipe(&ends), 0)
        defer { close(ends[0]) }
        XCTAssertEqual(write(ends[1], "text\n", 5), 5)
        close(ends[1])
        XCTAssertEqual(try ScriptFile.read("/dev/fd/\(ends[0])"), "text\n")
    }

    func testDevZeroIsADeviceNotAScript() {
        XCTAssertEqual(reason("/dev/zero"), "cannot run /dev/zero: it is a device giving binary data, not a script")
    }

    func testAProcFileOfSizeZeroIsReadByStreaming() throws {
        guard FileManager.default.fileExists(atPath: "/proc/version") else { throw XCTSkip("needs /proc") }
        XCTAssertTrue(try ScriptFile.read("/proc/version").hasPrefix("Linux"))
    }

    func testUTF16IsNamedWithTheConversionCommand() throws {
        let script = ".mode csv\ncohort | metric customers\n"
        for (name, data) in [("bom.sik", script.data(using: .utf16)), ("le.sik", script.data(using: .utf16LittleEndian)),
                             ("be.sik", script.data(using: .utf16BigEndian))] {
            try XCTUnwrap(data).write(to: URL(fileURLWithPath: path(name)))
            XCTAssertEqual(reason(path(name)), "cannot run \(path(name)): the script is UTF-16; convert it with "
                + "`iconv -f UTF-16 -t UTF-8 \(path(name)) > converted.sik`")
        }
    }

    func testANulByteIsNamedWithItsOffset() throws {
        try Data(".mode csv\n\u{0}\n".utf8).write(to: URL(fileURLWithPath: path("nul.sik")))
        XCTAssertEqual(reason(path("nul.sik")), "cannot run \(path("nul.sik")): it has a NUL byte at byte 11: a binary file, not a script")
    }

    func testAUTF8ByteOrderMarkIsDropped() throws {
        try Data([0xEF, 0xBB, 0xBF] + Array(".mode\n".utf8)).write(to: URL(fileURLWithPath: path("bom8.sik")))
        XCTAssertEqual(try ScriptFile.read(path("bom8.sik")), ".mode\n")
    }

    func testAScriptOverTheCapIsRefused() throws {
        // Sparse: no disk is used, and the read stops at the cap.
        let big = path("big.sik")
        XCTAssertTrue(FileManager.default.createFile(atPath: big, contents: nil))
        XCTAssertEqual(truncate(big, off_t(ScriptFile.maximumBytes + 1)), 0)
        XCTAssertTrue(reason(big).hasPrefix("cannot run \(big): it is larger than 16 MiB"), reason(big))
    }

    func testADirectoryAndAMissingFileKeepTheSystemReason() {
        XCTAssertEqual(reason(directory.path), "cannot open \(directory.path): Is a directory")
        XCTAssertEqual(reason(path("none.sik")), "cannot open \(path("none.sik")): No such file or directory")
    }

    func testProcessSubstitutionRunsAsAScript() throws {
        // `siklus <(…)`: the script is a pipe with a live writer (here, bash).
        guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else { throw XCTSkip("needs bash") }
        let binary = try SiklusBinary.url().path
        let result = try SiklusBinary.run(["-c", "'\(binary)' <(printf '.mode csv\\n.mode\\n')"],
                                          executable: URL(fileURLWithPath: "/bin/bash"))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "mode: csv\n")
    }
}
