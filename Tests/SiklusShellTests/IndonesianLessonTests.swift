import Foundation
import SiklusEngine
import SiklusLanguage
import SiklusTestSupport
import XCTest
@testable import SiklusShell

/// The demo lesson in Indonesian (`datasets/demo/tour.id.sik`): the English lesson's statements in the
/// same steps, its own questions and answers, chosen by `.tour` and `--lesson` when the session speaks
/// Indonesian, embedded in the binary like the English one.
final class IndonesianLessonTests: XCTestCase {
    private func steps(_ name: String) throws -> [TourScript.Step] {
        let text = try String(contentsOf: try SiklusBinary.demoDirectory().appendingPathComponent(name), encoding: .utf8)
        return TourScript(text, needsContinuation: Session().needsContinuation).steps
    }

    /// Step by step, the two lessons run the same statements in the same order: the class sees the same
    /// results whichever language it is taught in.
    func testBothLessonsHaveTheSameStatementsInTheSameSteps() throws {
        let english = try steps("tour.sik"), indonesian = try steps("tour.id.sik")
        XCTAssertEqual(indonesian.map(\.statements), english.map(\.statements))
        XCTAssertGreaterThan(english.flatMap(\.statements).count, 30)
        XCTAssertEqual(indonesian.map { $0.question.isEmpty }, english.map { $0.question.isEmpty }, "a question where the English asks one")
    }

    /// Every section of the Indonesian lesson asks under its results (`Pertanyaan:`) and answers on
    /// Enter (`Jawaban:`), in Indonesian.
    func testEverySectionAsksAndAnswersInIndonesian() throws {
        let steps = try steps("tour.id.sik")
        let sections = steps.indices.filter { steps[$0].paragraphs.first.map { TourScript.isRule($0[0]) } ?? false }
        XCTAssertEqual(sections.count, 18)
        for (number, start) in sections.enumerated() {
            let end = number + 1 < sections.count ? sections[number + 1] : steps.count
            let section = steps[start..<end]
            let title = steps[start].paragraphs[0][1]
            XCTAssertTrue(section.dropLast().last?.question.first?.first?.hasPrefix("Pertanyaan: ") ?? false, "\(title) asks a question")
            XCTAssertTrue(section.last?.paragraphs.first?.first?.hasPrefix("Jawaban: ") ?? false, "\(title) answers it on Enter")
        }
        let titles = sections.map { steps[$0].paragraphs[0][1] }
        for topic in ["Penyadaran", "Pendidikan", "Pemilihan", "Pembelian", "Retensi", "Advokasi", "Pelengseran",
                      "biaya per akuisisi", "konversi dan tayangan iklan", "volume transaksi", "indikator keterlibatan"] {
            XCTAssertTrue(titles.contains { $0.contains(topic) }, "a section on \(topic): \(titles)")
        }
    }

    /// The lesson file follows the language, on disk and in the binary (the embedded copy is the file).
    func testTheDemoLessonFollowsTheLanguage() throws {
        XCTAssertEqual(DemoLesson.fileName(in: .en), "tour.sik")
        XCTAssertEqual(DemoLesson.fileName(in: .id), "tour.id.sik")
        let demo = try SiklusBinary.demoDirectory()
        let path = try DemoLesson.scriptPath(environment: ["SIKLUS_DEMO": demo.path], language: .id)
        XCTAssertEqual(URL(fileURLWithPath: path).lastPathComponent, "tour.id.sik")
        if !EmbeddedDemo.fileNames.isEmpty {
            let file = try Data(contentsOf: demo.appendingPathComponent("tour.id.sik"))
            XCTAssertEqual(EmbeddedDemo.contents(of: "tour.id.sik").map { Data($0) }, file)
        }
    }

    /// A demo folder on disk without `tour.id.sik` (an older copy) gives the embedded Indonesian lesson,
    /// and still its own English one.
    func testAnOlderDemoFolderGivesWayToTheEmbeddedLesson() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("siklus-old-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = try SiklusBinary.demoDirectory()
        for name in ["customers.csv", "events.csv", "spend.csv", "tour.sik"] {
            try FileManager.default.copyItem(at: demo.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let environment = ["SIKLUS_DEMO": folder.path]
        XCTAssertEqual(try DemoLesson.scriptPath(environment: environment, language: .en), folder.path + "/tour.sik")
        try XCTSkipIf(EmbeddedDemo.fileNames.isEmpty, "this build embeds no demo")
        let indonesian = try DemoLesson.scriptPath(environment: environment, language: .id)
        XCTAssertTrue(indonesian.hasSuffix("/tour.id.sik") && !indonesian.hasPrefix(folder.path), indonesian)
    }

    /// `.tour` with no file in an Indonesian session runs the Indonesian lesson: its first sections with
    /// scripted Enter presses, then q; compared with `Golden/lesson-indonesian.txt`.
    func testFirstSectionsOfTheIndonesianLesson() throws {
        let out = CapturedOutput(), err = CapturedOutput()
        let session = Session()
        session.display.language = .id
        let shell = Shell(session: session, io: ShellIO(out: out, err: err), settings: ShellSettings(mode: .plain))
        var presses = ["", "", "", "", "", "q"][...]
        shell.readPause = { prompt in
            guard let press = presses.popFirst() else { return .end }
            out.write(prompt + press + "\n")
            return .line(press)
        }
        XCTAssertTrue(shell.execute(.meta(".tour", line: 1), in: "<test>"))
        let transcript = (out.text + "--- stderr ---\n" + err.text)
            .replacingOccurrences(of: #" dalam \d+\.\d+ dtk"#, with: " dalam (waktu)", options: .regularExpression)
        GoldenFile.assertMatches(transcript, at: SiklusBinary.packageRoot.appendingPathComponent("Tests/SiklusShellTests/Golden/lesson-indonesian.txt"))
        XCTAssertTrue(out.text.contains("1. Penyadaran"), out.text)
        XCTAssertTrue(out.text.contains("Jawaban: display paling luas"), out.text)
        XCTAssertTrue(err.text.contains("pelajaran berhenti di langkah 6 dari 37"), err.text)
    }
}
