import Foundation
import SiklusEngine
import SiklusStore
import XCTest
import SiklusCharts
@testable import SiklusShell

/// Finding the demo dataset, loading a data directory, and the banner.
final class StartupTests: XCTestCase {
    func testDemoFromTheEnvironmentWinsEvenIfMissing() {
        let found = DemoLocator.locate(environment: ["SIKLUS_DEMO": "/data/demo"], currentDirectory: "/work",
                                       executablePath: "/opt/siklus/bin/siklus", isDirectory: { _ in true })
        XCTAssertEqual(found, "/data/demo")
    }

    func testDemoInTheCurrentDirectory() {
        let found = DemoLocator.locate(environment: ["SIKLUS_DEMO": ""], currentDirectory: "/work",
                                       executablePath: "/opt/siklus/bin/siklus", isDirectory: { $0 == "/work/datasets/demo" })
        XCTAssertEqual(found, "datasets/demo")
    }

    func testDemoFoundByWalkingUpFromTheExecutable() {
        var asked: [String] = []
        let found = DemoLocator.locate(environment: [:], currentDirectory: "/elsewhere",
                                       executablePath: "/src/siklus/.build/x86_64-unknown-linux-gnu/debug/siklus",
                                       isDirectory: { asked.append($0); return $0 == "/src/siklus/datasets/demo" })
        XCTAssertEqual(found, "/src/siklus/datasets/demo")
        XCTAssertEqual(asked, [
            "/elsewhere/datasets/demo",
            "/src/siklus/.build/x86_64-unknown-linux-gnu/share/siklus/demo",
            "/src/siklus/.build/x86_64-unknown-linux-gnu/debug/datasets/demo",
            "/src/siklus/.build/x86_64-unknown-linux-gnu/datasets/demo",
            "/src/siklus/.build/datasets/demo",
            "/src/siklus/datasets/demo",
        ])
    }

    func testNoDemoAnywhere() {
        XCTAssertNil(DemoLocator.locate(environment: [:], currentDirectory: "/a", executablePath: "/b/c/siklus", isDirectory: { _ in false }))
    }

    func testDataDirectoryLoadsPresentFilesCustomersFirst() {
        let session = Session()
        var asked: [String] = []
        let errors = DataDirectoryLoader.load("/data", into: session) { path in
            asked.append(path)
            return !path.hasSuffix("spend.csv")
        }
        XCTAssertEqual(asked, ["/data/customers.csv", "/data/events.csv", "/data/spend.csv"])
        // While the loader is a stub both loads fail; each failure names its file.
        if !errors.isEmpty {
            XCTAssertEqual(errors.count, 2)
            XCTAssertTrue(errors[0].hasPrefix("/data/customers.csv"), errors[0])
            XCTAssertTrue(errors[1].hasPrefix("/data/events.csv"), errors[1])
        }
    }

    func testDataDirectoryWithoutAnyFileIsAnError() {
        XCTAssertEqual(DataDirectoryLoader.load("/empty", into: Session()) { _ in false },
                       ["error: no customers.csv, events.csv or spend.csv in /empty"])
    }

    func testBannerWithoutData() {
        XCTAssertEqual(Banner.text(store: Store(), dataDirectory: nil),
                       "siklus \(siklusVersion) · no data loaded (use load or --data DIR) · type help or .help")
    }

    func testReportErrorColoursOnlyOnAColourTerminal() {
        let err = CapturedOutput()
        let shell = Shell(session: Session(), io: ShellIO(out: CapturedOutput(), err: err, errColor: true))
        shell.reportError("events.csv:3:1: error: bad")
        XCTAssertEqual(err.text, "events.csv:3:1: \u{1B}[31merror:\u{1B}[0m bad\n")
    }

    func testNoColorDisablesColour() {
        XCTAssertFalse(Terminal.colorAllowed(environment: ["NO_COLOR": "1"]))
        XCTAssertTrue(Terminal.colorAllowed(environment: ["NO_COLOR": ""]))
        XCTAssertFalse(Terminal.colorAllowed(environment: ["TERM": "dumb"]))
        XCTAssertTrue(Terminal.colorAllowed(environment: [:]))
    }

    func testDefaultModeDependsOnTheTerminal() {
        XCTAssertEqual(OutputMode.defaultMode(outputIsTerminal: true), .box)
        XCTAssertEqual(OutputMode.defaultMode(outputIsTerminal: false), .plain)
        let shell = Shell(session: Session(), io: ShellIO(out: CapturedOutput(), err: CapturedOutput(), outIsTerminal: true))
        XCTAssertEqual(shell.settings.mode, .box)
    }

    func testResultsToATerminalAreCutToItsWidthAndFilesAreNot() throws {
        let out = CapturedOutput()
        let shell = Shell(session: Session(), io: ShellIO(out: out, err: CapturedOutput(), outIsTerminal: true, terminalWidth: { 40 }))
        shell.writeTable(Samples.wide(columns: 12), to: .standard)
        XCTAssertTrue(out.text.contains("columns not shown"))
        for line in out.text.split(separator: "\n") { XCTAssertLessThanOrEqual(DisplayWidth.of(String(line)), 40) }
    }
}
