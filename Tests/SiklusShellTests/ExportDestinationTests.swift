import Foundation
import XCTest
@testable import SiklusShell

/// One rule for every export destination (`ExportDestination.open`): symlinks are written through in
/// every format, a FIFO with no reader is an error instead of a hang, a failed write is an error.
final class ExportDestinationTests: TemporaryDirectoryTestCase {
    /// A link `link.EXT` to a 0600 file `target.EXT` holding "old".
    private func makeLink(_ ext: String) throws -> (link: String, target: String) {
        let target = path("target.\(ext)"), link = path("link.\(ext)")
        try "old".write(toFile: target, atomically: true, encoding: .utf8)
        XCTAssertEqual(chmod(target, 0o600), 0)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        return (link, target)
    }

    private func assertWrittenThrough(_ link: String, _ target: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let type = try FileManager.default.attributesOfItem(atPath: link)[.type] as? FileAttributeType
        XCTAssertEqual(type, .typeSymbolicLink, "the link stays a link", file: file, line: line)
        let text = try String(contentsOfFile: target, encoding: .utf8)
        XCTAssertFalse(text.hasPrefix("old"), "the target was written", file: file, line: line)
        XCTAssertFalse(text.isEmpty, file: file, line: line)
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600, "the target keeps its mode (written in place, not replaced)", file: file, line: line)
    }

    func testEveryExportFormatWritesThroughASymlink() throws {
        for ext in ["csv", "tsv", "json", "md", "svg", "html"] {
            let (link, target) = try makeLink(ext)
            let h = ShellHarness(table: Samples.chartable)
            XCTAssertEqual(h.run("table\n.export \(link)"), 0, "\(ext): \(h.err.text)")
            try assertWrittenThrough(link, target)
        }
    }

    func testOutputAndOnceWriteThroughASymlink() throws {
        for command in ["output", "once"] {
            let (link, target) = try makeLink(command)
            let h = ShellHarness(mode: .csv)
            XCTAssertEqual(h.run(".\(command) \(link)\ntable"), 0, h.err.text)
            try assertWrittenThrough(link, target)
        }
    }

    func testTheOutputFileIsClosedAtTheEnd() throws {
        let h = ShellHarness(mode: .csv)
        XCTAssertEqual(h.run(".output \(path("out.csv"))\ntable"), 0)
        guard case .file(_, let file) = h.shell.output else { return XCTFail("no .output file") }
        XCTAssertTrue(h.shell.closeOutput())
        XCTAssertEqual(h.shell.output, .standard)
        XCTAssertEqual(fcntl(file.descriptor, F_GETFD), -1, "the descriptor is closed")
        XCTAssertTrue(try String(contentsOfFile: path("out.csv"), encoding: .utf8).hasPrefix("cohort,"))
    }

    func testAFIFOWithNoReaderIsAnErrorNotAHang() throws {
        let fifo = path("fifo.csv")
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        for script in [".output \(fifo)", ".once \(fifo)", "table\n.export \(fifo)"] {
            let h = ShellHarness()
            XCTAssertEqual(h.run(script), 1, script)
            XCTAssertTrue(h.err.text.contains("cannot open \(fifo): it is a FIFO (named pipe) with no reader"), h.err.text)
        }
    }

    func testAFIFOWithAReaderIsWritten() throws {
        let fifo = path("fifo.csv")
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        XCTAssertGreaterThanOrEqual(reader, 0)
        defer { close(reader) }
        let h = ShellHarness()
        XCTAssertEqual(h.run("table\n.export \(fifo)"), 0, h.err.text)
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(reader, &buffer, buffer.count)
        XCTAssertGreaterThan(count, 0)
        XCTAssertTrue(String(decoding: buffer.prefix(max(0, count)), as: UTF8.self).hasPrefix("cohort,"))
    }

    func testAFullDiskFailsTheStatementLocated() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("needs /dev/full") }
        let full = path("full.csv")
        try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: "/dev/full")
        let h = ShellHarness()
        XCTAssertEqual(h.run(".bail off\n.output /dev/full\ntable\n.once /dev/full\ntable\ntable\n.export \(full)"), 1)
        let errors = h.err.text.components(separatedBy: "\n").filter { $0.contains("error:") }
        XCTAssertEqual(errors, [
            "test.sik:3:1: error: cannot write /dev/full: No space left on device; the results are incomplete",
            "test.sik:5:1: error: cannot write /dev/full: No space left on device; the results are incomplete",
            "test.sik:6:1: error: cannot write /dev/full: No space left on device; the results are incomplete",
            "test.sik:7:9: error: cannot write \(full): No space left on device",
        ], h.err.text)
    }
}
