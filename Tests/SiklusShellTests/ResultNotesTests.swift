import Foundation
import SiklusEngine
import XCTest
@testable import SiklusShell

/// A result's notes (caveats about its numbers) go to stderr in every output mode, never into the
/// results on stdout.
final class ResultNotesTests: XCTestCase {
    private let noted: ResultTable = {
        var table = Samples.cohorts
        table.notes = ["note: spend is recorded per day and channel"]
        return table
    }()

    func testNotesGoToStderrInEveryMode() {
        for mode in OutputMode.allCases {
            let harness = ShellHarness(mode: mode, table: noted)
            harness.run("table")
            XCTAssertTrue(harness.err.text.contains("note: spend is recorded per day and channel\n"), "\(mode): \(harness.err.text)")
            XCTAssertFalse(harness.out.text.contains("spend is recorded"), "\(mode) keeps notes out of stdout")
        }
    }

    func testChartsCarryTheirNotesToo() {
        let harness = ShellHarness(mode: .csv, table: noted)
        harness.run("plot")
        XCTAssertTrue(harness.err.text.contains("note: spend is recorded per day and channel"), harness.err.text)
    }
}
