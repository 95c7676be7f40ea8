import Foundation
import XCTest
@testable import SiklusShell

/// `.present on` reaches `.export chart.svg` and `.export report.html`: the file is drawn for a projector.
final class PresentExportTests: TemporaryDirectoryTestCase {
    func testExportFollowsPresentationMode() throws {
        let h = ShellHarness(table: Samples.chartable)
        XCTAssertEqual(h.run("table\n.export \(path("screen.svg"))\n.present on\n.export \(path("present.svg"))\n.export \(path("present.html"))"), 0, h.err.text)
        let screen = try String(contentsOfFile: path("screen.svg"), encoding: .utf8)
        let present = try String(contentsOfFile: path("present.svg"), encoding: .utf8)
        let html = try String(contentsOfFile: path("present.html"), encoding: .utf8)
        XCTAssertFalse(screen.contains("class=\"present\""), screen)
        XCTAssertTrue(present.contains(" class=\"present\" role=\"img\""), present)
        XCTAssertTrue(html.contains(" class=\"present\" role=\"img\""), html)
    }
}
