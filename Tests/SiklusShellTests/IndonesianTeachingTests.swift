import Foundation
import SiklusEngine
import SiklusLanguage
import SiklusStore
import SiklusTestSupport
import XCTest
@testable import SiklusShell

/// Issue 15 §3, the teaching parts: `explain` (plan, formulas, worked example), `help stages` and the
/// load report in Indonesian, against a golden file; and the same statements stay English by default.
final class IndonesianTeachingTests: TemporaryDirectoryTestCase {
    private static let explained = [
        "explain cohort signup=2022-09 | metric avg_order",
        "explain cohort by channel | stage retention | metric repeat_rate, churn_rate, ltv, conversion_rate",
        "explain cohort by signup period quarter | retention percent horizon 3",
        "explain cohort | funnel visit -> add_to_cart -> purchase within 7d",
        "explain cohort | metric transitions percent",
        "explain cohort | metric churn_rate within 90d",
        "explain events | where channel = email | by month | metric active, engagement",
        "explain events | by month | metric dau, dau_mau",
        "explain events | lifecycle",
        "explain events | stickiness period week",
        "explain cohort | paths",
        "explain cohort | rfm",
        "explain cohort | funnel visit -> purchase by week",
        "explain cohort | retention start visit recurring",
        "explain cohort | retention start login rolling brackets (1, 7) min_events 2 value revenue",
        "explain cohort | stage lapsed | metric customers, median_revenue_per_customer",
    ]

    /// A shell over the demo data whose stdout and stderr are captured.
    private func demoShell() throws -> (Shell, CapturedOutput, CapturedOutput) {
        let demo = try SiklusBinary.demoDirectory()
        let session = Session()
        for table in [TableKind.customers, .events, .spend] {
            _ = try session.load(table, path: demo.appendingPathComponent("\(table.rawValue).csv").path)
        }
        let out = CapturedOutput(), err = CapturedOutput()
        return (Shell(session: session, io: ShellIO(out: out, err: err), settings: ShellSettings(mode: .plain)), out, err)
    }

    func testGoldenExplainAndHelpStagesInIndonesian() throws {
        let (shell, out, err) = try demoShell()
        let script = (["set language = id"] + Self.explained + ["help stages", "help metric tingkat_konversi", "help retention"]).joined(separator: "\n")
        _ = shell.runScript(script, name: "ajar.sik")
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/indonesian-teaching.expected")
        GoldenFile.assertMatches("-- stdout\n" + out.text + "-- stderr\n" + err.text, at: url)
    }

    /// A load with skipped rows and notes, reported in Indonesian (timing left out of the golden).
    func testGoldenLoadReportInIndonesian() throws {
        // 400 good rows and a few bad ones (the loader refuses a file with more than 1 % bad rows).
        var rows = (0..<400).map { "u\($0 % 40),2022-09-\(String(format: "%02d", $0 % 28 + 1)) 10:00:00,\($0 % 3 == 0 ? "purchase,12.50" : "visit,")" }
        rows.insert("u2,not a date,visit,", at: 10)
        rows.insert("u3,2022-09-05 09:00:00", at: 20)
        rows.insert(",2022-09-06 09:00:00,visit,", at: 30)
        try writeFile((["customer_id,ts,event,amount"] + rows).joined(separator: "\n") + "\n", to: "events.csv")
        let report = try Session().load(.events, path: path("events.csv"))
        let text = Language.$current.withValue(.id) { report.localized(includeTiming: false) }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/indonesian-load-report.expected")
        GoldenFile.assertMatches(text + "\n", at: url)
        XCTAssertFalse(text.contains("skipped") || text.contains("note:") || text.contains("expected"), text)
        // A load refused for its bad rows says why in Indonesian too.
        let good = (0..<100).map { "u\($0),2022-09-01 10:00:00,visit" }, bad = (0..<10).map { "x\($0),later,visit" }
        try writeFile((["customer_id,ts,event"] + good + bad).joined(separator: "\n") + "\n", to: "bad.csv")
        let (shell, _, err) = try demoShell()
        _ = shell.runScript("set language = id\nload events \"\(path("bad.csv"))\"", name: "t.sik")
        XCTAssertTrue(err.text.contains("ts: seharusnya tanggal atau waktu seperti 2022-09-14 atau 2022-09-14 10:21:14"), err.text)
    }

    /// Without `set language`, explain, help stages and load reports are English, word for word as before.
    func testEnglishStaysEnglish() throws {
        let (shell, out, _) = try demoShell()
        _ = shell.runScript(Self.explained[0] + "\nhelp stages", name: "t.sik")
        XCTAssertTrue(out.text.contains("worked example: customer u0001126, the first in scope who bought in scope"), out.text)
        XCTAssertTrue(out.text.contains("avg_order: 3 orders worth 185.85"), out.text)
        XCTAssertTrue(out.text.contains("  stage          also called"), out.text)
        XCTAssertFalse(out.text.contains("pelanggan kini"), out.text)
        _ = shell.runScript("explain events | by month | metric dau", name: "t.sik")
        XCTAssertTrue(out.text.contains("to the sum of daily actives (in each group they have events in)"), "not `dayly`: \(out.text)")
    }
}
