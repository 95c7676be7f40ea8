import Foundation
import SiklusEngine
import SiklusTestSupport
import XCTest
@testable import SiklusShell

/// `.tour` with scripted presses (Enter, `b`, `q`, a statement typed at the pause) on a real session, and
/// `.read`'s echo of statements in a script with comments. The transcripts are compared with
/// `Golden/lesson-*.txt`; re-record on purpose with `SIKLUS_RECORD=1`.
final class LessonModeTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("siklus-lesson-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try """
            customer_id,ts,event,amount,channel
            c1,2023-01-01 10:00:00,ad_click,,search
            c1,2023-01-03 10:00:00,purchase,20.5,search
            c2,2023-01-02 09:00:00,page_view,,social
            c2,2023-02-10 09:00:00,purchase,10,social
            c2,2023-03-10 09:00:00,purchase,30,social
            c3,2023-01-05 12:00:00,ad_click,,social

            """.write(to: directory.appendingPathComponent("events.csv"), atomically: true, encoding: .utf8)
        try """
            #!/usr/bin/env siklus
            # A small lesson.
            #
            # Its data is beside it.
            load events "events.csv"

            # ---
            # 1. Customers
            events | metric customers

            # Question: how many customers bought?

            # Answer: two of the three.
            # ---
            # 2. A mistake
            events | metric nonsense
            events | metric events
            # Question: what went wrong?

            # Answer: there is no metric called nonsense, and the step stopped there.

            """.write(to: directory.appendingPathComponent("lesson.sik"), atomically: true, encoding: .utf8)
        try """
            # Customers and their orders.
            load events "events.csv"
            events | metric customers
            cohort by channel |
              metric orders
            set churn_after = 30d

            """.write(to: directory.appendingPathComponent("report.sik"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    private var golden: URL { SiklusBinary.packageRoot.appendingPathComponent("Tests/SiklusShellTests/Golden") }

    /// A shell on a real session whose pauses answer `presses` in turn (then the end of input), written
    /// into the transcript after their prompt as a terminal would show them.
    private func lesson(mode: OutputMode = .plain, presses: [String]) -> (shell: Shell, out: CapturedOutput, err: CapturedOutput) {
        let out = CapturedOutput(), err = CapturedOutput()
        let shell = Shell(session: Session(), io: ShellIO(out: out, err: err), settings: ShellSettings(mode: mode))
        var remaining = presses[...]
        shell.readPause = { prompt in
            guard let press = remaining.popFirst() else {
                out.write(prompt + "(end of input)\n")
                return .end
            }
            out.write(prompt + press + "\n")
            return .line(press)
        }
        return (shell, out, err)
    }

    /// The transcript without the temporary folder's path and the load's timing.
    private func transcript(_ out: CapturedOutput, _ err: CapturedOutput) -> String {
        (out.text + "--- stderr ---\n" + err.text)
            .replacingOccurrences(of: directory.path + "/", with: "")
            .replacingOccurrences(of: #" in \d+\.\d+ s"#, with: " in (time)", options: .regularExpression)
    }

    /// Enter, Enter, b (the question's step again), a statement typed at the pause, Enter to the end.
    func testEnterBackAndAStatementAtThePause() {
        let (shell, out, err) = lesson(presses: ["", "", "b", "cohort | metric conversion_rate", "", "", "", ""])
        XCTAssertTrue(shell.execute(.meta(".tour \(directory.path)/lesson.sik", line: 1), in: "<test>") == false,
                      "the mistake in step 4 fails the command, the lesson goes on")
        GoldenFile.assertMatches(transcript(out, err), at: golden.appendingPathComponent("lesson-enter-back.txt"))
        XCTAssertTrue(out.text.contains("[5/5] Enter: end"), out.text)
        XCTAssertFalse(err.text.contains("the lesson stopped"), "Enter on the last step ends the lesson quietly")
    }

    /// q stops at once; the end of input stops too (a pipe that runs out never hangs the lesson).
    func testQuitAndTheEndOfInputStopTheLesson() {
        let (quitting, out, err) = lesson(presses: ["", "q"])
        XCTAssertTrue(quitting.execute(.meta(".tour \(directory.path)/lesson.sik", line: 1), in: "<test>"))
        GoldenFile.assertMatches(transcript(out, err), at: golden.appendingPathComponent("lesson-quit.txt"))
        XCTAssertTrue(err.text.contains("the lesson stopped at step 2 of 5"), err.text)

        let (ending, _, endErr) = lesson(presses: [])
        XCTAssertTrue(ending.execute(.meta(".tour \(directory.path)/lesson.sik", line: 1), in: "<test>"))
        XCTAssertTrue(endErr.text.contains("the lesson stopped at step 1 of 5"), endErr.text)
    }

    /// `.read` of a script with comments echoes each result's statement in the modes meant for reading,
    /// and nothing in csv; a script without comments is not echoed.
    func testReadEchoesStatementsOfAScriptWithComments() throws {
        let (box, boxOut, boxErr) = lesson(mode: .box, presses: [])
        XCTAssertTrue(box.execute(.meta(".read \(directory.path)/report.sik", line: 1), in: "<test>"))
        GoldenFile.assertMatches(transcript(boxOut, boxErr), at: golden.appendingPathComponent("lesson-read-echo.txt"))

        let (csv, csvOut, _) = lesson(mode: .csv, presses: [])
        XCTAssertTrue(csv.execute(.meta(".read \(directory.path)/report.sik", line: 1), in: "<test>"))
        XCTAssertEqual(csvOut.text, "customers\n3\n\ncohort,orders\nsearch,1\nsocial,2\n", "csv stays data only")

        let bare = try String(contentsOf: directory.appendingPathComponent("report.sik"), encoding: .utf8)
            .replacingOccurrences(of: "# Customers and their orders.\n", with: "")
        try bare.write(to: directory.appendingPathComponent("bare.sik"), atomically: true, encoding: .utf8)
        let (plain, plainOut, _) = lesson(mode: .plain, presses: [])
        XCTAssertTrue(plain.execute(.meta(".read \(directory.path)/bare.sik", line: 1), in: "<test>"))
        XCTAssertFalse(plainOut.text.contains("siklus>"), plainOut.text)
    }

    /// Going back puts back the options a later step changed, so the step shows what it showed first.
    func testBackPutsTheOptionsBack() throws {
        try """
            # By month.
            load events "events.csv"
            cohort by signup | metric customers

            # By year.
            set period = year
            let buyers = cohort | stage purchase
            cohort by signup | metric customers
            """.write(to: directory.appendingPathComponent("options.sik"), atomically: true, encoding: .utf8)
        let (shell, out, err) = lesson(presses: ["", "b", "buyers | metric customers", "q"])
        XCTAssertFalse(shell.execute(.meta(".tour \(directory.path)/options.sik", line: 1), in: "<test>"), "`buyers` is unknown again")
        let shown = out.text.components(separatedBy: "[1/2]")
        XCTAssertEqual(shown.count, 4, out.text)
        XCTAssertTrue(shown[0].contains("2023-01 "), "months at first: \(shown[0])")
        XCTAssertTrue(shown[1].contains("2023 "), "years in step 2: \(shown[1])")
        XCTAssertTrue(shown[1].contains("2023-01 "), "months again after b: \(shown[1])")
        XCTAssertEqual(shell.session.settings.period, .month)
        XCTAssertTrue(err.text.contains("unknown"), "the variable of step 2 is gone after b: \(err.text)")
    }

    /// A lesson started from a `.read` script with comments echoes each statement once.
    func testALessonInsideAReadEchoesOnce() throws {
        try "# Starts the lesson.\n.tour lesson.sik\n".write(to: directory.appendingPathComponent("starter.sik"), atomically: true, encoding: .utf8)
        let (shell, out, _) = lesson(presses: ["", "q"])
        XCTAssertTrue(shell.execute(.meta(".read \(directory.path)/starter.sik", line: 1), in: "<test>"))
        XCTAssertEqual(out.text.components(separatedBy: "siklus> events | metric customers").count, 2, out.text)
        XCTAssertTrue(out.text.contains("[2/5]"), out.text)
    }

    /// A lesson that starts itself is stopped like a `.read` that reads itself.
    func testALessonThatStartsItselfIsStopped() throws {
        try ".tour self.sik\n".write(to: directory.appendingPathComponent("self.sik"), atomically: true, encoding: .utf8)
        let (shell, _, err) = lesson(presses: Array(repeating: "", count: 40))
        XCTAssertFalse(shell.execute(.meta(".tour \(directory.path)/self.sik", line: 1), in: "<test>"))
        XCTAssertTrue(err.text.contains("`.tour` is nested more than 16 deep"), err.text)
    }

    /// Under `set language = id` the pause line, the stop note, `.present`'s confirmation and `explain`'s
    /// closing line are Indonesian; the keys stay Enter, b and q.
    func testTheLessonSpeaksTheSessionsLanguage() {
        let (shell, out, err) = lesson(presses: ["", "q"])
        XCTAssertTrue(shell.execute(.statements("set language = id", firstLine: 1), in: "<test>"))
        XCTAssertTrue(shell.execute(.meta(".tour \(directory.path)/lesson.sik", line: 1), in: "<test>"))
        XCTAssertTrue(out.text.contains("[1/5] Enter: lanjut · b: kembali · q: berhenti > "), out.text)
        XCTAssertTrue(err.text.contains("pelajaran berhenti di langkah 2 dari 5"), err.text)
        XCTAssertFalse(out.text.contains("Enter: next"), out.text)
        XCTAssertEqual(TourPrompt.text(step: 5, of: 5, in: .id), "[5/5] Enter: selesai · b: kembali · q: berhenti > ")
        XCTAssertTrue(shell.execute(.meta(".present on", line: 1), in: "<test>"))
        XCTAssertTrue(shell.execute(.meta(".present", line: 1), in: "<test>"))
        XCTAssertTrue(out.text.contains("present: aktif"), out.text)
        let interactiveErr = CapturedOutput()
        let interactive = Shell(session: Session(), io: ShellIO(out: CapturedOutput(), err: interactiveErr), isInteractive: true)
        XCTAssertTrue(interactive.execute(.statements("set language = id", firstLine: 1), in: "<test>"))
        XCTAssertTrue(interactive.execute(.meta(".present on", line: 1), in: "<test>"))
        XCTAssertTrue(interactiveErr.text.contains("mode presentasi aktif: garis tebal"), interactiveErr.text)
        XCTAssertTrue(shell.execute(.statements("explain events | metric customers", firstLine: 1), in: "<test>"))
        XCTAssertTrue(out.text.contains("(`explain sql …` menambahkan SQL-nya"), out.text)
    }
}
