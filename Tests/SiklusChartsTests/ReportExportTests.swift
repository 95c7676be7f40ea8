import Foundation
import SiklusEngine
import XCTest
@testable import SiklusCharts

/// `ReportExporter.contents` draws charts and reports by extension (the shell writes the file).
final class ReportExportTests: XCTestCase {
    func testExportChoosesFormatByExtension() throws {
        let table = Fixtures.funnel()
        for ext in ["html", "svg", "HTML"] {
            let text = try ReportExporter.contents(table, query: "funnel", path: "out.\(ext)")
            switch ext.lowercased() {
            case "html": XCTAssertTrue(text.hasPrefix("<!DOCTYPE html>"))
            default: XCTAssertTrue(text.hasPrefix("<?xml"))
            }
        }
    }

    func testUnsupportedExtensionNamesTheSupportedOnes() {
        XCTAssertThrowsError(try ReportExporter.contents(Fixtures.funnel(), query: "q", path: "/tmp/out.xlsx")) { error in
            XCTAssertEqual(error as? ChartError, .unsupportedFormat(path: "/tmp/out.xlsx", ext: "xlsx"))
            XCTAssertEqual("\(error)", "cannot export to '/tmp/out.xlsx': it has extension '.xlsx'; use .html or .svg")
        }
        XCTAssertThrowsError(try ReportExporter.contents(Fixtures.funnel(), query: "q", path: "report")) { error in
            XCTAssertEqual("\(error)", "cannot export to 'report': it has no extension; use .html or .svg")
        }
    }
}
