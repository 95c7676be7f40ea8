import Foundation
import SiklusTestSupport
import XCTest

/// The real binary in lesson mode with the presses piped on stdin: `--tour FILE` from another folder,
/// and `--lesson` from a lone copy of the binary, which must use the demo data embedded in it.
final class LessonProcessTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("siklus-lesson-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// Runs `command` with `/bin/sh -c` (so it can change folder first), presses on stdin.
    private func shell(_ command: String, stdin: String, environment: [String: String] = [:]) throws -> ProcessResult {
        try SiklusBinary.run(["-c", command], stdin: stdin, environment: environment, executable: URL(fileURLWithPath: "/bin/sh"), timeout: 120)
    }

    private func quoted(_ path: String) -> String { "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// From another folder, the tour's own paths are read beside it; b shows a step again, q stops.
    func testTourFromAnotherFolderWithBackAndQuit() throws {
        let tour = try SiklusBinary.demoDirectory().appendingPathComponent("tour.sik").path
        let binary = try SiklusBinary.url().path
        let result = try shell("cd \(quoted(directory.path)) && exec \(quoted(binary)) --tour \(quoted(tour))", stdin: "\n\nb\nq\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stderr.contains("error"), result.stderr)
        XCTAssertTrue(result.stderr.contains("the lesson stopped at step 2 of "), result.stderr)
        let prompts = result.stdout.split(separator: "\n").filter { $0.hasPrefix("[") && $0.contains("] Enter: ") }.map { String($0.prefix { $0 != "/" }) }
        XCTAssertEqual(prompts, ["[1", "[2", "[3", "[2"], result.stdout)
        XCTAssertEqual(result.stdout.components(separatedBy: "siklus> help stages").count, 3, "b ran the lifecycle step again")
    }

    /// A siklus copied alone into a folder (no datasets anywhere up its path) runs the demo lesson from
    /// the data embedded in it, and removes the folder it wrote the data to.
    func testLessonFromALoneBinaryUsesTheEmbeddedDemo() throws {
        let bin = directory.appendingPathComponent("bin")
        let temporary = directory.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let lone = bin.appendingPathComponent("siklus")
        if link(try SiklusBinary.url().path, lone.path) != 0 {
            try FileManager.default.copyItem(at: try SiklusBinary.url(), to: lone)
        }
        // A killed shell's folder (its pid is no process) is removed; a live process's folder stays.
        let live = "siklus-demo-\(getpid())-KeepMe"
        for name in ["siklus-demo-2147483646-AbCdEf", live] {
            try FileManager.default.createDirectory(at: temporary.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        // At the first pause (the data is loaded), explain's SQL names the files read: the extracted copy.
        let presses = "explain sql events | metric events\n" + String(repeating: "\n", count: 200)
        let result = try shell("cd \(quoted(directory.path)) && exec bin/siklus --lesson", stdin: presses, environment: ["TMPDIR": temporary.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stderr.contains("error"), result.stderr)
        XCTAssertTrue(result.stderr.contains("loaded events from events.csv: 19579 rows"), result.stderr)
        XCTAssertTrue(result.stdout.contains("read_csv('\(temporary.path)/siklus-demo-"), "the embedded data was used")
        XCTAssertTrue(result.stdout.contains("1. Awareness"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Answer: check before trusting."), "the lesson ran to its last answer")
        XCTAssertFalse(result.stderr.contains("the lesson stopped"), "Enter on the last step ends it")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary.path), [live],
                       "the extracted demo is removed at exit, and the folder of an ended process before")
    }
}
