import Foundation
import SiklusEngine
import SiklusTestSupport
import XCTest

/// The interactive shell in a real terminal: `siklus` runs in a detached tmux session of a fixed size,
/// keys are sent with `send-keys` and the screen is read with `capture-pane`. Every wait polls with a
/// timeout; each test uses its own tmux server, killed in tearDown.
final class TerminalEndToEndTests: XCTestCase {
    private var tmuxURL: URL!
    private var socket = ""
    private var directory: URL!
    private let session = "siklus"

    private var historyPath: String { directory.appendingPathComponent("history").path }

    override func setUpWithError() throws {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let tmux = paths.map({ URL(fileURLWithPath: String($0)).appendingPathComponent("tmux") })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw MissingPrerequisite("tmux is not on PATH (scripts/test installs it)")
        }
        tmuxURL = tmux
        socket = "siklus-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        directory = try makeTemporaryDirectory()
    }

    override func tearDownWithError() throws {
        if tmuxURL != nil { _ = try? tmux(["kill-server"]) }
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    // MARK: - Driving tmux

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> ProcessResult {
        try SiklusBinary.run(["-L", socket] + arguments, executable: tmuxURL, timeout: 10)
    }

    /// Starts `siklus` in a 120×40 terminal (or `width` columns) with HOME and the history file in the temporary directory.
    private func start(_ arguments: [String] = ["--no-demo"], width: Int = 120) throws {
        let binary = try SiklusBinary.url().path
        let command = (["env", "HOME=\(directory.path)", "SIKLUS_HISTORY=\(historyPath)", "LANG=C.UTF-8", binary] + arguments)
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            .joined(separator: " ")
        try tmux(["new-session", "-d", "-s", session, "-x", String(width), "-y", "40", command])
        try waitForScreen("the first prompt") { $0.last == "siklus>" }
    }

    /// Types `text` literally.
    private func type(_ text: String) throws { try tmux(["send-keys", "-t", session, "-l", text]) }

    /// Presses keys by tmux name: `Enter`, `Tab`, `Up`, `C-c`, `C-d`, `C-r`.
    private func press(_ keys: String...) throws { try tmux(["send-keys", "-t", session] + keys) }

    /// The non-empty lines on screen, trailing spaces removed.
    private func screen() throws -> [String] {
        try tmux(["capture-pane", "-p", "-t", session]).stdout.split(separator: "\n")
            .map { String($0.reversed().drop { $0 == " " }.reversed()) }
            .filter { !$0.isEmpty }
    }

    /// Polls the screen until `condition` holds; fails with the last screen after `timeout` seconds.
    @discardableResult
    private func waitForScreen(_ what: String, timeout: TimeInterval = 10, _ condition: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var lines: [String] = []
        while Date() < deadline {
            lines = try screen()
            if condition(lines) { return lines }
            usleep(50_000)
        }
        throw ScreenTimeout(description: "timed out waiting for \(what); screen:\n" + lines.joined(separator: "\n"))
    }

    /// Waits until the session ended (the shell exited).
    private func waitForExit(timeout: TimeInterval = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try tmux(["has-session", "-t", session]).status != 0 { return }
            usleep(50_000)
        }
        XCTFail("siklus did not exit")
    }

    /// Ends a test whose screen never showed what it waited for (the error fails the test).
    private struct ScreenTimeout: Error, CustomStringConvertible {
        var description: String
    }

    private func prompts(_ lines: [String]) -> Int { lines.filter { $0.hasPrefix("siklus>") }.count }

    // MARK: - Tests

    func testBannerCompletionStatementHistoryAndCtrlD() throws {
        try start()
        let first = try screen()
        XCTAssertTrue(first.contains { $0 == "siklus 0.1.0 · no data loaded (use load or --data DIR) · type help or .help" }, "\(first)")

        try type(".mo")
        try press("Tab")
        try waitForScreen(".mo + Tab → .mode") { $0.last == "siklus> .mode" }
        try type("csv")
        try press("Enter")
        try type(".mode")
        try press("Enter")
        try waitForScreen("mode: csv") { $0.contains("mode: csv") && $0.last == "siklus>" }

        let statement = "cohort signup=2022-09 | metric avg_order"
        try type(statement)
        try press("Enter")
        let afterStatement = try waitForScreen("the statement's result") { self.prompts($0) == 4 && $0.last == "siklus>" }
        // No data is loaded: the warning says so (stderr, first), then the answer is the CSV header and an empty
        // (null) value, which the screen shows as no line.
        let echoed = try XCTUnwrap(afterStatement.firstIndex(of: "siklus> " + statement), "\(afterStatement)")
        XCTAssertEqual(Array(afterStatement[(echoed + 1)...]), [
            "<stdin>: warning: no data is loaded, so every count is 0 and every rate empty",
            "  help: load events \"FILE\" (and customers, spend), or start siklus with --data DIR",
            "avg_order", "siklus>",
        ], "\(afterStatement)")

        try press("Up")
        try waitForScreen("Up recalls the statement") { $0.last == "siklus> " + statement }
        try press("Up")
        try waitForScreen("Up again recalls .mode") { $0.last == "siklus> .mode" }
        try press("C-c")
        try waitForScreen("Ctrl-C cancels the recalled line") { $0.last == "siklus>" && $0.contains { $0.hasSuffix("^C") } }

        try press("C-d")
        try waitForExit()
        let history = try String(contentsOfFile: historyPath, encoding: .utf8)
        XCTAssertTrue(history.hasPrefix("_HiStOrY_V2_\n"), history)
        XCTAssertTrue(history.contains("cohort\\040signup=2022-09\\040|\\040metric\\040avg_order\n"), history)
    }

    func testContinuationPromptAndCtrlCDropsTheStatement() throws {
        try start()
        try type("cohort signup=2022-09 |")
        try press("Enter")
        try waitForScreen("the continuation prompt") { $0.last == "   ...>" }
        try type(" metric avg")
        try press("C-c")
        try waitForScreen("a fresh prompt") { $0.last == "siklus>" }
        try type(".timer")
        try press("Enter")
        let lines = try waitForScreen("the shell still works") { $0.contains("timer: off") }
        XCTAssertFalse(lines.contains { $0.contains("error") }, "the cancelled statement never ran: \(lines)")
    }

    func testHistoryPersistsAcrossSessionsAndCtrlRSearchesIt() throws {
        try start()
        for line in [".bail", ".timer", ".mode"] {
            try type(line)
            try press("Enter")
        }
        try waitForScreen("three answers") { $0.contains("mode: box") }
        try type(".quit")
        try press("Enter")
        try waitForExit()

        try start()
        try press("Up")
        try waitForScreen("history from the last session") { $0.last == "siklus> .quit" }
        try press("C-u")
        try press("C-r")
        try type("tim")
        try waitForScreen("reverse search finds .timer") { $0.contains { $0.contains(".timer") } }
        try press("Enter")
        try waitForScreen("the found line ran") { $0.contains("timer: off") }
    }

    func testASymlinkedHistoryFileIsNotWrittenThrough() throws {
        let target = directory.appendingPathComponent("precious").path
        try "keep me".write(toFile: target, atomically: true, encoding: .utf8)
        XCTAssertEqual(chmod(target, 0o644), 0)
        try FileManager.default.createSymbolicLink(atPath: historyPath, withDestinationPath: target)
        try start()
        try waitForScreen("the note") { $0.joined().contains("is a symlink; history is not read or written through it") }
        try type(".mode")
        try press("Enter")
        try waitForScreen("the answer") { $0.contains("mode: box") }
        try type(".quit")
        try press("Enter")
        try waitForExit()
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "keep me")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int, 0o644)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: historyPath)[.type] as? FileAttributeType, .typeSymbolicLink)
    }

    func testQuotedPathCompletionClosesTheQuote() throws {
        let data = directory.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: data.appendingPathComponent("events_2022.csv").path, contents: Data("x\n".utf8))
        try start()
        try type("load events \"\(data.path)/ev")
        try press("Tab")
        try waitForScreen("the file name and a closing quote") { $0.last == "siklus> load events \"\(data.path)/events_2022.csv\"" }
    }

    /// `siklus orders.csv` loads the file as events and opens the shell on it; `.clear` empties it.
    func testADataFileArgumentOpensTheShellOnIt() throws {
        let orders = directory.appendingPathComponent("orders.csv").path
        try "customer_id,ts,amount\nu1,2022-09-14,10\nu2,2022-09-15,20\n".write(toFile: orders, atomically: true, encoding: .utf8)
        try start([orders])
        let banner = try screen().first { $0.hasPrefix("siklus ") } ?? ""
        XCTAssertTrue(banner.contains("events 2 rows from \(orders)"), banner)
        try type(".mode csv")
        try press("Enter")
        try type("events | metric customers")
        try press("Enter")
        try waitForScreen("the count of the file's customers") { $0.suffix(3) == ["customers", "2", "siklus>"] }
        try type(".clear")
        try press("Enter")
        try type("events | metric customers")
        try press("Enter")
        try waitForScreen("no customers after .clear") { $0.suffix(3) == ["customers", "0", "siklus>"] }
    }

    func testStageNameCompletionFromTheSessionVocabulary() throws {
        try start()
        // `reten` would be ambiguous (retention, and the Indonesian alias retensi).
        try type("cohort signup=2022-09 | stage retent")
        try press("Tab")
        try waitForScreen("stage completion") { $0.last == "siklus> cohort signup=2022-09 | stage retention" }
        try press("C-u")
        try type(".t")
        try press("Tab", "Tab")
        try waitForScreen("a second Tab lists the candidates") { $0.contains { $0.contains(".tables") && $0.contains(".timer") } }
    }

    /// `.tour` in a real terminal: the pause reads Enter, `b` and `q` through libedit, a statement typed at
    /// the pause runs, and none of the presses enter the history.
    func testTourStepsBackAndStopsInTheTerminal() throws {
        let lesson = directory.appendingPathComponent("lesson.sik").path
        try """
            # Step one: the customers.
            load events "orders.csv"
            events | metric customers

            # Question: how many?

            # Answer: two.
            # ---
            # Step three: the events.
            events | metric events
            """.write(toFile: lesson, atomically: true, encoding: .utf8)
        try "customer_id,ts,amount\nu1,2022-09-14,10\nu2,2022-09-15,20\n"
            .write(to: directory.appendingPathComponent("orders.csv"), atomically: true, encoding: .utf8)
        try start()
        try type(".tour \(lesson)")
        try press("Enter")
        try waitForScreen("the first pause") { $0.last == "[1/3] Enter: next · b: back · q: stop >" && $0.contains("Question: how many?") }
        try press("Enter")
        try waitForScreen("the answer") { $0.last == "[2/3] Enter: next · b: back · q: stop >" && $0.contains("Answer: two.") }
        try type("b")
        try press("Enter")
        try waitForScreen("back to the first step") { $0.last == "[1/3] Enter: next · b: back · q: stop >" }
        try type("events | metric events")
        try press("Enter")
        try waitForScreen("a statement run at the pause") { $0.suffix(3) == ["└────────┘", "1 row", "[1/3] Enter: next · b: back · q: stop >"] && $0.contains("│ events │") }
        try type("q")
        try press("Enter")
        try waitForScreen("the prompt after the lesson") { $0.last == "siklus>" && $0.contains("the lesson stopped at step 1 of 3") }
        try press("C-d")
        try waitForExit()
        let history = try String(contentsOfFile: historyPath, encoding: .utf8)
        XCTAssertTrue(history.contains(".tour"), history)
        XCTAssertFalse(history.split(separator: "\n").contains { $0 == "b" || $0 == "q" }, history)
    }

    func testMetricNameCompletion() throws {
        XCTAssertTrue(Session().vocabulary.metrics.contains("avg_order"))
        try start()
        try type("cohort signup=2022-09 | metric avg_o")
        try press("Tab")
        try waitForScreen("metric completion") { $0.last == "siklus> cohort signup=2022-09 | metric avg_order" }
    }

    func testBoxTableOnTheTerminal() throws {
        let demo = try SiklusBinary.demoDirectory()
        try start(["--data", demo.path])
        try type("cohort signup=2022-09 | metric avg_order")
        try press("Enter")
        let lines = try waitForScreen("a box table") { $0.contains { $0.hasPrefix("└") } && $0.last == "siklus>" }
        XCTAssertTrue(lines.contains { $0.hasPrefix("┌") })
        XCTAssertTrue(lines.contains { $0.hasSuffix(" rows") || $0.hasSuffix(" row") })
    }

    /// A projector's 80 columns: presentation mode draws thick lines, and the transitions table and
    /// the listings fit without the terminal wrapping them.
    func testPresentationOnAnEightyColumnTerminal() throws {
        let demo = try SiklusBinary.demoDirectory()
        try start(["--data", demo.path], width: 80)
        try type(".present on")
        try press("Enter")
        try type("events | by month | metric orders | plot")
        try press("Enter")
        var lines = try waitForScreen("a line chart") { $0.contains { $0.contains("└┬") } && $0.last == "siklus>" }
        XCTAssertTrue(lines.contains { $0.contains("▀") || $0.contains("▄") }, lines.joined(separator: "\n"))
        XCTAssertFalse(lines.contains { $0.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } }, "no braille")
        try type("cohort | metric transitions")
        try press("Enter")
        lines = try waitForScreen("the transitions table") { $0.contains { $0.hasPrefix("└") } && $0.last == "siklus>" }
        XCTAssertTrue(lines.contains { $0.contains("│ consid │") }, lines.joined(separator: "\n"))
        XCTAssertFalse(lines.contains { $0.contains("not shown") }, lines.joined(separator: "\n"))
        try type(".help")
        try press("Enter")
        lines = try waitForScreen(".help") { $0.contains { $0.hasPrefix(".exit") } && $0.last == "siklus>" }
        // A wrapped description continues under its column, not at column 0 (`.present` is near the end, so
        // it is on screen however long the listing above it grows).
        let present = try XCTUnwrap(lines.firstIndex { $0.hasPrefix(".present") }, lines.joined(separator: "\n"))
        let column = try XCTUnwrap(lines[present].range(of: "Presentation")).lowerBound.utf16Offset(in: lines[present])
        XCTAssertEqual(lines[present + 1].prefix { $0 == " " }.count, column, lines[present + 1])
    }
}
